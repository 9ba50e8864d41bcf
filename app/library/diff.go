package library

import (
	"fmt"
	"strings"

	"pactwright/app/answers"
	"pactwright/app/draft"
	"pactwright/app/template"
)

// Diff lists what changed from revision from to revision to, in template
// order. A revision number of 0 means the working copy.
func (l *Library) Diff(id int64, from, to int) ([]Change, error) {
	a, err := l.version(id, from)
	if err != nil {
		return nil, fmt.Errorf("diff draft %d: %w", id, err)
	}
	b, err := l.version(id, to)
	if err != nil {
		return nil, fmt.Errorf("diff draft %d: %w", id, err)
	}
	return Changes(l.t, a, b), nil
}

// DiffSigned lists what changed in the working copy since the draft was
// last marked signed: the amendment.
func (l *Library) DiffSigned(id int64) ([]Change, error) {
	d, err := l.Get(id)
	if err != nil {
		return nil, fmt.Errorf("diff draft %d against signed: %w", id, err)
	}
	if d.SignedRevision == 0 {
		return nil, fmt.Errorf("diff draft %d against signed: %w", id, ErrNotSigned)
	}
	return l.Diff(id, d.SignedRevision, 0)
}

func (l *Library) version(id int64, number int) (draft.Draft, error) {
	if number == 0 {
		d, err := l.Get(id)
		return d.Content, err
	}
	return l.RevisionContent(id, number)
}

// Changes compares two drafts field by field, in the order and the words of
// the form. Table rows are compared one by one, so a change to one service
// level reads as that row rather than the whole table.
func Changes(t *template.Template, old, new draft.Draft) []Change {
	var out []Change
	if old.Title != new.Title {
		out = append(out, Change{Group: "Draft", Field: "title", Label: "Draft title", Old: old.Title, New: new.Title})
	}
	for _, g := range t.Groups {
		for i := range g.Fields {
			f := &g.Fields[i]
			a, b := old.Answers[f.ID], new.Answers[f.ID]
			if a.Equal(b) || (a.IsBlank() && b.IsBlank()) {
				continue
			}
			if f.Kind == template.Table {
				out = append(out, rowChanges(g.Name, f, a.Rows, b.Rows)...)
				continue
			}
			out = append(out, Change{Group: g.Name, Field: f.ID, Label: f.Label, Old: FormatValue(f, a), New: FormatValue(f, b)})
		}
	}
	return out
}

func rowChanges(group string, f *template.Field, a, b []answers.Row) []Change {
	var out []Change
	for i := 0; i < max(len(a), len(b)); i++ {
		var old, new string
		if i < len(a) {
			old = FormatRow(f, a[i])
		}
		if i < len(b) {
			new = FormatRow(f, b[i])
		}
		if old != new {
			out = append(out, Change{Group: group, Field: f.ID, Label: fmt.Sprintf("%s, row %d", f.Label, i+1), Old: old, New: new})
		}
	}
	return out
}

// FormatValue renders an answer as a person reads it: option labels rather
// than ids, "24.50 GBP", "36 months", "Yes". Blank is "".
func FormatValue(f *template.Field, v answers.Value) string {
	if v.IsBlank() {
		return ""
	}
	text := strings.TrimSpace(v.Text)
	switch f.Kind {
	case template.LongText:
		lines := strings.Split(text, "\n")
		for i := range lines {
			lines[i] = strings.TrimSpace(lines[i])
		}
		return strings.Join(lines, ", ")
	case template.Number:
		return joinNonEmpty(text, f.Unit)
	case template.Percent:
		return strings.TrimSuffix(text, "%") + "%"
	case template.Money, template.Duration:
		return joinNonEmpty(text, v.Unit)
	case template.Choice:
		return template.OptionLabel(f.Options, v.Text)
	case template.MultiChoice:
		labels := make([]string, len(v.Items))
		for i, item := range v.Items {
			labels[i] = template.OptionLabel(f.Options, item)
		}
		return strings.Join(labels, ", ")
	case template.YesNo:
		switch v.Text {
		case answers.Yes:
			return "Yes"
		case answers.No:
			return "No"
		}
	case template.Table:
		rows := make([]string, 0, len(v.Rows))
		for _, r := range v.Rows {
			if !r.IsBlank() {
				rows = append(rows, FormatRow(f, r))
			}
		}
		return strings.Join(rows, "; ")
	}
	return text
}

// FormatRow renders one table row as its cells in column order, with
// choice labels and percent signs.
func FormatRow(f *template.Field, r answers.Row) string {
	if r.IsBlank() {
		return ""
	}
	cells := make([]string, 0, len(f.Columns))
	for _, c := range f.Columns {
		s := strings.TrimSpace(r[c.ID])
		switch {
		case s == "":
			s = "—"
		case c.Kind == template.Choice:
			s = template.OptionLabel(c.Options, s)
		case c.Kind == template.Percent:
			s = strings.TrimSuffix(s, "%") + "%"
		}
		cells = append(cells, s)
	}
	return strings.Join(cells, ", ")
}

func joinNonEmpty(a, b string) string {
	if b == "" {
		return a
	}
	return a + " " + b
}
