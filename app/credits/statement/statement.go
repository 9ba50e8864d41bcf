// Package statement lays out the one-page service-credit statement a
// Customer sends the Provider. It is apart from app/credits so that the
// calculator itself carries no PDF layout and the window can use it.
package statement

import (
	"fmt"
	"strings"
	"time"

	"pactwright/app/credits"
	"pactwright/app/template"
	"pactwright/render"
)

// Document lays out a one-page statement of the last month's credits, for
// the Customer to send to the Provider. It quotes the clause and schedule
// numbers the agreement prints.
func Document(res credits.Result, p credits.Parties, creator string) render.Document {
	r, m := res.Rules, res.Last()
	period := "the month"
	if m.Period != "" {
		period = m.Period
		// "2027-03" reads as "March 2027" in a letter to the Provider.
		if t, err := time.Parse("2006-01", m.Period); err == nil {
			period = t.Format("January 2006")
		}
	}
	rows := [][]string{}
	for _, l := range m.Lines {
		measured, result, credit := "not reported", "no figure", "–"
		if l.Reported {
			measured, result = l.MeasuredText, "met"
			if !l.Met {
				result = "missed"
				if l.SevereMiss {
					result = "missed: worse than " + l.SevereText
				}
			}
			if r.Credits && !l.Met {
				credit = l.Credit.Grouped(2) + " (" + template.Percentage(l.Measure.Credit.String()) + ")"
			}
		}
		rows = append(rows, []string{l.Label, l.TargetText, measured, result, credit})
	}
	blocks := []render.Block{
		{Kind: render.Paragraph, Text: fmt.Sprintf("From %s (the Customer) to %s (the Provider), under the agreement %q (document %s). Figures for %s as reported by the Provider, judged against the service levels in %s.",
			p.Customer, p.Provider, p.Title, p.DocumentID, period, r.Clause(credits.KeySchedule))},
		{Kind: render.TableBlock, Table: &render.Table{
			Columns: []string{"Measure", "Target", "Measured", "Result", "Credit (" + r.Currency + ")"},
			Widths:  []float64{2.4, 2, 1.5, 1.6, 1.5},
			Rows:    rows,
		}},
		{Kind: render.Subheading, Text: "Service credits"},
		{Kind: render.Paragraph, Text: creditsText(r, m)},
	}
	if r.Credits {
		blocks = append(blocks, render.Block{Kind: render.Subheading, Text: "Chronic failure"},
			render.Block{Kind: render.Paragraph, Text: chronicText(r, m)})
	}
	breach := "No measure was worse than its severe-miss level."
	if len(m.MaterialBreach) > 0 {
		breach = fmt.Sprintf("%s worse than the severe-miss level in %s: under %s that is a material breach, and the Customer may end the agreement without waiting for a cure period.",
			template.JoinAnd(m.MaterialBreach), r.Clause(credits.KeySchedule), r.Clause(credits.KeySevere))
	}
	blocks = append(blocks, render.Block{Kind: render.Subheading, Text: "Material breach"}, render.Block{Kind: render.Paragraph, Text: breach},
		render.Block{Kind: render.Paragraph, Text: fmt.Sprintf("This statement assumes no relief event under %s applied in the month. Please confirm the credit on your next invoice.", r.Clause(credits.KeyRelief))})
	return render.Document{
		Title:    "Service credit statement",
		Subtitle: p.Title + ", " + period,
		ID:       p.DocumentID,
		Parties:  []string{p.Customer, p.Provider},
		Creator:  creator,
		Letter:   true,
		Sections: []render.Section{{Key: "credit_statement", Heading: "Service credit statement for " + period, Blocks: blocks}},
	}
}

func creditsText(r credits.Rules, m credits.MonthResult) string {
	if !r.Credits {
		return fmt.Sprintf("The agreement has no service credits (%s), so none are due; missed service levels go to the governance process.", r.Clause(credits.KeyServiceCredits))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Charges for the month: %s. Credits for the missed service levels: %s.", r.Amount(m.Charges), r.Amount(m.Credits))
	if m.Capped {
		fmt.Fprintf(&b, " %s caps the credits in a month at %s of that month's Charges, %s, so %s is due.", template.Capitalise(r.Clause(credits.KeyServiceCredits)), template.Percentage(r.Cap.String()), r.Amount(m.CapAmount), r.Amount(m.Due))
	} else {
		fmt.Fprintf(&b, " This is within the cap of %s of the month's Charges (%s) in %s.", template.Percentage(r.Cap.String()), r.Amount(m.CapAmount), r.Clause(credits.KeyServiceCredits))
	}
	if r.EarnBack && m.EarnedBack.Sign() > 0 {
		fmt.Fprintf(&b, " The Provider earns back %s of earlier credits by meeting those service levels in each of the following %d months.", r.Amount(m.EarnedBack), credits.EarnBackMonths)
	}
	fmt.Fprintf(&b, " So %s.", r.InvoiceEffect(m))
	return b.String()
}

func chronicText(r credits.Rules, m credits.MonthResult) string {
	if len(m.ChronicFailure) > 0 {
		return fmt.Sprintf("Chronic failure has occurred under %s: %s.", r.Clause(credits.KeyChronic), strings.Join(m.ChronicFailure, "; "))
	}
	var counts []string
	for _, l := range m.Lines {
		if l.Critical {
			counts = append(counts, fmt.Sprintf("%s missed in %d", l.Label, l.MissesInWindow))
		}
	}
	s := fmt.Sprintf("No chronic failure under %s, which needs a critical measure missed in %d of any %d consecutive months, or credits over those months of at least %s of their Charges.",
		r.Clause(credits.KeyChronic), r.ChronicMonths, r.ChronicWindow, template.Percentage(r.ChronicShare.String()))
	if len(counts) > 0 {
		s += fmt.Sprintf(" In the %s given within the last %d: %s.", template.Count(m.WindowMonths, "months of figures"), r.ChronicWindow, template.JoinAnd(counts))
	}
	return s
}
