package compose

import (
	"pactwright/app/jurisdiction"
	"strings"

	"pactwright/app/answers"
	"pactwright/app/check"
	"pactwright/app/template"
)

// formatter turns answers into contract wording. Every value goes through
// it, so a missing or invalid answer can never print as a blank: it prints
// as a visible marker that names the field. It also keeps a record of what
// the wording asked for, which the engine and the tests check.
type formatter struct {
	t         *template.Template
	a         answers.Answers
	rec       *record
	schedules []scheduleSpec    // the schedules this draft has, in order
	place     jurisdiction.Pack // what the governing law and the agents' country change
}

// record is what one composition asked of the answers.
type record struct {
	used    map[string]bool // every field the wording read or tested
	markers map[string]bool // fields printed as "[to be completed: …]"
	unknown []string        // ids named in Go code that the template lacks
}

func newFormatter(t *template.Template, a answers.Answers) formatter {
	f := formatter{t: t, a: a, rec: &record{used: map[string]bool{}, markers: map[string]bool{}}}
	f.place = jurisdiction.FromAnswers(f.text, template.CountryNamedIn)
	return f
}

// Marker is the text printed in place of a missing or invalid value.
func Marker(label, reason string) string {
	if reason == "" {
		return "[to be completed: " + label + "]"
	}
	return "[to be completed: " + label + ", " + reason + "]"
}

// MarkerPrefix starts every marker; a complete agreement contains none.
const MarkerPrefix = "[to be completed:"

// field looks a field up and notes that the wording used it.
func (f formatter) field(id string) (*template.Field, bool) {
	field, ok := f.t.Field(id)
	if !ok {
		f.rec.unknown = append(f.rec.unknown, id)
		return nil, false
	}
	f.rec.used[id] = true
	return field, true
}

// problem returns the marker for a field that cannot be printed, or "".
func (f formatter) problem(id string) (*template.Field, string) {
	field, ok := f.field(id)
	if !ok {
		return nil, Marker(id, "unknown field")
	}
	marker := ""
	if !f.a.Has(id) {
		marker = Marker(field.Label, "")
	} else if msg := check.FieldProblem(f.t, f.a, id); msg != "" {
		marker = Marker(field.Label, msg)
	}
	if marker != "" {
		f.rec.markers[id] = true
	}
	return field, marker
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

// number prints the bare number of a Number field, grouped ("10,000").
func (f formatter) number(id string) string {
	_, marker := f.problem(id)
	if marker != "" {
		return marker
	}
	return template.Grouped(f.a[id].Text)
}

// count prints a Number field with a unit the wording chooses, singular
// when the number is 1: count("suspension_days", "days") → "1 day".
func (f formatter) count(id, unit string) string {
	_, marker := f.problem(id)
	if marker != "" {
		return marker
	}
	return template.Quantity(f.a[id].Text, unit)
}

// visible reports whether a field applies, noting that the wording tested it.
func (f formatter) visible(id string) bool {
	if _, ok := f.field(id); !ok {
		return false
	}
	return f.t.Visible(id, f.a)
}

// text is a visible field's raw answer, for conditions.
func (f formatter) text(id string) string {
	if !f.visible(id) {
		return ""
	}
	return f.a.Text(id)
}

// party describes a party the way the opening of a contract does, for
// every entity type: "Acme Ltd, a private limited company registered in
// England and Wales under number 0123, whose registered address is …";
// "Jo Bloggs, a sole trader trading as Bloggs Calls, whose business address
// is …"; never "a other" or "number none".
func (f formatter) party(role string) string {
	name := f.value(role + "_name")
	entity := f.text(role + "_entity")
	address := f.oneline(role + "_address")
	kind := f.valueLower(role + "_entity")
	switch {
	case entity == "" || strings.HasPrefix(kind, MarkerPrefix):
		return name + ", " + kind + ", whose address is " + address
	case entity == "llc" || entity == "corporation":
		// US forms: organised under a state's law, with a file number;
		// the registered office is the agent's, so the address given is
		// the principal office.
		form := map[string]string{"llc": "limited liability company", "corporation": "corporation"}[entity]
		number := "file number"
		if strings.Contains(strings.ToLower(f.text(role+"_incorporated")), "florida") {
			number = "document number" // Florida's Division of Corporations' word
		}
		return name + ", " + template.WithArticle(f.value(role+"_incorporated")+" "+form) +
			" (" + number + " " + f.value(role+"_company_number") + "), whose principal office is at " + address
	case (entity == "private_limited" || entity == "public_limited") && template.AustralianRegistration(f.text(role+"_incorporated")):
		// Australia registers companies nationally (ASIC), as proprietary
		// or public companies, each with a nine-digit ACN.
		form := map[string]string{"private_limited": "a proprietary company", "public_limited": "a public company"}[entity]
		return name + ", " + form + " registered in Australia, ACN " + template.GroupACN(f.value(role+"_company_number")) +
			", whose registered office is at " + address
	case f.visible(role + "_company_number"):
		return name + ", " + template.WithArticle(kind) + " registered in " + f.value(role+"_incorporated") +
			" under number " + f.value(role+"_company_number") + ", whose registered address is " + address
	}
	what := template.WithArticle(kind)
	if entity == "other" {
		what = "an organisation"
	}
	if trading := f.text(role + "_trading_name"); trading != "" {
		what += " trading as " + f.value(role+"_trading_name") + ","
	}
	return name + ", " + what + " whose business address is " + address
}

// oneline prints a multi-line answer (an address) on one line.
func (f formatter) oneline(id string) string {
	v := f.value(id)
	return strings.Join(strings.FieldsFunc(v, func(r rune) bool { return r == '\n' }), ", ")
}
