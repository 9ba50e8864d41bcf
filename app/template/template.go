// Package template defines the call centre outsourcing agreement: its clause
// groups, fields, help, defaults, conditions and checklist elements.
//
// This one definition drives everything else: the forms are generated from
// it, Check walks it, the JSON draft format is keyed by its field ids and the
// PDF prints its labels. Adding a field here is enough for it to appear in
// all of them.
package template

import (
	"fmt"
	"slices"

	"pactwright/app/answers"
)

// Kind is the type of a field, which decides its widget, its JSON shape and
// how it is validated.
type Kind string

// Field kinds.
const (
	Text        Kind = "text"
	LongText    Kind = "longtext"
	Number      Kind = "number"   // whole number with a unit suffix
	Percent     Kind = "percent"  // decimal, 0 to 100
	Money       Kind = "money"    // exact decimal amount with a currency
	Duration    Kind = "duration" // whole number with a unit chosen from Units
	Date        Kind = "date"     // YYYY-MM-DD
	Choice      Kind = "choice"
	MultiChoice Kind = "multichoice"
	YesNo       Kind = "yesno"
	Table       Kind = "table"
	Decimal     Kind = "decimal" // table cells only: a plain exact number
)

// Option is one choice of a Choice or MultiChoice field.
type Option struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// Condition makes a field or element apply only when another field's answer
// is one of AnyOf. For yes/no fields the answer is "yes" or "no"; for
// multi-choice fields any selected item counts.
type Condition struct {
	Field string   `json:"field"`
	AnyOf []string `json:"any_of"`
}

// Column is one column of a table field.
type Column struct {
	ID       string   `json:"id"`
	Label    string   `json:"label"`
	Kind     Kind     `json:"kind"` // Text, Decimal, Number, Percent or Choice
	Help     string   `json:"help,omitempty"`
	Required bool     `json:"required"`
	Options  []Option `json:"options,omitempty"`
	Width    float64  `json:"width"` // relative width in the PDF table
	// UnitFrom is the column holding this Decimal's unit (see unitFrom).
	UnitFrom string `json:"unit_from,omitempty"`
}

// Field is one question the user answers.
type Field struct {
	ID       string        `json:"id"`
	Label    string        `json:"label"`
	Help     string        `json:"help"`
	Kind     Kind          `json:"kind"`
	Required bool          `json:"required"`
	Unit     string        `json:"unit,omitempty"`  // Number and Percent: suffix shown after the value
	Units    []string      `json:"units,omitempty"` // Duration: allowed units
	Min      *int64        `json:"min,omitempty"`   // Number, Duration: smallest sensible value
	Max      *int64        `json:"max,omitempty"`   // Number, Duration: largest sensible value
	Format   string        `json:"format,omitempty"`
	Options  []Option      `json:"options,omitempty"`
	Columns  []Column      `json:"columns,omitempty"`
	MinRows  int           `json:"min_rows,omitempty"`
	Default  answers.Value `json:"-"`
	// Suggested: Default is only a suggestion, a commercial term the
	// parties must agree (see commercialTerms); a blank agreement leaves it empty.
	Suggested bool       `json:"suggested,omitempty"`
	When      *Condition `json:"when,omitempty"`
	Market    *Market    `json:"market,omitempty"` // the typical range in real agreements, and who a value outside it favours
	// Since is the template version that added the field (0 for the first);
	// Migrate gives a draft from an older version the field's default.
	Since int `json:"since,omitempty"`
}

// Element is one essential element of a clause group on the checklist.
type Element struct {
	ID     string     `json:"id"`
	Name   string     `json:"name"`
	Fields []string   `json:"fields"`
	When   *Condition `json:"when,omitempty"`
}

// Group is one clause group: one tab in the app, one clause in the PDF.
type Group struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Intro    string    `json:"intro"`
	Fields   []Field   `json:"fields"`
	Elements []Element `json:"elements"`
}

// Template is a whole agreement definition.
type Template struct {
	ID      string  `json:"id"`
	Version int     `json:"version"`
	Title   string  `json:"title"`
	Groups  []Group `json:"groups"`

	index map[string]fieldRef
}

type fieldRef struct{ group, field int }

