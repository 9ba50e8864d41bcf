package compose

import (
	"errors"
	"fmt"
	"io/fs"
	"pactwright/app/jurisdiction"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"text/template/parse"

	tpl "pactwright/app/template"
)

// wording is the parsed clause wording: one text/template per clause group,
// bound to the group by its id (assets/clauses/<group id>.tmpl), plus the
// definitions. Parsing and checking happen once per Composer.
type wording struct {
	groups      map[string]*template.Template
	definitions *template.Template
	// us is the same wording in US spelling, for deals under US law,
	// parsed on first use: most processes never render a US deal, and a
	// second parse would add a third to every command's start.
	us   func() (map[string]*template.Template, error)
	keys map[string]bool // every key a `ref` may name
	// fields lists, per subheading key ("pricing.invoices_and_payment")
	// or group id for what precedes the first subheading, the fields its
	// wording names: what can change that clause's text.
	fields map[string][]string
}

// definitionsFile holds the defined terms; every other file is a group.
const definitionsFile = "definitions"

// argKind says what a wording function's literal arguments must name, so
// that a typo in a field id, an option id or a clause key fails when the
// engine is built, naming the file and line, not in a user's PDF.
type argKind int

const (
	argField       argKind = iota // a field id
	argFieldOption                // a field id, then one of its option ids
	argRole                       // "customer" or "provider": the prefix of the party fields
	argKey                        // a clause or schedule key
	argPlace                      // a key of the jurisdiction pack
)

// wordingArgs lists the functions whose first arguments are checked.
var wordingArgs = map[string]argKind{
	"v": argField, "vl": argField, "vlor": argField, "raw": argField, "oneline": argField,
	"num": argField, "count": argField, "yes": argField, "has": argField, "on": argField,
	"nonzero": argField, "table": argField, "ask": argField,
	"is": argFieldOption, "includes": argFieldOption,
	"party": argRole, "ref": argKey, "place": argPlace,
}

var subheadingLine = regexp.MustCompile(`(?m)^## (.+)$`)

// parseWording reads every wording file, binds it to its group and checks
// every field, option and key it names against the template.
func parseWording(files fs.FS, t *tpl.Template, scheduleKeys []string) (*wording, error) {
	names, err := fs.Glob(files, "*.tmpl")
	if err != nil {
		return nil, fmt.Errorf("list clause wording: %w", err)
	}
	w := &wording{groups: map[string]*template.Template{}, keys: map[string]bool{}, fields: map[string][]string{}}
	for _, k := range scheduleKeys {
		w.keys[k] = true
	}
	sources := map[string]string{}
	for _, name := range names {
		src, err := fs.ReadFile(files, name)
		if err != nil {
			return nil, fmt.Errorf("read clause wording %s: %w", name, err)
		}
		id := strings.TrimSuffix(path.Base(name), ".tmpl")
		if _, ok := t.Group(id); !ok && id != definitionsFile {
			return nil, fmt.Errorf("clauses/%s: there is no clause group %q to bind it to", name, id)
		}
		sources[id] = string(src)
		w.keys[id] = true
		for _, m := range subheadingLine.FindAllStringSubmatch(string(src), -1) {
			w.keys[id+"."+slug(m[1])] = true
		}
		w.indexFields(t, id, string(src))
	}
	for _, g := range t.Groups {
		if _, ok := sources[g.ID]; !ok {
			return nil, fmt.Errorf("clause group %q has no wording file clauses/%s.tmpl", g.ID, g.ID)
		}
	}
	var errs []error
	for id, src := range sources {
		name := "clauses/" + id + ".tmpl"
		// Funcs are bound per execution (see funcs); parsing only needs the names.
		parsed, err := template.New(name).Option("missingkey=error").Funcs(funcs(nil)).Parse(src)
		if err != nil {
			return nil, fmt.Errorf("parse clause wording %s: %w", name, err)
		}
		for _, tmpl := range parsed.Templates() {
			errs = append(errs, w.check(tmpl.Tree, t)...)
		}
		if id == definitionsFile {
			w.definitions = parsed
		} else {
			w.groups[id] = parsed
		}
	}
	if w.definitions == nil {
		errs = append(errs, errors.New("clauses/definitions.tmpl is missing"))
	}
	// Respelling changes only text outside actions, so what the checks
	// above found holds for the US wording too.
	w.us = sync.OnceValues(func() (map[string]*template.Template, error) {
		us := map[string]*template.Template{}
		for id, src := range sources {
			parsed, err := template.New("clauses/" + id + ".tmpl").Option("missingkey=error").Funcs(funcs(nil)).Parse(usSpelling(src))
			if err != nil {
				return nil, fmt.Errorf("parse clause wording %s in US spelling: %w", id, err)
			}
			us[id] = parsed
		}
		return us, nil
	})
	return w, errors.Join(errs...)
}

