package cli

import (
	"fmt"
	"os"
	"time"

	"pactwright/app/agreement"
	"pactwright/app/credits"
	"pactwright/app/usecase"
)

func cmdCredits(e *env, args []string) error {
	fs := e.flags("credits")
	monthFile := fs.String("month", "", "CSV of the month's figures: columns metric,value (and month for several months)")
	asJSON := fs.Bool("json", false, "print the calculation as JSON")
	out := fs.String("o", "", "also write the one-page statement of the last month as PDF")
	var months []credits.Month
	// The figures are read first: the month they are for decides which
	// signed terms judge them.
	terms, err := e.termsArg(fs, args, func() (time.Time, error) {
		return usecase.CreditsDay(months, time.Now()), nil
	}, func() error {
		if *monthFile == "" {
			return usagef("--month FILE.csv is required: a CSV with the columns metric and value, one row per measure and a row %q", credits.ChargesKey)
		}
		f, err := os.Open(*monthFile)
		if err != nil {
			return fmt.Errorf("read figures: %w", err)
		}
		defer f.Close()
		if months, err = credits.ReadCSV(f); err != nil {
			return fmt.Errorf("%s: %w", *monthFile, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	eng, err := agreement.NewEngine(e.t)
	if err != nil {
		return err
	}
	done, err := (&usecase.Service{Engine: eng}).CreditsOn(terms, months)
	if err != nil {
		return err
	}
	res, parties := done.Result, done.Parties
	if *out != "" {
		pdf, err := eng.CreditStatementPDF(res, parties)
		if err != nil {
			return err
		}
		if err := writeFile(*out, pdf); err != nil {
			return err
		}
	}
	if *asJSON {
		return e.printJSON(struct {
			credits.Result
			Terms  string `json:"terms"`
			Agreed bool   `json:"agreed"`
		}{res, terms.Basis, terms.Agreed})
	}
	fmt.Fprintf(e.stdout, "On %s.\n\n", terms.Basis)
	printCredits(e, res)
	if *out != "" {
		fmt.Fprintf(e.stdout, "\nwrote the statement to %s\n", *out)
	}
	return nil
}

// printCredits writes each month as a small table, then its position.
func printCredits(e *env, res credits.Result) {
	w, r := e.stdout, res.Rules
	for i, m := range res.Months {
		if i > 0 {
			fmt.Fprintln(w)
		}
		name := m.Period
		if name == "" {
			name = "The month"
		}
		fmt.Fprintf(w, "%s: charges %s\n", name, r.Amount(m.Charges))
		for _, l := range m.Lines {
			credit := ""
			if l.Credit.Sign() > 0 {
				credit = r.Amount(l.Credit)
			}
			fmt.Fprintf(w, "  %-38s %-31s %-11s %-11s %s\n", l.Label, l.TargetText, l.MeasuredText, credit, r.Result(l))
		}
		for _, line := range r.Summary(m) {
			fmt.Fprintf(w, "  %s\n", line)
		}
	}
}
