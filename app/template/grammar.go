package template

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"pactwright/app/money"
)

// This file is the one grammar every piece of wording goes through: the
// PDF, the form's read-only displays, the checks and the findings. Keeping
// it in one place is what stops "1 days", "a other" or "3%%" coming back.

// Quantity writes a number with its unit as people read it: "30 days",
// "1 day" rather than "1 days", "10,000 agents" with a thousands separator.
// A number that does not parse is shown as typed.
func Quantity(n, unit string) string {
	n = strings.TrimSpace(n)
	d, err := money.Parse(n)
	if err == nil {
		n = d.Grouped(0)
	}
	if unit == "" {
		return n
	}
	if err == nil && d.Cmp(money.FromInt(1)) == 0 {
		unit = Singular(unit)
	}
	// Business days are the agreement's defined term, capitalised as
	// the definitions spell it.
	unit = strings.Replace(unit, "business day", "Business Day", 1)
	return n + " " + unit
}

// Count is Quantity for a count the program made: "1 change", "3 changes".
func Count(n int, unit string) string { return Quantity(strconv.Itoa(n), unit) }

// Grouped prints a bare number with thousands separators: "10,000".
func Grouped(n string) string { return Quantity(n, "") }

// Percentage prints a percentage once, whether or not the user typed the
// sign: "12.5%", never "12.5%%".
func Percentage(p string) string {
	p = strings.TrimRightFunc(strings.TrimSpace(p), func(r rune) bool { return r == '%' || unicode.IsSpace(r) })
	if p == "" {
		return ""
	}
	return Grouped(p) + "%"
}

// irregular holds the plural units whose singular is not the plural minus "s".
var irregular = map[string]string{"hours of notice": "hour of notice"}

// Singular turns a plural unit into its singular: the first plural word
// loses its "s" ("business days" → "business day", "months of fees" →
// "month of fees"); words that merely end in "ss" ("business") are kept.
func Singular(unit string) string {
	if s, ok := irregular[unit]; ok {
		return s
	}
	words := strings.Fields(unit)
	for i, w := range words {
		if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 2 {
			words[i] = strings.TrimSuffix(w, "s")
			break
		}
	}
	return strings.Join(words, " ")
}

// Article returns "a" or "an" for the phrase that follows it, by its sound:
// "an hour", "an LLC", "a UK company", "a one-off fee".
func Article(phrase string) string {
	w := strings.ToLower(strings.Fields(phrase + " x")[0])
	first, _ := utf8.DecodeRuneInString(phrase)
	switch {
	case strings.HasPrefix(w, "hour") || strings.HasPrefix(w, "honest") || strings.HasPrefix(w, "heir"):
		return "an"
	case strings.HasPrefix(w, "uni") || strings.HasPrefix(w, "use") || strings.HasPrefix(w, "one") ||
		strings.HasPrefix(w, "eu") || strings.HasPrefix(w, "uk") || strings.HasPrefix(w, "us"):
		return "a"
	case isAcronym(strings.Fields(phrase + " x")[0]):
		// Letters read by name: "an LLC", "an MSA", "a PCI".
		if strings.ContainsRune("AEFHILMNORSX", first) {
			return "an"
		}
		return "a"
	case strings.ContainsRune("aeiou", rune(w[0])):
		return "an"
	}
	return "a"
}

// WithArticle puts the right article before a phrase: "an other" never.
func WithArticle(phrase string) string { return Article(phrase) + " " + phrase }

func isAcronym(word string) bool {
	if len(word) < 2 {
		return false
	}
	for _, r := range word {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// JoinAnd joins items as English prose: "a, b and c".
func JoinAnd(items []string) string { return joinWith(items, " and ") }

// JoinOr joins items as alternatives: "a, b or c".
func JoinOr(items []string) string { return joinWith(items, " or ") }

func joinWith(items []string, last string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + last + items[len(items)-1]
}

// Amount prints money the way a contract does: "£1,250.00", or "CAD 1,250.00"
// for currencies without a symbol in everyday use. Large round sums read as
// "£5,000,000"; an amount that does not parse is shown as typed.
func Amount(amount, currency string) string {
	d, err := money.Parse(amount)
	if err != nil {
		return strings.TrimSpace(amount + " " + currency)
	}
	places := 2
	if d.IsWhole() && d.Cmp(money.FromInt(10000)) >= 0 {
		places = 0
	}
	symbol := map[string]string{"GBP": "£", "USD": "US$", "EUR": "€"}[currency]
	if symbol == "" {
		return strings.TrimSpace(currency + " " + d.Grouped(places))
	}
	return symbol + d.Grouped(places)
}

// Tidy repairs the seams where a value meets the wording around it: a
// value that ends in a full stop ("9:00 p.m.") before the sentence's own,
// a space before punctuation, doubled spaces. An ellipsis is kept.
func Tidy(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		next := byte(0)
		if i+1 < len(s) {
			next = s[i+1]
		}
		n := len(out)
		switch {
		case c == ' ' && (next == ' ' || next == ',' || next == '.' || next == ';'):
			continue
		case c == '.' && n > 0 && out[n-1] == '.' && next != '.' && !(n > 1 && out[n-2] == '.'):
			continue // "p.m.." → "p.m."; an ellipsis is kept
		}
		out = append(out, c)
	}
	return string(out)
}

// Capitalise upper-cases the first letter, for a value that starts a line.
func Capitalise(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}
