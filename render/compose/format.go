package compose

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"pactwright/app/answers"
	"pactwright/app/check"
	"pactwright/app/money"
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
	return formatValue(field, f.a[id], false)
}

// valueLower is value with each label starting in lower case, for use
// mid-sentence ("charged per agent hour worked").
func (f formatter) valueLower(id string) string {
	field, marker := f.problem(id)
	if marker != "" {
		return marker
	}
	return formatValue(field, f.a[id], true)
}

// valueLowerOr is valueLower joining a list with "or" instead of "and".
func (f formatter) valueLowerOr(id string) string {
	field, marker := f.problem(id)
	if marker != "" {
		return marker
	}
	if field.Kind != template.MultiChoice {
		return formatValue(field, f.a[id], true)
	}
	labels := make([]string, 0, len(f.a[id].Items))
	for _, item := range f.a[id].Items {
		labels = append(labels, caseOf(template.OptionLabel(field.Options, item), true))
	}
	return joinWith(labels, " or ")
}

// number prints the bare number of a Number field (no unit).
func (f formatter) number(id string) string {
	_, marker := f.problem(id)
	if marker != "" {
		return marker
	}
	return strings.TrimSpace(f.a[id].Text)
}

func formatValue(field *template.Field, v answers.Value, lower bool) string {
	text := strings.TrimSpace(v.Text)
	switch field.Kind {
	case template.Number:
		return template.Quantity(text, field.Unit)
	case template.Percent:
		return strings.TrimSuffix(text, "%") + "%"
	case template.Money:
		return Amount(text, v.Unit)
	case template.Duration:
		return template.Quantity(text, v.Unit)
	case template.Date:
		d, err := time.Parse(template.DateLayout, text)
		if err != nil {
			return text
		}
		return d.Format("2 January 2006")
	case template.Choice:
		return caseOf(template.OptionLabel(field.Options, text), lower)
	case template.MultiChoice:
		labels := make([]string, 0, len(v.Items))
		for _, item := range v.Items {
			labels = append(labels, caseOf(template.OptionLabel(field.Options, item), lower))
		}
		return JoinAnd(labels)
	case template.YesNo:
		if text == answers.Yes {
			return "Yes"
		}
		return "No"
	case template.LongText:
		return strings.TrimRight(text, "\n ")
	}
	return text
}

// Amount prints money the way a contract does: "£1,250.00", or "CAD 1,250.00"
// for currencies without a symbol in everyday use.
func Amount(amount, currency string) string {
	d, err := money.Parse(amount)
	if err != nil {
		return strings.TrimSpace(amount + " " + currency)
	}
	// Large round sums read as "£5,000,000", prices keep their pence.
	places := 2
	if d.IsWhole() && d.Cmp(money.FromInt(10000)) >= 0 {
		places = 0
	}
	symbol := map[string]string{"GBP": "£", "USD": "US$", "EUR": "€"}[currency]
	if symbol == "" {
		return currency + " " + d.Grouped(places)
	}
	return symbol + d.Grouped(places)
}

// caseOf lowers the first letter of a label, unless it starts an acronym
// ("ISO 27001", "CEDR") which must keep its capitals.
func caseOf(label string, lower bool) string {
	if !lower || label == "" {
		return label
	}
	first, size := utf8.DecodeRuneInString(label)
	next, _ := utf8.DecodeRuneInString(label[size:])
	if unicode.IsUpper(next) {
		return label
	}
	return string(unicode.ToLower(first)) + label[size:]
}

// JoinAnd joins items as English prose: "a, b and c".
func JoinAnd(items []string) string { return joinWith(items, " and ") }

func joinWith(items []string, last string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + last + items[len(items)-1]
}

// numberWord spells small counts ("one arbitrator"), as contracts do.
func numberWord(n, unit string) string {
	words := map[string]string{"1": "one", "2": "two", "3": "three"}
	w, ok := words[n]
	if !ok {
		w = n
	}
	return fmt.Sprintf("%s %s", w, template.Quantity(n, unit)[len(n)+1:])
}
