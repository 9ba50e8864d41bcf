package compose

import (
	"strings"

	"pactwright/app/answers"
	"pactwright/app/check"
	"pactwright/app/template"
)

// formatter turns answers into contract wording. Every value goes through
// it, so a missing or invalid answer can never print as a blank: it prints
// as a visible marker that names the field.
type formatter struct {
	t *template.Template
	a answers.Answers
}

// Marker is the text printed in place of a missing or invalid value.
func Marker(label, reason string) string {
	if reason == "" {
		return "[to be completed: " + label + "]"
	}
	return "[to be completed: " + label + ", " + reason + "]"
}

// problem returns the marker for a field that cannot be printed, or "".
func (f formatter) problem(id string) (*template.Field, string) {
	field, ok := f.t.Field(id)
	if !ok {
		return nil, Marker(id, "unknown field")
	}
	if !f.a.Has(id) {
		return field, Marker(field.Label, "")
	}
	if msg := check.FieldProblem(f.t, f.a, id); msg != "" {
		return field, Marker(field.Label, msg)
	}
	return field, ""
}

// value prints a field's answer as it reads in a sentence.
func (f formatter) value(id string) string {
	field, marker := f.problem(id)
	if marker != "" {
		return marker
	}
	return field.Display(f.a[id])
}

// valueLower is value for use mid-sentence: labels start in lower case
// ("charged per agent hour worked") and lists end with "and".
func (f formatter) valueLower(id string) string { return f.phrase(id, " and ") }

// valueLowerOr is valueLower joining a list with "or".
func (f formatter) valueLowerOr(id string) string { return f.phrase(id, " or ") }

func (f formatter) phrase(id, last string) string {
	field, marker := f.problem(id)
	if marker != "" {
		return marker
	}
	return field.Phrase(f.a[id], last)
}

// number prints the bare number of a Number field (no unit).
func (f formatter) number(id string) string {
	_, marker := f.problem(id)
	if marker != "" {
		return marker
	}
	return strings.TrimSpace(f.a[id].Text)
}