// build indexes the fields and checks that the definition is consistent,
// so that a typo in the definition fails the tests rather than the user.
func build(t *Template) (*Template, error) {
	explainJargon(t)
	t.index = map[string]fieldRef{}
	for gi, g := range t.Groups {
		for fi, f := range g.Fields {
			if _, dup := t.index[f.ID]; dup {
				return nil, fmt.Errorf("template %s: field id %q used twice", t.ID, f.ID)
			}
			t.index[f.ID] = fieldRef{gi, fi}
		}
	}
	for _, g := range t.Groups {
		inElement := map[string]bool{}
		for _, e := range g.Elements {
			for _, id := range e.Fields {
				if _, ok := t.index[id]; !ok {
					return nil, fmt.Errorf("template %s: element %q names unknown field %q", t.ID, e.ID, id)
				}
				inElement[id] = true
			}
			if err := t.checkCondition(e.When); err != nil {
				return nil, fmt.Errorf("template %s: element %q: %w", t.ID, e.ID, err)
			}
		}
		for _, f := range g.Fields {
			if f.Required && !inElement[f.ID] {
				return nil, fmt.Errorf("template %s: required field %q is in no checklist element", t.ID, f.ID)
			}
			if err := t.checkCondition(f.When); err != nil {
				return nil, fmt.Errorf("template %s: field %q: %w", t.ID, f.ID, err)
			}
			if !f.Default.IsBlank() {
				if err := f.Validate(f.Default); err != nil {
					return nil, fmt.Errorf("template %s: default of %q: %w", t.ID, f.ID, err)
				}
			}
		}
	}
	if err := markSuggested(t); err != nil {
		return nil, fmt.Errorf("template %s: %w", t.ID, err)
	}
	return t, nil
}

func (t *Template) checkCondition(c *Condition) error {
	if c == nil {
		return nil
	}
	if _, ok := t.index[c.Field]; !ok {
		return fmt.Errorf("condition on unknown field %q", c.Field)
	}
	return nil
}

// Field finds a field by id.
func (t *Template) Field(id string) (*Field, bool) {
	ref, ok := t.index[id]
	if !ok {
		return nil, false
	}
	return &t.Groups[ref.group].Fields[ref.field], true
}

// GroupOf returns the group that holds a field.
func (t *Template) GroupOf(id string) (*Group, bool) {
	ref, ok := t.index[id]
	if !ok {
		return nil, false
	}
	return &t.Groups[ref.group], true
}

// Group finds a group by id.
func (t *Template) Group(id string) (*Group, bool) {
	for i := range t.Groups {
		if t.Groups[i].ID == id {
			return &t.Groups[i], true
		}
	}
	return nil, false
}

// Defaults returns a fresh set of answers holding every default.
func (t *Template) Defaults() answers.Answers {
	a := answers.Answers{}
	for _, g := range t.Groups {
		for _, f := range g.Fields {
			if !f.Default.IsBlank() {
				a[f.ID] = f.Default.Clone()
			}
		}
	}
	return a
}

// Met reports whether a condition holds for the answers. A condition on a
// field that is itself hidden never holds, so chains of conditions behave.
func (t *Template) Met(c *Condition, a answers.Answers) bool {
	if c == nil {
		return true
	}
	if !t.Visible(c.Field, a) {
		return false
	}
	v := a[c.Field]
	if slices.Contains(c.AnyOf, v.Text) {
		return true
	}
	for _, item := range v.Items {
		if slices.Contains(c.AnyOf, item) {
			return true
		}
	}
	return false
}

// Visible reports whether a field applies given the other answers.
func (t *Template) Visible(id string, a answers.Answers) bool {
	f, ok := t.Field(id)
	if !ok {
		return false
	}
	return t.Met(f.When, a)
}

// OptionLabel returns the label of a choice, or the id if unknown.
func OptionLabel(opts []Option, id string) string {
	for _, o := range opts {
		if o.ID == id {
			return o.Label
		}
	}
	return id
}

// HasOption reports whether id is one of the options.
func HasOption(opts []Option, id string) bool {
	return slices.ContainsFunc(opts, func(o Option) bool { return o.ID == id })
}

// Build indexes and checks a template definition; CallCentre uses it, and
// tests use it to try a template with a clause group added or removed.
func Build(t *Template) (*Template, error) { return build(t) }
