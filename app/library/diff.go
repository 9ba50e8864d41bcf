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
			old = f.DisplayRow(a[i])
		}
		if i < len(b) {
			new = f.DisplayRow(b[i])
		}
		if old != new {
			out = append(out, Change{Group: group, Field: f.ID, Label: fmt.Sprintf("%s, row %d", f.Label, i+1), Old: old, New: new})
		}
	}
	return out
}

// FormatValue renders an answer as a person reads it, as the PDF does
// (template.Field.Display: "£24.50", "36 months", "Yes"), with long text on
// one line. Blank is "".
func FormatValue(f *template.Field, v answers.Value) string {
	if f.Kind == template.LongText {
		// One line per change: an address reads "14 Canal Street, Manchester".
		lines := strings.Split(strings.TrimSpace(v.Text), "\n")
		for i := range lines {
			lines[i] = strings.TrimSpace(lines[i])
		}
		return strings.Join(lines, ", ")
	}
	return f.Display(v)
}
