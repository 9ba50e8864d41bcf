// Package variants generates the drafts that every wording test runs over.
// It reads the template, not a hand-written list, so a field added to the
// template joins the matrix on its own: every option of every choice, yes
// and no, and the boundary values of every quantity (the smallest, 1, and
// the largest allowed) appear in at least one draft, while that field
// applies. One more draft sets every quantity to 0, which most quantities
// do not allow, so the matrix holds an incomplete draft too.
package variants

import (
	"fmt"
	"strconv"
	"strings"

	"pactwright/app/answers"
	"pactwright/app/draft"
	"pactwright/app/template"
)

// MinDrafts is the least number of drafts the matrix holds.
const MinDrafts = 16

// Matrix returns the drafts. Each starts from the worked example with
// every field answered, then takes the next value of each field's list in
// turn (fields start at different offsets, so values combine rather than
// march in step). A value that no draft shows while its field applies gets
// a draft of its own.
func Matrix(t *template.Template) []draft.Draft {
	base := filled(t)
	values := map[string][]answers.Value{}
	n := MinDrafts
	for _, g := range t.Groups {
		for _, f := range g.Fields {
			vs := Values(&f, base[f.ID])
			values[f.ID] = vs
			n = max(n, len(vs))
		}
	}
	var out []draft.Draft
	for i := range n {
		a := base.Clone()
		fi := 0
		for _, g := range t.Groups {
			for _, f := range g.Fields {
				vs := values[f.ID]
				a[f.ID] = vs[(i+fi)%len(vs)].Clone()
				fi++
			}
		}
		out = append(out, draft.Draft{Title: fmt.Sprintf("Variant %d", i+1), Answers: a})
	}
	// Fill the gaps: for a value never seen while its field applies, copy
	// a draft where the field applies and set the value.
	for _, g := range t.Groups {
		for _, f := range g.Fields {
			for _, v := range values[f.ID] {
				if Covered(t, out, f.ID, v) {
					continue
				}
				for _, d := range out {
					if t.Visible(f.ID, d.Answers) {
						a := d.Answers.Clone()
						a[f.ID] = v.Clone()
						out = append(out, draft.Draft{Title: fmt.Sprintf("Variant %d (%s)", len(out)+1, f.ID), Answers: a})
						break
					}
				}
			}
		}
	}
	// Zero is a boundary for every quantity, but most may not be zero: one
	// draft sets them all to 0, to show the markers and the DRAFT mark.
	zero := base.Clone()
	for _, g := range t.Groups {
		for _, f := range g.Fields {
			if f.Kind == template.Number || f.Kind == template.Duration {
				zero[f.ID] = answers.Value{Text: "0", Unit: base[f.ID].Unit}
			}
		}
	}
	return append(out, draft.Draft{Title: fmt.Sprintf("Variant %d (every quantity 0)", len(out)+1), Answers: zero})
}

// Covered reports whether some draft has field id answered v while it applies.
func Covered(t *template.Template, ds []draft.Draft, id string, v answers.Value) bool {
	for _, d := range ds {
		if t.Visible(id, d.Answers) && d.Answers[id].Equal(v) {
			return true
		}
	}
	return false
}

// filled is the example with every field answered, so the drafts are
// complete and only the values under test vary.
func filled(t *template.Template) answers.Answers {
	a := draft.Example(t).Answers
	for _, g := range t.Groups {
		for _, f := range g.Fields {
			if !a[f.ID].IsBlank() {
				continue
			}
			switch {
			case f.Format == "email":
				a[f.ID] = answers.Value{Text: "notices@example.com"}
			case f.Kind == template.Text || f.Kind == template.LongText:
				// "Customer: trading name" → "Sample trading name".
				_, what, found := strings.Cut(f.Label, ": ")
				if !found {
					what = strings.ToLower(f.Label)
				}
				a[f.ID] = answers.Value{Text: "Sample " + what}
			default:
				vs := Values(&f, answers.Value{})
				a[f.ID] = vs[len(vs)-1]
			}
		}
	}
	return a
}

// Values lists what the matrix tries for a field: every option, both
// answers, the boundary values of quantities, and the example's value.
func Values(f *template.Field, example answers.Value) []answers.Value {
	var out []answers.Value
	add := func(v answers.Value) {
		for _, have := range out {
			if have.Equal(v) {
				return
			}
		}
		if v.IsBlank() && f.Required || f.Validate(v) != nil {
			return
		}
		out = append(out, v)
	}
	switch f.Kind {
	case template.Choice:
		for _, o := range f.Options {
			add(answers.Value{Text: o.ID})
		}
	case template.YesNo:
		add(answers.Value{Text: answers.Yes})
		add(answers.Value{Text: answers.No})
	case template.MultiChoice:
		var all []string
		for _, o := range f.Options {
			all = append(all, o.ID)
		}
		add(answers.Value{Items: all})
		add(answers.Value{Items: all[:1]})
		add(answers.Value{Items: all[len(all)-1:]})
		add(answers.Value{})
	case template.Number:
		for _, n := range boundaries(f) {
			add(answers.Value{Text: n})
		}
	case template.Duration:
		for _, u := range f.Units {
			for _, n := range boundaries(f) {
				add(answers.Value{Text: n, Unit: u})
			}
		}
	case template.Money:
		for _, amount := range []string{"0", "1", "1234567.50"} {
			add(answers.Value{Text: amount, Unit: "GBP"})
		}
	case template.Percent:
		for _, p := range []string{"0", "1", "12.5", "100"} {
			add(answers.Value{Text: p})
		}
	case template.Table:
		if len(example.Rows) > 0 {
			add(answers.Value{Rows: example.Rows[:1]})
		}
		add(answers.Value{})
	case template.Date:
		add(answers.Value{Text: "2027-01-04"})
	}
	add(example)
	if len(out) == 0 {
		out = append(out, example)
	}
	return out
}

// boundaries are the smallest allowed value, 0 and 1 where allowed, and the
// largest allowed value (a "many" that also tests thousands separators).
func boundaries(f *template.Field) []string {
	var out []string
	for _, n := range []int64{0, 1, deref(f.Min, 0), deref(f.Max, 1000000)} {
		out = append(out, strconv.FormatInt(n, 10))
	}
	return out
}

func deref(p *int64, def int64) int64 {
	if p == nil {
		return def
	}
	return *p
}
