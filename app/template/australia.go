package template

import "strings"

// australianPlaces are words that name registration in Australia: its
// states and territories, which businesses often give instead.
var australianPlaces = []string{"australia", "new south wales", "victoria", "queensland", "tasmania", "australian capital territory", "northern territory"}

// AustralianRegistration reports whether a "registered in" answer names
// Australia or one of its states or territories.
func AustralianRegistration(where string) bool {
	lower := strings.ToLower(where)
	for _, p := range australianPlaces {
		if strings.Contains(lower, p) {
			return true
		}
	}
	return false
}

// GroupACN writes a nine-digit Australian Company Number as ASIC prints it
// ("123 456 789"); any other text is returned as typed.
func GroupACN(number string) string {
	digits := strings.ReplaceAll(number, " ", "")
	if len(digits) != 9 || strings.Trim(digits, "0123456789") != "" {
		return number
	}
	return digits[:3] + " " + digits[3:6] + " " + digits[6:]
}
