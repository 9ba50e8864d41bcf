package template

import (
	"strings"
	"testing"

	"pactwright/app/answers"
)

// What the form shows under a field, and the checklist after its label,
// is a sentence a user can act on: no quoted empty codes, no Go runes.
func TestValidationSaysWhatIsWrongInWords(t *testing.T) {
	tp := CallCentre()
	cases := []struct {
		field string
		v     answers.Value
		want  string
	}{
		{"rate", answers.Value{Text: "12", Unit: ""}, "needs a currency: choose one of GBP, USD"},
		{"rate", answers.Value{Text: "12", Unit: "XYZ"}, "cannot be in XYZ, which is not a currency offered: choose one of GBP"},
		{"rate", answers.Value{Text: "12t", Unit: "GBP"}, `amount "12t" is not a number: the letter t cannot be part of a number`},
		{"hours_times", answers.Value{Text: "25:00 to 99:99"}, "25:00 is not a time of day: times run from 00:00 to 24:00"},
		{"hours_times", answers.Value{Text: "08:00 to 24:30"}, "24:30 is not a time of day"},
		{"hours_times", answers.Value{Text: "8:00-17:60"}, "17:60 is not a time of day"},
	}
	for _, c := range cases {
		f, ok := tp.Field(c.field)
		if !ok {
			t.Fatalf("no field %s", c.field)
		}
		err := f.Validate(c.v)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s %+v: error %v, want one saying %q", c.field, c.v, err, c.want)
		}
	}
	for _, ok := range []string{"08:00 to 20:00", "00:00 to 24:00", "8:30-17:30, and a 50:50 split of the calls"} {
		f, _ := tp.Field("hours_times")
		if err := f.Validate(answers.Value{Text: ok}); err != nil {
			t.Errorf("hours_times %q refused: %v", ok, err)
		}
	}
}
