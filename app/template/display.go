package template

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"pactwright/app/answers"
)

// Display is how an answer reads to a person, the same in the PDF, in the
// diff between versions and on the command line: "36 months", "£24.50",
// "4 January 2027", option labels instead of ids. A value that does not
// parse is shown as typed, so nothing the user entered disappears.
func (f *Field) Display(v answers.Value) string { return f.display(v, false, " and ") }

// Phrase is Display for use inside a sentence: option labels start in lower
// case ("charged per agent hour worked") and a list ends with last, " and "
// or " or ".
func (f *Field) Phrase(v answers.Value, last string) string { return f.display(v, true, last) }

func (f *Field) display(v answers.Value, lower bool, last string) string {
	if v.IsBlank() {
		return ""
	}
	text := strings.TrimSpace(v.Text)
	if k, ok := kindOf(f.Kind); ok {
		return k.display(f, v, text, lower, last)
	}
	return text
}

// DisplayRow shows one table row as its cells in column order, with option
// labels and percent signs; an empty cell shows as a dash.
func (f *Field) DisplayRow(r answers.Row) string {
	if r.IsBlank() {
		return ""
	}
	cells := make([]string, 0, len(f.Columns))
	for _, c := range f.Columns {
		cells = append(cells, c.Display(r[c.ID]))
	}
	return strings.Join(cells, ", ")
}

// Display shows one cell: option labels for choices, "%" after percentages.
func (c Column) Display(cell string) string {
	cell = strings.TrimSpace(cell)
	switch {
	case cell == "":
		return "—"
	case c.Kind == Choice:
		return OptionLabel(c.Options, cell)
	case c.Kind == Percent:
		return Percentage(cell)
	case c.Kind == Decimal || c.Kind == Number:
		return Grouped(cell)
	}
	return cell
}

// caseOf lowers the first letter of a label, unless it starts an acronym
// ("ISO 27001", "CEDR") or a defined term of two capitalised words
// ("Customer Data"), which must keep their capitals.
func caseOf(label string, lower bool) string {
	if !lower || label == "" {
		return label
	}
	first, size := utf8.DecodeRuneInString(label)
	next, _ := utf8.DecodeRuneInString(label[size:])
	if unicode.IsUpper(next) {
		return label
	}
	if _, rest, ok := strings.Cut(label, " "); ok && rest != "" {
		if second, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(second) {
			return label
		}
	}
	return string(unicode.ToLower(first)) + label[size:]
}
