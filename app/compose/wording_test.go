package compose

import (
	"io/fs"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"text/template/parse"

	"pactwright/app/answers"
	"pactwright/app/check"
	"pactwright/app/draft"
	"pactwright/app/template"
	"pactwright/app/variants"
	"pactwright/assets"
	"pactwright/render"
)

// wordingFS copies the shipped wording so a test can change one file.
func wordingFS(t *testing.T, edits map[string]string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(assets.Clauses(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(assets.Clauses(), p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range edits {
		if src == "" {
			delete(m, name)
			continue
		}
		m[name] = &fstest.MapFile{Data: []byte(src)}
	}
	return m
}

func TestWordingMistakesFailTheBuildWithFileAndLine(t *testing.T) {
	tpl := template.CallCentre()
	cases := []struct {
		edits map[string]string
		want  string
	}{
		{map[string]string{"scope.tmpl": "## A\nFine.\n\nThe {{v \"agentz\"}} agents."}, `clauses/scope.tmpl:4:8: unknown field "agentz"`},
		{map[string]string{"scope.tmpl": "## A\n{{if is \"renewal\" \"sometimes\"}}x{{end}}"}, `clauses/scope.tmpl:2:18: field "renewal" has no option "sometimes"`},
		{map[string]string{"scope.tmpl": "## A\nSee {{ref \"termnation\"}}."}, `unknown clause or schedule key "termnation"`},
		{map[string]string{"scope.tmpl": "## A\nIf it {{place \"insolvncy\"}}."}, `clauses/scope.tmpl:2:14: unknown place word "insolvncy"`},
		{map[string]string{"scope.tmpl": "## A\n{{v (printf \"%s_name\" \"customer\")}}"}, "v must be given a quoted name"},
		{map[string]string{"scope.tmpl": ""}, `clause group "scope" has no wording file clauses/scope.tmpl`},
		{map[string]string{"extra.tmpl": "## A\nText."}, `there is no clause group "extra"`},
	}
	for _, c := range cases {
		_, err := NewFrom(tpl, wordingFS(t, c.edits))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("edits %v: error %v, want one containing %q", c.edits, err, c.want)
		}
	}
}

// withExtraGroup inserts a clause group before position at.
func withExtraGroup(t *testing.T, at int) *template.Template {
	t.Helper()
	base := template.CallCentre()
	groups := slices.Clone(base.Groups)
	extra := template.Group{ID: "extra", Name: "Extra Terms", Fields: []template.Field{{ID: "extra_note", Label: "Note", Kind: template.Text}}}
	groups = slices.Insert(groups, at, extra)
	tpl, err := template.Build(&template.Template{ID: base.ID, Version: base.Version, Title: base.Title, Groups: groups})
	if err != nil {
		t.Fatal(err)
	}
	return tpl
}

// checkRefs asserts that every reference in a composed document names the
// number that the referenced key carries in that same document.
func checkRefs(t *testing.T, label string, out Composed) {
	t.Helper()
	numbers := map[string]string{}
	for _, s := range out.Document.Sections {
		if strings.HasPrefix(s.Number, "Schedule") {
			numbers[s.Key] = s.Number
		} else {
			numbers[s.Key] = "clause " + s.Number
		}
		for _, b := range s.Blocks {
			if b.Kind == render.Clause {
				numbers[b.Key] = "clause " + b.Number
			}
		}
	}
	if len(out.Refs) == 0 {
		t.Fatalf("%s: no references found", label)
	}
	for _, r := range out.Refs {
		if numbers[r.Key] != r.Number {
			t.Errorf("%s: reference to %s printed %q, but that clause is %q", label, r.Key, r.Number, numbers[r.Key])
		}
	}
	for key, n := range numbers {
		if out.Numbers[key] != n {
			t.Errorf("%s: Numbers[%s] = %q, but the document numbers it %q", label, key, out.Numbers[key], n)
		}
	}
	if len(out.Unresolved) > 0 {
		t.Errorf("%s: references to clauses left out: %v", label, out.Unresolved)
	}
}

func TestReferencesFollowTheClausesWhenOneIsAdded(t *testing.T) {
	plain, err := New(template.CallCentre())
	if err != nil {
		t.Fatal(err)
	}
	tpl := withExtraGroup(t, 1)
	extended, err := NewFrom(tpl, wordingFS(t, map[string]string{"extra.tmpl": "## Extra\nThe Provider will read {{ref \"termination.exit_assistance\"}} with care. {{v \"extra_note\"}}"}))
	if err != nil {
		t.Fatal(err)
	}
	d := draft.Example(template.CallCentre())
	before, err := plain.Compose(d)
	if err != nil {
		t.Fatal(err)
	}
	d.Answers["extra_note"] = answers.Value{Text: "Noted."}
	after, err := extended.Compose(d)
	if err != nil {
		t.Fatal(err)
	}
	checkRefs(t, "as shipped", before)
	checkRefs(t, "with a clause added", after)
	find := func(out Composed, key string) string {
		for _, r := range out.Refs {
			if r.Key == key {
				return r.Number
			}
		}
		return ""
	}
	if b, a := find(before, "termination"), find(after, "termination"); b != "clause 6" || a != "clause 7" {
		t.Errorf("reference to termination: %q before, %q after adding a clause; want clause 6 then clause 7", b, a)
	}
	if a := find(after, "termination.exit_assistance"); !strings.HasPrefix(a, "clause 7.") {
		t.Errorf("new clause's reference printed %q", a)
	}
	// And every draft in the matrix, where clauses come and go with the answers.
	for _, v := range variants.Matrix(template.CallCentre()) {
		out, err := plain.Compose(v)
		if err != nil {
			t.Fatal(err)
		}
		checkRefs(t, v.Title, out)
	}
}

// TestChecklistAndWordingAgree: a marker prints exactly where the checklist
// says an element is incomplete, for every element, and never in a
// complete draft.
func TestChecklistAndWordingAgree(t *testing.T) {
	tpl := template.CallCentre()
	c, err := New(tpl)
	if err != nil {
		t.Fatal(err)
	}
	agree := func(label string, d draft.Draft) {
		out, err := c.Compose(d)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]bool{}
		for _, p := range check.Check(tpl, d.Answers).Problems() {
			want[p.Field] = true
		}
		for id := range out.Markers {
			if !want[id] {
				t.Errorf("%s: wording prints a marker for %s, but the checklist does not ask for it", label, id)
			}
		}
		for id := range want {
			if !out.Markers[id] {
				t.Errorf("%s: the checklist asks for %s, but the wording prints no marker for it", label, id)
			}
		}
	}
	matrix := variants.Matrix(tpl)
	for _, v := range matrix {
		agree(v.Title, v)
	}
	for _, g := range tpl.Groups {
		for _, e := range g.Elements {
			// Start from a draft where the element applies.
			i := slices.IndexFunc(matrix, func(d draft.Draft) bool { return tpl.Met(e.When, d.Answers) })
			if i < 0 {
				t.Errorf("no draft in the matrix has element %s apply", e.ID)
				continue
			}
			d := draft.Draft{Title: matrix[i].Title, Answers: matrix[i].Answers.Clone()}
			for _, id := range e.Fields {
				delete(d.Answers, id)
			}
			agree("element "+e.ID+" left blank", d)
		}
	}
}

// TestEveryFieldReachesTheWording: nothing a user answers is silently
// ignored. A field the wording never prints or tests, in any draft of the
// matrix, is listed.
func TestEveryFieldReachesTheWording(t *testing.T) {
	tpl := template.CallCentre()
	c, err := New(tpl)
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, v := range variants.Matrix(tpl) {
		out, err := c.Compose(v)
		if err != nil {
			t.Fatal(err)
		}
		for id := range out.Used {
			used[id] = true
		}
	}
	var missing []string
	for _, g := range tpl.Groups {
		for _, f := range g.Fields {
			if !used[f.ID] {
				missing = append(missing, f.ID)
			}
		}
	}
	if len(missing) > 0 {
		t.Errorf("fields no wording or schedule ever prints: %v", missing)
	}
}

// properNames are capitalised words in the wording that are names, not
// defined terms.
var properNames = []string{
	"Customer", "Provider", "Payment Card Industry Data Security Standard", "PCI DSS",
	"Transfer of Undertakings", "Protection of Employment", "Regulations", "Bank of England",
	"UK", "US", "Telephone Consumer Protection Act", "Telemarketing Sales Rule",
	"Privacy and Electronic Communications Regulations", "Ofcom", "Schedule", "Definitions",
	"European Economic Area", "United Kingdom", "UK Privacy", "Electronic Communications Regulations",
	"US Telephone Consumer Protection Act", "California Consumer Privacy Act",
	"Centre for Effective Dispute Resolution", "Centre", "Effective Dispute Resolution", "CEDR", "American Arbitration Association", "JAMS",
	"California Privacy Rights Act", "Modern Slavery Act", "California",
	// Defined where the data protection clause first uses it.
	"Data Protection Laws",
}

var capitalised = regexp.MustCompile(`[A-Z][A-Za-z]*(?: (?:of |and )?[A-Z][A-Za-z]*)*`)

// TestDefinedTermsAreDefinedAndUsed: a capitalised term in the wording is
// a defined term or a known name, and every definition is used by some
// draft of the matrix.
func TestDefinedTermsAreDefinedAndUsed(t *testing.T) {
	tpl := template.CallCentre()
	c, err := New(tpl)
	if err != nil {
		t.Fatal(err)
	}
	defs, err := c.definitions(newFormatter(tpl, draft.Example(tpl).Answers))
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, d := range defs {
		known[d.Term] = true
	}
	for _, n := range properNames {
		known[n] = true
	}
	var undefined []string
	for id, tmpl := range c.wording.groups {
		for _, text := range textNodes(tmpl.Tree.Root) {
			for _, sentence := range splitSentences(text) {
				sentence = strings.TrimLeft(sentence, " >")
				for _, m := range capitalised.FindAllStringIndex(sentence, -1) {
					run := sentence[m[0]:m[1]]
					if known[run] || known[strings.TrimSuffix(run, "s")] {
						continue
					}
					if m[0] == 0 {
						// The first word starts a sentence (often right after
						// an action): only what follows it must be a term.
						_, run, _ = strings.Cut(run, " ")
					}
					for _, term := range regexp.MustCompile(` (?:and|of) `).Split(run, -1) {
						if term != "" && !known[term] && !known[strings.TrimSuffix(term, "s")] && !known[run] {
							undefined = append(undefined, id+": "+term)
						}
					}
				}
			}
		}
	}
	sort.Strings(undefined)
	if len(undefined) > 0 {
		t.Errorf("capitalised terms that are neither defined nor known names:\n%s", strings.Join(slices.Compact(undefined), "\n"))
	}

	printed := map[string]bool{}
	for _, v := range variants.Matrix(tpl) {
		out, err := c.Compose(v)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range out.Document.Sections[0].Blocks {
			if m := definedTerm.FindStringSubmatch(b.Text); m != nil {
				printed[m[1]] = true
			}
		}
	}
	for _, d := range defs {
		if !printed[d.Term] {
			t.Errorf("%q is defined but no draft uses it", d.Term)
		}
	}
}

func textNodes(n parse.Node) []string {
	var out []string
	var visit func(parse.Node)
	visit = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					visit(c)
				}
			}
		case *parse.TextNode:
			out = append(out, string(n.Text))
		case *parse.IfNode:
			visit(n.List)
			visit(n.ElseList)
		case *parse.WithNode:
			visit(n.List)
			visit(n.ElseList)
		case *parse.RangeNode:
			visit(n.List)
			visit(n.ElseList)
		}
	}
	visit(n)
	return out
}

