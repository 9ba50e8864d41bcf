// Package calendar lists the dated obligations of an agreement: start,
// end of the initial term, the last day to stop a renewal, each renewal,
// price reviews, service level reports, performance reviews, forecasts,
// insurance evidence, the exit plan and, once notice to end has been given,
// the end date and the hand-back deadlines. Each date names the clause it
// comes from, and the list is written as an RFC 5545 .ics file.
package calendar

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"pactwright/app/answers"
)

// Event is one dated obligation, all day, in UTC.
type Event struct {
	Date     time.Time `json:"date"`
	Title    string    `json:"title"`
	Detail   string    `json:"detail,omitempty"`
	Clause   string    `json:"clause"`   // "clause 1.4", as the agreement numbers it
	Deadline bool      `json:"deadline"` // something must be done by this day: reminders start earlier
	Kind     string    `json:"kind"`     // term, notice, price, report, review, forecast, insurance, exit
}

// Options says how far ahead to look and what has happened since signing.
type Options struct {
	// Renewals is how many renewals to list after the initial term
	// (automatic renewal or renewal at the Customer's option).
	Renewals int
	// NoticeGiven, when set, is the day notice to end the agreement without
	// a reason was given: the calendar then runs to the end date and the
	// exit milestones, and drops what falls after the end.
	NoticeGiven time.Time
}

// DefaultRenewals is how many renewals the calendar lists unless asked.
const DefaultRenewals = 2

// Clause keys the events quote.
const (
	keyTerm        = "parties.term.2"
	keyRenewal     = "parties.term.3"
	keyGovernance  = "parties.governance.2"
	keyForecasts   = "scope.forecasts"
	keyReporting   = "service_levels.reporting"
	keyPriceReview = "pricing.price_review"
	keyInsurance   = "general.insurance"
	keyExit        = "termination.exit_assistance"
	keyConvenience = "termination.ending_without_a_reason"
	keyHandBack    = "schedule.exit_plan"
)

// reader reads the answers the calendar needs, collecting what it cannot
// use so the error names every field at once.
type reader struct {
	a    answers.Answers
	errs []string
}

func (r *reader) fail(label, why string) { r.errs = append(r.errs, label+" "+why) }

func (r *reader) date(id, label string) time.Time {
	t, err := time.Parse("2006-01-02", r.a.Text(id))
	switch {
	case err != nil:
		r.fail(label, "must be a date like 2027-01-04 (it is "+quote(r.a.Text(id))+")")
	case !inRange(t):
		r.fail(label, "must be a date "+yearRangeText+" (it is "+quote(r.a.Text(id))+")")
	}
	return t
}

// whole reads a whole number from 0 to most.
func (r *reader) whole(id, label string, most int, unit string) int {
	n, err := strconv.Atoi(r.a.Text(id))
	switch {
	case err != nil || n < 0:
		r.fail(label, "must be a whole number (it is "+quote(r.a.Text(id))+")")
		return 0
	case n > most:
		r.fail(label, fmt.Sprintf("must be at most %d %s for the calendar (it is %d)", most, unit, n))
		return 0
	}
	return n
}

// quote quotes an answer for a message, cut to a readable length.
func quote(s string) string {
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return strconv.Quote(s)
}

// months reads a duration in months or years as months.
func (r *reader) months(id, label string) int {
	if r.a[id].Unit == "years" {
		return 12 * r.whole(id, label, maxMonths/12, "years")
	}
	return r.whole(id, label, maxMonths, "months")
}

// days reads a duration in days or business days.
func (r *reader) days(id, label string) (n int, business bool) {
	return r.whole(id, label, maxDays, "days"), r.a[id].Unit == "business days"
}

