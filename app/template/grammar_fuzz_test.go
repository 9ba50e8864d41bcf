package template

import (
	"strings"
	"testing"

	"pactwright/app/answers"
)

// FuzzGrammar: whatever a user types, the grammar never panics, Tidy is
// stable, and a valid date or number reads back without doubled symbols.
func FuzzGrammar(f *testing.F) {
	for _, s := range []string{"1", "10000", "12.5%", "2027-02-30", "9:00 p.m.", "", "other", "LLC", "é", "1,000,000"} {
		f.Add(s)
	}
	date, _ := CallCentre().Field("effective_date")
	f.Fuzz(func(t *testing.T, s string) {
		_ = Quantity(s, "days")
		_ = WithArticle(s)
		if p := Percentage(s); strings.Contains(p, "%%") && !strings.Contains(s, "%%") {
			t.Errorf("Percentage(%q) = %q", s, p)
		}
		if once := Tidy(s); Tidy(once) != once {
			t.Errorf("Tidy is not stable on %q: %q then %q", s, once, Tidy(once))
		}
		v := answers.Value{Text: s}
		if date.Validate(v) == nil && strings.ContainsAny(date.Display(v), "-") {
			t.Errorf("valid date %q displays as %q", s, date.Display(v))
		}
	})
}
