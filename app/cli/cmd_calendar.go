package cli

import (
	"fmt"
	"time"

	"pactwright/app/agreement"
	"pactwright/app/calendar"
)

func cmdCalendar(e *env, args []string) error {
	fs := e.flags("calendar")
	out := fs.String("o", "", "write the calendar as an .ics file (Outlook, Google Calendar, Apple Calendar)")
	asJSON := fs.Bool("json", false, "print the dated list as JSON")
	renewals := fs.Int("renewals", calendar.DefaultRenewals, "how many renewals to list after the initial term")
	notice := fs.String("notice-given", "", "the day (YYYY-MM-DD) notice to end without a reason was given: list the end date and the exit milestones")
	opt := calendar.Options{}
	// The dates follow the terms in force today or, once notice has been
	// given, on the day it was given.
	terms, err := e.termsArg(fs, args, func() (time.Time, error) {
		if !opt.NoticeGiven.IsZero() {
			return opt.NoticeGiven, nil
		}
		return time.Now(), nil
	}, func() error {
		opt.Renewals = *renewals
		if *renewals < 0 || *renewals > calendar.MaxRenewals {
			return usagef("--renewals must be from 0 to %d", calendar.MaxRenewals)
		}
		if *notice != "" {
			var err error
			if opt.NoticeGiven, err = time.Parse("2006-01-02", *notice); err != nil {
				return usagef("--notice-given %q is not a date written YYYY-MM-DD", *notice)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	d := terms.Draft
	eng, err := agreement.NewEngine(e.t)
	if err != nil {
		return err
	}
	events, ics, err := eng.Calendar(d, opt, time.Now())
	if err != nil {
		return err
	}
	if *out != "" {
		if err := writeFile(*out, ics); err != nil {
			return err
		}
	}
	if *asJSON {
		return e.printJSON(events)
	}
	if *out != "" {
		fmt.Fprintf(e.stdout, "wrote %d dates to %s, on %s\n", len(events), *out, terms.Basis)
		return nil
	}
	fmt.Fprintf(e.stdout, "On %s.\n", terms.Basis)
	for _, ev := range events {
		mark := " "
		if ev.Deadline {
			mark = "!"
		}
		fmt.Fprintf(e.stdout, "%s %s  %s (%s)\n", ev.Date.Format("Mon 02 Jan 2006"), mark, ev.Title, ev.Clause)
	}
	return nil
}
