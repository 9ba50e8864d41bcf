// Package answers holds what the user has entered for an agreement, as
// plain data with no knowledge of the template.
//
// Values keep exactly what was typed. A number field holding "abc" is still
// an answer: the checklist reports it as invalid and the PDF marks it, but
// nothing the user typed is ever thrown away.
package answers

import (
	"slices"
	"strings"
	"unicode"
)

// Value is one field's answer. Which parts are used depends on the field kind:
//   - text, long text, number, percentage, date, choice: Text
//   - yes/no: Text is "yes" or "no"
//   - money: Text is the amount, Unit the currency code
//   - duration: Text is the amount, Unit the unit ("days", "months" ...)
//   - multi-choice: Items
//   - table: Rows
type Value struct {
	Text  string
	Unit  string
	Items []string
	Rows  []Row
}

// Row is one table row: column id -> text as typed.
type Row map[string]string

// Answers maps field ids to values. A missing key means "not answered".
type Answers map[string]Value

// Yes and No are the stored forms of a yes/no answer.
const (
	Yes = "yes"
	No  = "no"
)

// IsBlank reports whether the value carries nothing the user typed.
func (v Value) IsBlank() bool {
	if strings.TrimSpace(v.Text) != "" || len(v.Items) > 0 {
		return false
	}
	for _, r := range v.Rows {
		if !r.IsBlank() {
			return false
		}
	}
	return true
}

// IsBlank reports whether every cell of the row is empty.
func (r Row) IsBlank() bool {
	for _, c := range r {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// Equal compares two values by content.
func (v Value) Equal(w Value) bool {
	if v.Text != w.Text || v.Unit != w.Unit || !slices.Equal(v.Items, w.Items) || len(v.Rows) != len(w.Rows) {
		return false
	}
	for i := range v.Rows {
		if len(v.Rows[i]) != len(w.Rows[i]) {
			return false
		}
		for k, c := range v.Rows[i] {
			if d, ok := w.Rows[i][k]; !ok || d != c {
				return false
			}
		}
	}
	return true
}

// Clone deep-copies the value so callers can edit it without aliasing.
func (v Value) Clone() Value {
	out := Value{Text: v.Text, Unit: v.Unit, Items: slices.Clone(v.Items)}
	if v.Rows != nil {
		out.Rows = make([]Row, len(v.Rows))
		for i, r := range v.Rows {
			out.Rows[i] = make(Row, len(r))
			for k, c := range r {
				out.Rows[i][k] = c
			}
		}
	}
	return out
}

// Clone deep-copies all answers.
func (a Answers) Clone() Answers {
	out := make(Answers, len(a))
	for k, v := range a {
		out[k] = v.Clone()
	}
	return out
}

// Has reports whether the field was answered with something non-blank.
func (a Answers) Has(id string) bool {
	v, ok := a[id]
	return ok && !v.IsBlank()
}

// Text returns the trimmed text of a field, "" when unanswered.
func (a Answers) Text(id string) string { return strings.TrimSpace(a[id].Text) }

// Includes reports whether a multi-choice answer includes item.
func (a Answers) Includes(id, item string) bool { return slices.Contains(a[id].Items, item) }

// CleanText removes control characters that have no place in a contract
// (they come from pasted text and break PDF layout). Newlines survive only
// when multiline is set; tabs become spaces.
func CleanText(s string, multiline bool) string {
	if !strings.ContainsFunc(s, isUnwanted) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ReplaceAll(s, "\r\n", "\n") {
		switch {
		case r == '\t':
			b.WriteByte(' ')
		case r == '\n' && multiline:
			b.WriteByte('\n')
		case r == '\n' || r == '\r':
			b.WriteByte(' ')
		case isUnwanted(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isUnwanted(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\ufeff'
}

// Clean returns the value with control characters stripped everywhere.
func (v Value) Clean(multiline bool) Value {
	out := v.Clone()
	out.Text = CleanText(out.Text, multiline)
	out.Unit = CleanText(out.Unit, false)
	for i := range out.Items {
		out.Items[i] = CleanText(out.Items[i], false)
	}
	for _, r := range out.Rows {
		for k, c := range r {
			r[k] = CleanText(c, false)
		}
	}
	return out
}