// splitSentences cuts text where a capital letter may start a sentence,
// a heading or a paragraph.
func splitSentences(text string) []string {
	return regexp.MustCompile(`[.:;?!]\s+|\n+|## `).Split(text, -1)
}

// TestValuesMeetTheWordingCleanly: the slips a careful reader caught in
// earlier exports stay gone.
func TestValuesMeetTheWordingCleanly(t *testing.T) {
	tpl := template.CallCentre()
	c, err := New(tpl)
	if err != nil {
		t.Fatal(err)
	}
	d := draft.Example(tpl)
	d.Answers["hours_times"] = answers.Value{Text: "9:00 a.m. to 9:00 p.m."}
	d.Answers["customer_entity"] = answers.Value{Text: "other"}
	d.Answers["provider_entity"] = answers.Value{Text: "sole_trader"}
	d.Answers["provider_trading_name"] = answers.Value{Text: "Northpoint Calls"}
	d.Answers["data_return_days"] = answers.Value{Text: "1"}
	out, err := c.Compose(d)
	if err != nil {
		t.Fatal(err)
	}
	text := render.PlainText(out.Document)
	for _, bad := range []string{"p.m..", "a other", "number none", "1 days", "%%", "Sole trader registered"} {
		if strings.Contains(text, bad) {
			t.Errorf("agreement contains %q", bad)
		}
	}
	for _, want := range []string{
		"9:00 p.m.",
		"Brightside Home Goods Ltd, an organisation whose business address is 14 Canal Street",
		"Northpoint Contact Solutions Ltd, a sole trader trading as Northpoint Calls, whose business address is",
		"within 1 day after the later of the end of the exit assistance period",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("agreement lacks %q", want)
		}
	}
}

