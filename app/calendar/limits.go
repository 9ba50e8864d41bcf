package calendar

import (
	"fmt"
	"time"
)

// The calendar lists every month and, for weekly forecasts, every week it
// covers, so a hostile or mistyped answer (a term of 100,000,000 months, a
// notice of 2,000,000,000 business days) would take without bound. These
// limits are far beyond any real agreement and keep every date inside the
// years the rest of Pactwright accepts.
const (
	MaxRenewals   = 100
	maxMonths     = 1200 // 100 years: a term, renewal or exit period
	maxDays       = 3660 // 10 years of days: a notice or a deadline
	earliestYear  = 1900
	latestYear    = 2200
	yearRangeText = "between 1900 and 2200"
)

var (
	earliestDay = day(earliestYear, time.January, 1)
	latestDay   = day(latestYear, time.December, 31)
)

// inRange reports whether t is a date the calendar can list.
func inRange(t time.Time) bool { return !t.Before(earliestDay) && !t.After(latestDay) }

// checkOptions refuses options outside the limits, naming them.
func checkOptions(opt Options) error {
	if opt.Renewals < 0 || opt.Renewals > MaxRenewals {
		return fmt.Errorf("renewals: %d is outside 0 to %d, the most the calendar lists", opt.Renewals, MaxRenewals)
	}
	if !opt.NoticeGiven.IsZero() && !inRange(opt.NoticeGiven) {
		return fmt.Errorf("the day notice was given, %s, is not %s", opt.NoticeGiven.Format("2006-01-02"), yearRangeText)
	}
	return nil
}
