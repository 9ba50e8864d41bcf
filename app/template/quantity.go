package template

import "strings"

// Quantity writes a number with its unit as people read it: "30 days", and
// "1 day" or "1 month of fees" rather than "1 days" or "1 months of fees".
// The form, the checks and the PDF all print quantities through it.
func Quantity(n, unit string) string {
	if unit == "" {
		return n
	}
	if n == "1" {
		unit = singular(unit)
	}
	return n + " " + unit
}

// singular drops the plural "s" of the first plural word ("business" is
// not one): "business days"
// becomes "business day", "months of fees" becomes "month of fees".
func singular(unit string) string {
	words := strings.Fields(unit)
	for i, w := range words {
		if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 2 {
			words[i] = strings.TrimSuffix(w, "s")
			break
		}
	}
	return strings.Join(words, " ")
}