// Obligations lists a draft's dated obligations, earliest first. clauses
// maps clause keys to the numbers the agreement prints.
func Obligations(a answers.Answers, clauses map[string]string, opt Options) ([]Event, error) {
	if err := checkOptions(opt); err != nil {
		return nil, err
	}
	r := &reader{a: a}
	ref := func(key string) string {
		if n := clauses[key]; n != "" {
			return n
		}
		return "the agreement"
	}
	start := r.date("effective_date", "Start date")
	initial := r.months("initial_term", "Initial term")
	if len(r.errs) > 0 {
		return nil, fmt.Errorf("the calendar needs these answers: %s", strings.Join(r.errs, "; "))
	}
	if !opt.NoticeGiven.IsZero() && opt.NoticeGiven.Before(start) {
		return nil, fmt.Errorf("the day notice was given, %s, is before the agreement starts on %s: check the date", opt.NoticeGiven.Format("2 January 2006"), start.Format("2 January 2006"))
	}
	var ev []Event
	add := func(e Event) { ev = append(ev, onBusinessDay(e)) }
	add(Event{Date: start, Title: "Agreement starts", Clause: ref(keyTerm), Kind: "term"})

	// The terms: initial, then renewals.
	end := periodEnd(start, initial)
	if !inRange(end) {
		return nil, fmt.Errorf("the initial term would end on %s, after %d: check the initial term", end.Format("2 January 2006"), latestYear)
	}
	add(Event{Date: end, Title: "Initial term ends", Clause: ref(keyTerm), Kind: "term"})
	renewal := a.Text("renewal")
	last := end // the last day the calendar covers
	if renewal == "automatic" || renewal == "customer_option" {
		period := r.months("renewal_period", "Length of each renewal")
		notice, business := 0, false
		if renewal == "automatic" {
			notice, business = r.days("non_renewal_notice", "Notice to stop renewal")
		}
		unit := "days"
		if business {
			unit = "business days (Monday to Friday; public holidays not counted here)"
		}
		for i := 0; i <= opt.Renewals && len(r.errs) == 0; i++ {
			term := "the initial term"
			if i > 0 {
				term = "renewal " + strconv.Itoa(i)
			}
			if renewal == "automatic" {
				add(Event{Date: addDays(end, -notice, business), Title: "Last day to give notice of non-renewal", Deadline: true, Kind: "notice", Clause: ref(keyRenewal),
					Detail: fmt.Sprintf("Written notice at least %d %s before %s ends on %s; otherwise the agreement renews for a further %d months.", notice, unit, term, end.Format("2 January 2006"), period)})
			} else {
				add(Event{Date: end, Title: "Last day to renew: the Customer's written notice", Deadline: true, Kind: "notice", Clause: ref(keyRenewal),
					Detail: fmt.Sprintf("Without the Customer's notice before %s ends, the agreement ends that day.", term)})
			}
			if i == opt.Renewals {
				break
			}
			next := end.AddDate(0, 0, 1)
			end = periodEnd(next, period)
			if !inRange(end) {
				return nil, fmt.Errorf("renewal %d would end on %s, after %d: list fewer renewals (--renewals) or check the renewal period", i+1, end.Format("2 January 2006"), latestYear)
			}
			add(Event{Date: next, Title: fmt.Sprintf("Renewal %d starts (if not stopped), to %s", i+1, end.Format("2 January 2006")), Clause: ref(keyRenewal), Kind: "term"})
			last = end
		}
	}

	// Notice to end without a reason cuts the calendar short.
	if !opt.NoticeGiven.IsZero() {
		notice, business := r.days("convenience_notice", "Notice to end without a reason")
		if a.Text("convenience") == "none" {
			r.fail("Ending without a reason", "is not allowed by this agreement, so a notice to end cannot be dated")
		}
		endOn := addDays(opt.NoticeGiven.UTC().Truncate(24*time.Hour), notice, business)
		if endOn.After(last) {
			endOn = last
		}
		last = endOn
		add(Event{Date: endOn, Title: "Agreement ends after the notice given on " + opt.NoticeGiven.Format("2 January 2006"), Kind: "exit", Deadline: true, Clause: ref(keyConvenience)})
		exitMonths := r.months("exit_period", "Exit assistance period")
		exitEnd := periodEnd(endOn.AddDate(0, 0, 1), exitMonths)
		add(Event{Date: exitEnd, Title: "Exit assistance ends at the latest", Kind: "exit", Clause: ref(keyExit),
			Detail: "The Provider keeps helping, if the Customer asks, for up to the exit assistance period after the end."})
		for _, row := range a["exit_items"].Rows {
			if row.IsBlank() {
				continue
			}
			n, err := strconv.Atoi(strings.TrimSpace(row["days"]))
			if err != nil || n < 0 || n > maxDays {
				r.fail("What is handed back at exit ("+quote(row["item"])+")", fmt.Sprintf("needs a whole number of days from 0 to %d", maxDays))
				continue
			}
			// The days count from the date the Customer names for the
			// move, and at the latest from the end of exit assistance.
			add(Event{Date: exitEnd.AddDate(0, 0, n), Title: "Hand-back due at the latest: " + row["item"],
				Detail: row["format"] + "; counted from the date you name for the move, if earlier", Deadline: true, Kind: "exit", Clause: ref(keyHandBack)})
		}
	}

	if days := r.whole("exit_plan_days", "Exit plan agreed within", maxDays, "days"); len(r.errs) == 0 {
		add(Event{Date: start.AddDate(0, 0, days), Title: "Exit plan to be agreed", Deadline: true, Kind: "exit", Clause: ref(keyExit)})
	}

	// Yearly: price review and insurance evidence on each anniversary.
	for y := 1; ; y++ {
		anniversary := sameDayMonthsLater(start, 12*y)
		if anniversary.After(last) {
			break
		}
		if a.Text("price_review") == answers.Yes {
			add(Event{Date: anniversary.AddDate(0, 0, -60), Title: "Last day for the Provider's notice of a price increase", Kind: "price", Clause: ref(keyPriceReview),
				Detail: "An increase on the anniversary needs at least 60 days' written notice; check it against the index and the cap."})
			add(Event{Date: anniversary, Title: "Price review: anniversary of the Start Date", Kind: "price", Clause: ref(keyPriceReview)})
		}
		add(Event{Date: anniversary, Title: "Ask for evidence of the Provider's insurance", Kind: "insurance", Clause: ref(keyInsurance),
			Detail: "The Provider keeps the insurance throughout and shows evidence of cover on request."})
	}

	// Monthly: the service level report, the review meeting and forecasts.
	reportDays := r.whole("report_due_days", "Monthly report due within", maxDays, "days")
	quarterly := a.Text("review_frequency") == "quarterly"
	weekly := a.Text("forecast_frequency") == "weekly"
	for m := day(start.Year(), start.Month(), 1); !m.After(last); m = m.AddDate(0, 1, 0) {
		monthEnd := m.AddDate(0, 1, -1)
		name := m.Format("January 2006")
		due := addDays(monthEnd, reportDays, true)
		// The last month's report falls due after the end, and is still owed.
		add(Event{Date: due, Title: "Service level report for " + name + " due", Deadline: true, Kind: "report", Clause: ref(keyReporting)})
		if !due.After(last) {
			if !quarterly || monthEnd.Month()%3 == 0 {
				what := "monthly"
				if quarterly {
					what = "quarterly"
				}
				add(Event{Date: due, Title: "Performance review meeting (" + what + "): go through the report", Kind: "review", Clause: ref(keyGovernance)})
			}
		}
		if !weekly {
			first := addDays(m.AddDate(0, 0, -1), 1, true)
			if !first.Before(start) && !first.After(last) {
				add(Event{Date: first, Title: "Send the Provider the updated contact forecast", Kind: "forecast", Clause: ref(keyForecasts),
					Detail: "The agreement asks for a monthly update; this reminder falls on the first business day of the month."})
			}
		}
	}
	if weekly {
		for d := start; !d.After(last); d = d.AddDate(0, 0, 1) {
			if d.Weekday() == time.Monday {
				add(Event{Date: d, Title: "Send the Provider the updated contact forecast", Kind: "forecast", Clause: ref(keyForecasts),
					Detail: "The agreement asks for a weekly update; this reminder falls on Mondays."})
			}
		}
	}
	if len(r.errs) > 0 {
		return nil, errors.New("the calendar needs these answers: " + strings.Join(r.errs, "; "))
	}
	slices.SortStableFunc(ev, func(x, y Event) int { return x.Date.Compare(y.Date) })
	var out []Event
	for _, e := range ev {
		if !e.Date.After(last) || e.Kind == "exit" || e.Kind == "report" {
			out = append(out, e)
		}
	}
	return out, nil
}
