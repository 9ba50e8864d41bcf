package calendar

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pactwright/app/answers"
	"pactwright/app/template"
)

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestPeriodEnd(t *testing.T) {
	for _, c := range []struct {
		start  string
		months int
		want   string
	}{
		{"2027-01-04", 36, "2030-01-03"},
		{"2027-01-31", 1, "2027-02-28"}, // February has no 31st: its last day
		{"2028-01-31", 1, "2028-02-29"}, // leap year
		{"2028-02-29", 12, "2029-02-28"},
		{"2028-02-29", 48, "2032-02-28"}, // 29 February exists again: the day before it
		{"2027-03-01", 12, "2028-02-29"},
		{"2027-12-01", 1, "2027-12-31"},
		{"2027-08-31", 6, "2028-02-29"},
	} {
		if got := periodEnd(date(c.start), c.months).Format("2006-01-02"); got != c.want {
			t.Errorf("%d months from %s end on %s, want %s", c.months, c.start, got, c.want)
		}
	}
}

func draftAnswers(set map[string]answers.Value) answers.Answers {
	a := template.CallCentre().Defaults()
	for k, v := range set {
		a[k] = v
	}
	return a
}

var clauses = map[string]string{keyRenewal: "clause 1.4", keyTerm: "clause 1.3"}

func find(t *testing.T, ev []Event, title string) []Event {
	t.Helper()
	var out []Event
	for _, e := range ev {
		if strings.HasPrefix(e.Title, title) {
			out = append(out, e)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no event %q in %d events", title, len(ev))
	}
	return out
}

// icsEvent is an event as Python's icalendar reads it back.
type icsEvent struct {
	Summary, Start, End, Description string
	Triggers                         []string
}

// readICS parses the file with an independent reader, Debian's
// python3-icalendar (make test installs it).
func readICS(t *testing.T, data []byte) []icsEvent {
	t.Helper()
	path := filepath.Join(t.TempDir(), "c.ics")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	script := `
import json, sys
from icalendar import Calendar
cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
assert cal['VERSION'] == '2.0' and 'PRODID' in cal
out = []
for ev in cal.walk('VEVENT'):
    for need in ('UID', 'DTSTAMP', 'DTSTART'):
        assert need in ev, need
    out.append({'Summary': str(ev['SUMMARY']), 'Start': ev['DTSTART'].dt.isoformat(), 'End': ev['DTEND'].dt.isoformat(),
                'Description': str(ev['DESCRIPTION']),
                'Triggers': [str(a['TRIGGER'].dt) for a in ev.walk('VALARM')]})
print(json.dumps(out))
`
	out, err := exec.Command("/usr/bin/python3", "-c", script, path).CombinedOutput()
	if err != nil {
		t.Fatalf("python3-icalendar could not read the calendar: %v\n%s", err, out)
	}
	var events []icsEvent
	if err := json.Unmarshal(out, &events); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return events
}

func TestNoticeDeadlineInTheICS(t *testing.T) {
	for _, c := range []struct {
		name, start string
		term        answers.Value
		notice      answers.Value
		wantEnd     string
		wantNotice  string
	}{
		{"leap day start", "2028-02-29", answers.Value{Text: "12", Unit: "months"}, answers.Value{Text: "90", Unit: "days"}, "2029-02-28", "2028-11-30"},
		{"month end", "2027-01-31", answers.Value{Text: "1", Unit: "months"}, answers.Value{Text: "30", Unit: "days"}, "2027-02-28", "2027-01-29"},
		{"term ends on 29 February", "2027-03-01", answers.Value{Text: "1", Unit: "years"}, answers.Value{Text: "60", Unit: "days"}, "2028-02-29", "2027-12-31"},
		{"business days over new year", "2027-01-04", answers.Value{Text: "36", Unit: "months"}, answers.Value{Text: "10", Unit: "business days"}, "2030-01-03", "2029-12-20"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := draftAnswers(map[string]answers.Value{"effective_date": {Text: c.start}, "initial_term": c.term, "non_renewal_notice": c.notice})
			ev, err := Obligations(a, clauses, Options{Renewals: 1})
			if err != nil {
				t.Fatal(err)
			}
			if got := find(t, ev, "Initial term ends")[0].Date.Format("2006-01-02"); got != c.wantEnd {
				t.Errorf("initial term ends %s, want %s", got, c.wantEnd)
			}
			parsed := readICS(t, ICS(ev, "Test agreement", "PW-TEST", date("2026-12-01")))
			if len(parsed) != len(ev) {
				t.Fatalf("the reader found %d events, the calendar has %d", len(parsed), len(ev))
			}
			var notice *icsEvent
			for i, p := range parsed {
				if p.Summary == "Last day to give notice of non-renewal" {
					notice = &parsed[i]
					break
				}
			}
			if notice == nil {
				t.Fatal("the reader finds no notice deadline")
			}
			if notice.Start != c.wantNotice || notice.End != date(c.wantNotice).AddDate(0, 0, 1).Format("2006-01-02") {
				t.Errorf("notice deadline read as %s to %s, want the whole day %s", notice.Start, notice.End, c.wantNotice)
			}
			if strings.Join(notice.Triggers, ",") != "-30 days, 0:00:00,-7 days, 0:00:00" {
				t.Errorf("reminders %q, want 30 and 7 days before", notice.Triggers)
			}
			if !strings.Contains(notice.Description, "(clause 1.4)") {
				t.Errorf("description %q does not name the clause", notice.Description)
			}
		})
	}
}

