// Package check computes the clause checklist and the findings for a set of
// answers. The same Report drives the live checklist in the app, the
// checklist page of the PDF and `pactwright check`.
package check

import (
	"fmt"

	"pactwright/app/answers"
	"pactwright/app/template"
)

// Status is the state of a checklist element or group.
type Status string

// Element and group states.
const (
	Complete      Status = "complete"
	Incomplete    Status = "incomplete"
	NotApplicable Status = "not applicable"
)

// Problem is one field that keeps an element from being complete.
type Problem struct {
	Field   string `json:"field"`
	Label   string `json:"label"`
	Message string `json:"message"` // plain words, e.g. "is missing" or "\"abc\" is not a whole number"
}

// String reads as a sentence: "Start date is missing".
func (p Problem) String() string { return p.Label + ": " + p.Message }

// Element is one checklist row.
type Element struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Status   Status    `json:"status"`
	Problems []Problem `json:"problems,omitempty"`
	// Upgraded: an upgrade of the template added or proposed an answer
	// here that nobody has confirmed yet.
	Upgraded bool `json:"upgraded,omitempty"`
}

// Group is the checklist of one clause group.
type Group struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Status   Status    `json:"status"`
	Missing  int       `json:"missing"` // incomplete elements
	Elements []Element `json:"elements"`
}

// Report is the result of Check.
type Report struct {
	Groups   []Group   `json:"groups"`
	Findings []Finding `json:"findings"`
	// Done and Applicable count elements, for the completeness percentage.
	Done       int `json:"done"`
	Applicable int `json:"applicable"`
}

// Percent is the share of applicable elements that are complete.
func (r Report) Percent() int {
	if r.Applicable == 0 {
		return 100
	}
	return r.Done * 100 / r.Applicable
}

// Complete reports whether nothing required is missing or invalid.
func (r Report) Complete() bool { return r.Done == r.Applicable }

// Problems lists every problem in template order.
func (r Report) Problems() []Problem {
	var out []Problem
	for _, g := range r.Groups {
		for _, e := range g.Elements {
			out = append(out, e.Problems...)
		}
	}
	return out
}

// FieldProblem returns the reason a single field is incomplete or invalid,
// or "" when it is fine, for showing beside the field while the user types.
func FieldProblem(t *template.Template, a answers.Answers, id string) string {
	f, ok := t.Field(id)
	if !ok || !t.Visible(id, a) {
		return ""
	}
	if p, bad := fieldProblem(f, a); bad {
		return p.Message
	}
	return ""
}

func fieldProblem(f *template.Field, a answers.Answers) (Problem, bool) {
	v, answered := a[f.ID]
	if !answered || v.IsBlank() {
		if f.Required {
			return Problem{Field: f.ID, Label: f.Label, Message: "is missing"}, true
		}
		return Problem{}, false
	}
	if err := f.Validate(v); err != nil {
		return Problem{Field: f.ID, Label: f.Label, Message: err.Error()}, true
	}
	if f.Kind == template.Table && f.Required && countRows(v.Rows) < f.MinRows {
		return Problem{Field: f.ID, Label: f.Label, Message: fmt.Sprintf("needs at least %d row", f.MinRows)}, true
	}
	return Problem{}, false
}

func countRows(rows []answers.Row) int {
	n := 0
	for _, r := range rows {
		if !r.IsBlank() {
			n++
		}
	}
	return n
}

// Check walks the template and reports the status of every element, plus
// the findings. It never fails: bad values become problems.
func Check(t *template.Template, a answers.Answers) Report {
	var r Report
	r.Groups = make([]Group, 0, len(t.Groups))
	for _, g := range t.Groups {
		gs := Group{ID: g.ID, Name: g.Name, Status: NotApplicable, Elements: make([]Element, 0, len(g.Elements))}
		for _, e := range g.Elements {
			es := checkElement(t, e, a)
			switch es.Status {
			case Complete:
				r.Done++
				r.Applicable++
				if gs.Status == NotApplicable {
					gs.Status = Complete
				}
			case Incomplete:
				r.Applicable++
				gs.Missing++
				gs.Status = Incomplete
			}
			gs.Elements = append(gs.Elements, es)
		}
		r.Groups = append(r.Groups, gs)
	}
	r.Findings = Findings(t, a)
	return r
}

func checkElement(t *template.Template, e template.Element, a answers.Answers) Element {
	es := Element{ID: e.ID, Name: e.Name, Status: NotApplicable}
	if !t.Met(e.When, a) {
		return es
	}
	for _, id := range e.Fields {
		f, _ := t.Field(id)
		if !t.Met(f.When, a) {
			continue
		}
		// An element made only of optional fields left blank is an option
		// the user did not take up: not applicable rather than complete.
		if f.Required || a.Has(id) {
			es.Status = Complete
		}
		if p, bad := fieldProblem(f, a); bad {
			es.Problems = append(es.Problems, p)
		}
	}
	if len(es.Problems) > 0 {
		es.Status = Incomplete
	}
	return es
}
