package template

import (
	"testing"

	"pactwright/app/answers"
)

func TestDisplay(t *testing.T) {
	tpl := CallCentre()
	cases := []struct {
		field string
		v     answers.Value
		want  string
	}{
		{"initial_term", answers.Value{Text: "36", Unit: "months"}, "36 months"},
		{"rate", answers.Value{Text: "24.5", Unit: "GBP"}, "£24.50"},
		{"rate", answers.Value{Text: "twelve", Unit: "GBP"}, "twelve GBP"}, // shown as typed
		{"insurance_cyber", answers.Value{Text: "2000000", Unit: "USD"}, "US$2,000,000"},
		{"effective_date", answers.Value{Text: "2027-01-04"}, "4 January 2027"},
		{"effective_date", answers.Value{Text: "next week"}, "next week"},
		{"card_payments", answers.Value{Text: "yes"}, "Yes"},
		{"channels", answers.Value{Items: []string{"email", "chat"}}, "Email and Web chat"},
		{"agents", answers.Value{Text: "1"}, "1 full-time agent"},
		{"credit_cap", answers.Value{Text: "10"}, "10%"},
		{"exit_items", answers.Value{Rows: []answers.Row{{"item": "Recordings", "format": "WAV", "days": "30"}, {}}}, "Recordings, WAV, 30"},
		{"customer_name", answers.Value{}, ""},
	}
	for _, c := range cases {
		f, _ := tpl.Field(c.field)
		if got := f.Display(c.v); got != c.want {
			t.Errorf("Display(%s, %+v) = %q, want %q", c.field, c.v, got, c.want)
		}
	}
	f, _ := tpl.Field("relief_events")
	if got := f.Phrase(answers.Value{Items: []string{"customer_systems", "force_majeure"}}, " or "); got != "outages of the Customer's own systems or force majeure events" {
		t.Errorf("Phrase = %q", got)
	}
}