func TestICSLinesAreFoldedAndEscaped(t *testing.T) {
	ev := []Event{{Date: date("2027-05-03"), Title: "Hand-back due: Scripts, knowledge base; and a very long name that runs well past seventy-five octets — ünïcödé", Clause: "Schedule 3", Kind: "exit", Deadline: true}}
	data := ICS(ev, "Brightside, Northpoint", "PW-1", date("2026-12-01"))
	for _, l := range strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
	}
	parsed := readICS(t, data)
	if len(parsed) != 1 || parsed[0].Summary != ev[0].Title {
		t.Errorf("read back %+v", parsed)
	}
}

func TestCalendarListsTheObligations(t *testing.T) {
	a := draftAnswers(map[string]answers.Value{"effective_date": {Text: "2027-01-04"}, "price_review": {Text: "yes"}})
	ev, err := Obligations(a, clauses, Options{Renewals: DefaultRenewals})
	if err != nil {
		t.Fatal(err)
	}
	reports := find(t, ev, "Service level report for ")
	// 4 January 2027 to 3 January 2032 (36 months and two 12-month
	// renewals) touches 61 calendar months, each with its report; January
	// 2027's is due on the 5th business day of February (the default).
	if len(reports) != 61 || reports[0].Title != "Service level report for January 2027 due" || reports[0].Date.Format("2006-01-02") != "2027-02-05" {
		t.Errorf("%d reports, first %q on %s", len(reports), reports[0].Title, reports[0].Date.Format("2006-01-02"))
	}
	if n := len(find(t, ev, "Last day to give notice of non-renewal")); n != 3 {
		t.Errorf("%d notice deadlines, want one per term (3)", n)
	}
	if got := find(t, ev, "Price review")[0].Date.Format("2006-01-02"); got != "2028-01-04" {
		t.Errorf("first price review %s", got)
	}
	// 90 days after the start (the default) is Sunday 4 April 2027: the
	// deadline is the Friday before, and says why.
	exitPlan := find(t, ev, "Exit plan to be agreed")[0]
	if got := exitPlan.Date.Format("2006-01-02"); got != "2027-04-02" ||
		!strings.Contains(exitPlan.Detail, "Moved from Sunday 4 April 2027, not a Business Day") {
		t.Errorf("exit plan due %s (%s)", got, exitPlan.Detail)
	}
	for _, e := range ev {
		if wd := e.Date.Weekday(); e.Deadline && (wd == time.Saturday || wd == time.Sunday) && !strings.HasPrefix(e.Title, "Agreement ends") {
			t.Errorf("%q falls on a %s", e.Title, wd)
		}
	}
	for i := 1; i < len(ev); i++ {
		if ev[i].Date.Before(ev[i-1].Date) {
			t.Fatalf("not in date order at %d", i)
		}
	}
}

func TestNoticeToEndShortensTheCalendar(t *testing.T) {
	a := draftAnswers(map[string]answers.Value{"effective_date": {Text: "2027-01-04"}, "convenience_notice": {Text: "90", Unit: "days"}})
	ev, err := Obligations(a, clauses, Options{Renewals: 2, NoticeGiven: date("2028-03-01")})
	if err != nil {
		t.Fatal(err)
	}
	end := find(t, ev, "Agreement ends after the notice")[0].Date
	if end.Format("2006-01-02") != "2028-05-30" {
		t.Errorf("ends %s, want 90 days after 1 March 2028", end.Format("2006-01-02"))
	}
	for _, e := range ev {
		if e.Date.After(end) && e.Kind != "exit" && e.Kind != "report" { // the last reports are still owed
			t.Errorf("%s on %s is after the end", e.Title, e.Date.Format("2006-01-02"))
		}
	}
	// Hand-back counts from the move the Customer names, at the latest
	// from the end of exit assistance (the data: on that day).
	exitEnd := find(t, ev, "Exit assistance ends at the latest")[0].Date
	if got := find(t, ev, "Hand-back due at the latest: Customer Data")[0].Date; !got.Equal(exitEnd) {
		t.Errorf("data hand-back %s, want the day exit assistance ends, %s", got.Format("2006-01-02"), exitEnd.Format("2006-01-02"))
	}
}

func TestCalendarNamesMissingAnswers(t *testing.T) {
	_, err := Obligations(draftAnswers(map[string]answers.Value{"effective_date": {Text: "soon"}}), clauses, Options{})
	if err == nil || !strings.Contains(err.Error(), `Start date must be a date like 2027-01-04 (it is "soon")`) {
		t.Errorf("error %v", err)
	}
}
