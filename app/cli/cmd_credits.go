package cli

import (
	"fmt"
	"os"
	"strings"

	"pactwright/app/agreement"
	"pactwright/app/credits"
	"pactwright/app/template"
)

func cmdCredits(e *env, args []string) error {
	fs := e.flags("credits")
	monthFile := fs.String("month", "", "CSV of the month's figures: columns metric,value (and month for several months)")
	asJSON := fs.Bool("json", false, "print the calculation as JSON")
	out := fs.String("o", "", "also write the one-page statement of the last month as PDF")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if *monthFile == "" {
		return usagef("--month FILE.csv is required: a CSV with the columns metric and value, one row per measure and a row %q", credits.ChargesKey)
	}
	d, err := e.loadDraft(pos[0])
	if err != nil {
		return err
	}
	f, err := os.Open(*monthFile)
	if err != nil {
		return fmt.Errorf("read figures: %w", err)
	}
	months, err := credits.ReadCSV(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", *monthFile, err)
	}
	eng, err := agreement.NewEngine(e.t)
	if err != nil {
		return err
	}
	res, parties, err := eng.Credits(d, months)
	if err != nil {
		return err
	}
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
		return e.printJSON(res)
	}
	printCredits(e, res)
	if *out != "" {
		fmt.Fprintf(e.stdout, "\nwrote the statement to %s\n", *out)
	}
	return nil
}

// printCredits writes each month as a small table, then the position.
func printCredits(e *env, res credits.Result) {
	w, r := e.stdout, res.Rules
	money := func(s fmt.Stringer) string { return template.Amount(s.String(), r.Currency) }
	for i, m := range res.Months {
		if i > 0 {
			fmt.Fprintln(w)
		}
		name := m.Period
		if name == "" {
			name = "The month"
		}
		fmt.Fprintf(w, "%s: charges %s\n", name, money(m.Charges))
		for _, l := range m.Lines {
			result, credit := "not reported", ""
			if l.Reported {
				result = "met"
				if !l.Met {
					result = "MISSED"
					if r.Credits {
						credit = money(l.Credit)
					}
				}
				if l.SevereMiss {
					result = "MISSED, worse than " + l.SevereText + " (material breach)"
				}
			}
			fmt.Fprintf(w, "  %-40s %-32s %-14s %-10s %s\n", l.Label, l.TargetText, l.MeasuredText, result, credit)
		}
		if !r.Credits {
			fmt.Fprintf(w, "  No service credits in this agreement (%s).\n", r.Clause(credits.KeyServiceCredits))
		} else {
			capped := ""
			if m.Capped {
				capped = fmt.Sprintf(", capped at %s%% (%s): %s", r.Cap, money(m.CapAmount), money(m.Due))
			}
			fmt.Fprintf(w, "  Credits %s%s", money(m.Credits), capped)
			if m.EarnedBack.Sign() > 0 {
				fmt.Fprintf(w, "; earned back %s", money(m.EarnedBack))
			}
			fmt.Fprintf(w, "; deduct %s from the next invoice (%s)\n", money(m.Payable), r.Clause(credits.KeyServiceCredits))
			if len(m.ChronicFailure) > 0 {
				fmt.Fprintf(w, "  CHRONIC FAILURE (%s): %s\n", r.Clause(credits.KeyChronic), strings.Join(m.ChronicFailure, "; "))
			}
		}
		if len(m.MaterialBreach) > 0 {
			fmt.Fprintf(w, "  MATERIAL BREACH (%s): %s worse than the severe-miss level\n", r.Clause(credits.KeySevere), strings.Join(m.MaterialBreach, ", "))
		}
	}
}
