package calendar

import (
	"strings"
	"testing"
	"time"

	"pactwright/app/answers"
)

// TestHostileSpansRefused: answers and options that would make the
// calendar run without bound, or past the years Pactwright accepts, are
// refused with a message naming the answer and the limit.
func TestHostileSpansRefused(t *testing.T) {
	base := map[string]answers.Value{
		"effective_date": {Text: "2027-01-04"},
		"renewal":        {Text: "automatic"},
	}
	with := func(k string, v answers.Value) answers.Answers {
		a := draftAnswers(base)
		a[k] = v
		return a
	}
	for _, c := range []struct {
		name string
		a    answers.Answers
		opt  Options
		want string
	}{
		{"notice of 2,000,000,000 business days", with("non_renewal_notice", answers.Value{Text: "2000000000", Unit: "business days"}), Options{Renewals: 2},
			"Notice to stop renewal must be at most 3660 days"},
		{"term of 100,000,000 months", with("initial_term", answers.Value{Text: "100000000", Unit: "months"}), Options{Renewals: 2},
			"Initial term must be at most 1200 months"},
		{"10,000 renewals", draftAnswers(base), Options{Renewals: 10000}, "renewals: 10000 is outside 0 to 100"},
		{"renewals past 2200", with("renewal_period", answers.Value{Text: "100", Unit: "years"}), Options{Renewals: 3},
			"would end on"},
		{"start in 9999", with("effective_date", answers.Value{Text: "9999-01-01"}), Options{}, "Start date must be a date between 1900 and 2200"},
		{"notice given before the start", draftAnswers(base), Options{NoticeGiven: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)},
			"the day notice was given, 1 December 2026, is before the agreement starts on 4 January 2027"},
		{"notice given in 9999", draftAnswers(base), Options{NoticeGiven: time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)}, "is not between 1900 and 2200"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Obligations(c.a, clauses, c.opt)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want %q", err, c.want)
			}
		})
	}
}

// BenchmarkLongestCalendar: the most the limits allow, 100 renewals of a
// year with weekly forecasts.
func BenchmarkLongestCalendar(b *testing.B) {
	a := draftAnswers(map[string]answers.Value{
		"effective_date":     {Text: "2027-01-04"},
		"renewal":            {Text: "automatic"},
		"renewal_period":     {Text: "12", Unit: "months"},
		"forecast_frequency": {Text: "weekly"},
	})
	for b.Loop() {
		if _, err := Obligations(a, clauses, Options{Renewals: MaxRenewals}); err != nil {
			b.Fatal(err)
		}
	}
}
