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

func TestDateMessagesSayWhatIsWrong(t *testing.T) {
	f, _ := CallCentre().Field("effective_date")
	cases := map[string]string{
		"2027-02-30": "30 February 2027 does not exist",
		"2027-13-01": `"2027-13-01" has no month 13: months run from 01 to 12`,
		"1899-12-31": "31 December 1899 is not a sensible date for an agreement: use a date between 1900 and 2200",
		"2201-01-01": "1 January 2201 is not a sensible date for an agreement: use a date between 1900 and 2200",
		"next week":  `"next week" is not a date: use year-month-day, like 2026-03-31`,
	}
	for in, want := range cases {
		err := f.Validate(answers.Value{Text: in})
		if err == nil || err.Error() != want {
			t.Errorf("Validate(%q) = %v, want %q", in, err, want)
		}
	}
	for _, ok := range []string{"1900-01-01", "2200-12-31", "2028-02-29"} {
		if err := f.Validate(answers.Value{Text: ok}); err != nil {
			t.Errorf("Validate(%q) = %v, want valid", ok, err)
		}
	}
}

func TestGrammar(t *testing.T) {
	cases := []struct{ got, want string }{
		{Quantity("1", "days"), "1 day"},
		{Quantity("01", "months"), "1 month"},
		{Quantity("10000", "full-time agents"), "10,000 full-time agents"},
		{Quantity("1", "business days"), "1 Business Day"},
		{Quantity("0", "days"), "0 days"},
		{Percentage("3%"), "3%"},
		{Percentage("12.5"), "12.5%"},
		{WithArticle("other"), "an other"},
		{WithArticle("LLC"), "an LLC"},
		{WithArticle("sole trader"), "a sole trader"},
		{WithArticle("hour"), "an hour"},
		{WithArticle("UK company"), "a UK company"},
		{JoinAnd([]string{"A", "B", "C"}), "A, B and C"},
		{JoinOr([]string{"A", "B"}), "A or B"},
		{Tidy("from 9:00 a.m. to 9:00 p.m.. Then"), "from 9:00 a.m. to 9:00 p.m. Then"},
		{Tidy("wait... and"), "wait... and"},
		{Tidy("a  b , c ."), "a b, c."},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestUnknownKindIsRefusedNotShownAsText(t *testing.T) {
	f := &Field{ID: "x", Label: "X", Kind: "colour"}
	if HasBehaviour(f.Kind) {
		t.Fatal("an undefined kind claims to have behaviour")
	}
	if err := f.Validate(answers.Value{Text: "red"}); err == nil {
		t.Error("a value of an unknown kind validated")
	}
	if _, err := f.DecodeJSON([]byte(`"red"`)); err == nil {
		t.Error("a value of an unknown kind decoded")
	}
	for _, k := range FieldKinds() {
		if !HasBehaviour(k) {
			t.Errorf("kind %q lacks a part", k)
		}
	}
}