// TestEveryMatrixDraftComposesWithoutProblems: the schedules and the cover
// name fields in Go, and some clause keys exist only for some answers, so
// composing every variant is what proves both; New leaves it to this test
// to keep the engine cheap to build.
func TestEveryMatrixDraftComposesWithoutProblems(t *testing.T) {
	tpl := template.CallCentre()
	c, err := New(tpl)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.CheckDrafts(variants.Matrix(tpl)); err != nil {
		t.Fatal(err)
	}
	// CheckDrafts must be able to fail: a reference to a clause that only
	// exists with service credits, in a draft without them.
	withRef, err := NewFrom(tpl, wordingFS(t, map[string]string{"scope.tmpl": "## A\nSee {{ref \"service_levels.chronic_failure\"}}.\n\n## Staffing and location\nAgents.\n\n## Forecasts\nForecasts.\n\n## Training, scripts and technology\nTraining."}))
	if err != nil {
		t.Fatal(err)
	}
	var noCredits []draft.Draft
	for _, v := range variants.Matrix(tpl) {
		if v.Answers.Text("service_credits") == "no" {
			noCredits = append(noCredits, v)
		}
	}
	if len(noCredits) == 0 {
		t.Fatal("no matrix draft without service credits")
	}
	if err := withRef.CheckDrafts(noCredits); err == nil || !strings.Contains(err.Error(), "service_levels.chronic_failure") {
		t.Errorf("reference to a clause the draft leaves out: error %v", err)
	}
}

// TestScheduleOneWithoutMeasuresHasNoEmptyHeading: a draft with no service
// levels yet shows the marker row, not a "How each measure is worked out"
// heading with nothing under it.
func TestScheduleOneWithoutMeasuresHasNoEmptyHeading(t *testing.T) {
	tpl := template.CallCentre()
	c, err := New(tpl)
	if err != nil {
		t.Fatal(err)
	}
	find := func(d draft.Draft) bool {
		doc, err := c.Document(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range doc.Sections {
			for _, b := range s.Blocks {
				if b.Kind == render.Subheading && b.Text == "How each measure is worked out" {
					return true
				}
			}
		}
		return false
	}
	d := draft.Example(tpl)
	if !find(d) {
		t.Fatal("the example's Schedule 1 does not explain its measures")
	}
	delete(d.Answers, "sla_metrics")
	if find(d) {
		t.Error("Schedule 1 without measures still prints the explanation heading")
	}
}
