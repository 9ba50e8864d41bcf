package compose

import (
	"bytes"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"text/template"

	"pactwright/app/answers"
	tpl "pactwright/app/template"
	"pactwright/render"
)

// clauseSet is the parsed wording: one text/template per clause group, in
// file-name order. Parsing happens once per Composer.
type clauseSet struct {
	groups []*template.Template
}

// tableMarker is what {{table "id"}} writes: a line that layout replaces
// with a real table block.
const tableMarker = "@@table "

func parseClauses(files fs.FS) (*clauseSet, error) {
	names, err := fs.Glob(files, "*.tmpl")
	if err != nil {
		return nil, fmt.Errorf("list clause templates: %w", err)
	}
	sort.Strings(names)
	set := &clauseSet{}
	for _, name := range names {
		src, err := fs.ReadFile(files, name)
		if err != nil {
			return nil, fmt.Errorf("read clause template %s: %w", name, err)
		}
		// Funcs are bound per execution (see funcs); parsing only needs the names.
		t, err := template.New(name).Option("missingkey=error").Funcs(funcs(formatter{})).Parse(string(src))
		if err != nil {
			return nil, fmt.Errorf("parse clause template %s: %w", name, err)
		}
		set.groups = append(set.groups, t)
	}
	return set, nil
}

// funcs are the words clause templates use. Conditions (is, yes, has, on)
// only hold for fields that are visible, so a hidden answer never leaks
// into the wording.
func funcs(f formatter) template.FuncMap {
	visible := func(id string) bool { return f.t != nil && f.t.Visible(id, f.a) }
	return template.FuncMap{
		"v":    f.value,
		"vl":   f.valueLower,
		"vlor": f.valueLowerOr,
		"num": func(id string) string {
			return f.number(id)
		},
		"raw": func(id string) string { return strings.TrimSpace(f.a[id].Text) },
		"oneline": func(id string) string {
			v := f.value(id)
			return strings.Join(strings.FieldsFunc(v, func(r rune) bool { return r == '\n' }), ", ")
		},
		"is":  func(id, want string) bool { return visible(id) && f.a.Text(id) == want },
		"yes": func(id string) bool { return visible(id) && f.a.Text(id) == answers.Yes },
		"has": func(id string) bool { return visible(id) && f.a.Has(id) },
		"on":  visible,
		"includes": func(id, item string) bool {
			return visible(id) && f.a.Includes(id, item)
		},
		"nonzero": func(id string) bool {
			return visible(id) && f.a.Has(id) && strings.Trim(f.a.Text(id), "0.%") != ""
		},
		"table": func(id string) string { return tableMarker + id },
		// ask prints a field's marker when it is visible but unanswered or
		// invalid, and nothing otherwise: for yes/no switches whose wording
		// simply leaves a sentence out.
		"ask": func(id string) string {
			if !visible(id) {
				return ""
			}
			_, marker := f.problem(id)
			return marker
		},
	}
}

// section runs one group's wording and turns the text into blocks: "## "
// lines become subheadings, "> " paragraphs stay unnumbered, table markers
// become tables, and every other paragraph is a numbered clause.
func (s *clauseSet) section(i int, number string, group *tpl.Group, f formatter) (render.Section, error) {
	var buf bytes.Buffer
	t, err := s.groups[i].Clone()
	if err != nil {
		return render.Section{}, fmt.Errorf("clause group %s: %w", group.Name, err)
	}
	if err := t.Funcs(funcs(f)).Execute(&buf, nil); err != nil {
		return render.Section{}, fmt.Errorf("write clause group %s: %w", group.Name, err)
	}
	sec := render.Section{Number: number, Heading: group.Name}
	clause := 0
	for _, para := range strings.Split(buf.String(), "\n\n") {
		para = strings.TrimSpace(para)
		for para != "" {
			line, rest, _ := strings.Cut(para, "\n")
			switch {
			case strings.HasPrefix(line, "## "):
				sec.Blocks = append(sec.Blocks, render.Block{Kind: render.Subheading, Text: strings.TrimPrefix(line, "## ")})
				para = strings.TrimSpace(rest)
				continue
			case strings.HasPrefix(line, tableMarker):
				sec.Blocks = append(sec.Blocks, render.Block{Kind: render.TableBlock, Table: tableOf(f, strings.TrimPrefix(line, tableMarker))})
				para = strings.TrimSpace(rest)
				continue
			case strings.HasPrefix(para, "> "):
				sec.Blocks = append(sec.Blocks, render.Block{Kind: render.Paragraph, Text: strings.TrimPrefix(para, "> ")})
			default:
				clause++
				sec.Blocks = append(sec.Blocks, render.Block{Kind: render.Clause, Number: fmt.Sprintf("%s.%d", number, clause), Text: para})
			}
			para = ""
		}
	}
	return sec, nil
}

// tableOf lays out a table field with its column labels, option labels in
// place of ids, and a marker row when the table is empty.
func tableOf(f formatter, id string) *render.Table {
	field, ok := f.t.Field(id)
	if !ok {
		return &render.Table{Columns: []string{"Missing table"}, Widths: []float64{1}, Rows: [][]string{{Marker(id, "unknown table")}}}
	}
	t := &render.Table{}
	for _, c := range field.Columns {
		t.Columns = append(t.Columns, c.Label)
		t.Widths = append(t.Widths, c.Width)
	}
	for _, row := range f.a[id].Rows {
		if row.IsBlank() {
			continue
		}
		cells := make([]string, len(field.Columns))
		for i, c := range field.Columns {
			cells[i] = cellText(c, row[c.ID])
		}
		t.Rows = append(t.Rows, cells)
	}
	if len(t.Rows) == 0 {
		marker := make([]string, len(field.Columns))
		marker[0] = Marker(field.Label, "")
		t.Rows = append(t.Rows, marker)
	}
	return t
}

func cellText(c tpl.Column, cell string) string {
	cell = strings.TrimSpace(cell)
	if cell == "" {
		if c.Required {
			return Marker(c.Label, "")
		}
		return ""
	}
	if err := c.ValidateCell(cell); err != nil {
		return Marker(c.Label, err.Error())
	}
	return c.Display(cell)
}
