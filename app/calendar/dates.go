package calendar

import (
	"strings"
	"time"
)

// Dates are all-day and kept at midnight UTC, so no time zone can move a
// deadline to another day.

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func daysIn(y int, m time.Month) int { return day(y, m+1, 0).Day() }

// periodEnd is the last day of a period of n months that starts on start:
// the day before the same day of the month n months later or, when that
// month has no such day (the 31st, 29 February), the last day of that
// month. So a year from 4 January 2027 ends on 3 January 2028, a month from
// 31 January 2027 ends on 28 February 2027, and a year from 29 February
// 2028 ends on 28 February 2029.
func periodEnd(start time.Time, months int) time.Time {
	y, m := start.Year(), start.Month()+time.Month(months)
	first := day(y, m, 1) // normalises the month and year
	if start.Day() > daysIn(first.Year(), first.Month()) {
		return day(first.Year(), first.Month()+1, 0)
	}
	return day(first.Year(), first.Month(), start.Day()-1)
}

// sameDayMonthsLater is the anniversary-style date n months after start,
// on the month's last day when the day does not exist (29 February).
func sameDayMonthsLater(start time.Time, months int) time.Time {
	first := day(start.Year(), start.Month()+time.Month(months), 1)
	return day(first.Year(), first.Month(), min(start.Day(), daysIn(first.Year(), first.Month())))
}

// businessDay reports whether t is Monday to Friday. Public holidays differ
// by country and year and the agreement does not list them, so the
// calendar counts weekdays and says so.
func businessDay(t time.Time) bool {
	wd := t.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// addDays moves n days (or business days) forward, or back for negative n.
func addDays(t time.Time, n int, business bool) time.Time {
	if !business {
		return t.AddDate(0, 0, n)
	}
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		t = t.AddDate(0, 0, step)
		if businessDay(t) {
			n--
		}
	}
	return t
}

// onBusinessDay moves a deadline that falls on a Saturday or Sunday back
// to the Friday before, and says why in its detail. The agreement treats
// a notice received on a day that is not a Business Day as received on
// the next one, so a notice sent on the Sunday named would arrive late;
// doing anything else due that weekend on the Friday is the safe reading.
// An end date is not something to do, and stays where the terms put it.
func onBusinessDay(e Event) Event {
	if !e.Deadline || businessDay(e.Date) || strings.HasPrefix(e.Title, "Agreement ends") {
		return e
	}
	named := e.Date
	for !businessDay(e.Date) {
		e.Date = e.Date.AddDate(0, 0, -1)
	}
	moved := "Moved from " + named.Format("Monday 2 January 2006") + ", not a Business Day: a notice received then counts as received on the next Business Day."
	if e.Detail != "" {
		moved = e.Detail + " " + moved
	}
	e.Detail = moved
	return e
}