// check walks one parsed file and reports every argument that names
// something the template does not have, as "file:line:col: ...".
func (w *wording) check(tree *parse.Tree, t *tpl.Template) []error {
	var errs []error
	placeKeys := jurisdiction.Keys()
	fail := func(n parse.Node, format string, args ...any) {
		loc, _ := tree.ErrorContext(n)
		errs = append(errs, fmt.Errorf("%s: %s", loc, fmt.Sprintf(format, args...)))
	}
	walk(tree.Root, func(cmd *parse.CommandNode) {
		ident, ok := cmd.Args[0].(*parse.IdentifierNode)
		if !ok {
			return
		}
		kind, checked := wordingArgs[ident.Ident]
		if !checked {
			return
		}
		if len(cmd.Args) < 2 {
			fail(cmd, "%s needs an argument", ident.Ident)
			return
		}
		arg, ok := cmd.Args[1].(*parse.StringNode)
		if !ok {
			fail(cmd, "%s must be given a quoted name, so it can be checked", ident.Ident)
			return
		}
		switch kind {
		case argField, argFieldOption:
			f, ok := t.Field(arg.Text)
			if !ok {
				fail(arg, "unknown field %q", arg.Text)
				return
			}
			if kind == argFieldOption && len(cmd.Args) > 2 {
				if opt, ok := cmd.Args[2].(*parse.StringNode); ok && !validOption(f, opt.Text) {
					fail(opt, "field %q has no option %q", f.ID, opt.Text)
				}
			}
		case argRole:
			if _, ok := t.Field(arg.Text + "_name"); !ok {
				fail(arg, "unknown party %q", arg.Text)
			}
		case argKey:
			// "<group>.<slug>.<n>" names the n-th clause under a subheading;
			// whether this draft has that many is for the resolver.
			base, n, numbered := numberedKey(arg.Text)
			if !w.keys[arg.Text] && !(numbered && n >= 2 && w.keys[base]) {
				fail(arg, "unknown clause or schedule key %q", arg.Text)
			}
		case argPlace:
			if !slices.Contains(placeKeys, arg.Text) {
				fail(arg, "unknown place word %q (see app/jurisdiction)", arg.Text)
			}
		}
	})
	return errs
}

func validOption(f *tpl.Field, id string) bool {
	if f.Kind == tpl.YesNo {
		return id == "yes" || id == "no"
	}
	return tpl.HasOption(f.Options, id)
}

// walk calls visit for every command in the tree, in branches too.
func walk(n parse.Node, visit func(*parse.CommandNode)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walk(c, visit)
		}
	case *parse.ActionNode:
		walk(n.Pipe, visit)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.TemplateNode:
		if n.Pipe != nil {
			walk(n.Pipe, visit)
		}
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walk(c, visit)
		}
	case *parse.CommandNode:
		visit(n)
		for _, a := range n.Args {
			walk(a, visit)
		}
	}
}

func walkBranch(b *parse.BranchNode, visit func(*parse.CommandNode)) {
	walk(b.Pipe, visit)
	walk(b.List, visit)
	if b.ElseList != nil {
		walk(b.ElseList, visit)
	}
}

// slug turns a subheading into the last part of its clause key:
// "Exit assistance" → "exit_assistance".
func slug(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "_"):
			b.WriteByte('_')
		}
	}
	return strings.TrimSuffix(b.String(), "_")
}

// group is a group's wording in the spelling the deal uses.
func (w *wording) group(id string, f formatter) (*template.Template, error) {
	if f.place.Law.Spelling == "us" {
		us, err := w.us()
		return us[id], err
	}
	if id == definitionsFile {
		return w.definitions, nil
	}
	return w.groups[id], nil
}

// numberedKey splits "<key>.<n>", the n-th clause under a subheading
// (or, before any subheading, in a group), into its key and n.
func numberedKey(key string) (base string, n int, ok bool) {
	i := strings.LastIndex(key, ".")
	if i < 0 {
		return key, 0, false
	}
	n, err := strconv.Atoi(key[i+1:])
	return key[:i], n, err == nil && n >= 1
}

var quoted = regexp.MustCompile(`"([a-z0-9_]+)"`)

// indexFields records which fields each subheading's wording names.
func (w *wording) indexFields(t *tpl.Template, id, src string) {
	key, from := id, 0
	add := func(text string) {
		for _, m := range quoted.FindAllStringSubmatch(text, -1) {
			if _, ok := t.Field(m[1]); ok && !slices.Contains(w.fields[key], m[1]) {
				w.fields[key] = append(w.fields[key], m[1])
			}
		}
	}
	for _, m := range subheadingLine.FindAllStringSubmatchIndex(src, -1) {
		add(src[from:m[0]])
		key, from = id+"."+slug(src[m[2]:m[3]]), m[1]
	}
	add(src[from:])
}
