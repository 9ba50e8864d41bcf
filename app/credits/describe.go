package credits

import (
	"fmt"
	"strings"

	"pactwright/app/money"
	"pactwright/app/template"
)

// Result says in a few words how a measure did: what the command line and
// the window show beside each measure. A missed critical measure says how
// it counts towards chronic failure.
func (r Rules) Result(l Line) string {
	switch {
	case !l.Reported:
		return "not reported"
	case l.Met:
		return "met"
	}
	s := "MISSED"
	if l.SevereMiss {
		s += ", worse than " + l.SevereText + " (material breach)"
	}
	if l.Critical && r.Credits {
		s += fmt.Sprintf(", counts towards chronic failure (%d of %d in the last %d months)", l.MissesInWindow, r.ChronicMonths, r.ChronicWindow)
	}
	return s
}

// Amount writes money in the agreement's currency, to the penny: "£2,100.00".
func (r Rules) Amount(d money.Decimal) string {
	return template.Amount(d.Round(pennies).String(), r.Currency)
}

// Summary is the month's position in short lines: the credits after the
// cap and earn-back, chronic failure and material breach, each with the
// clause it comes from.
func (r Rules) Summary(m MonthResult) []string {
	var lines []string
	if !r.Credits {
		lines = append(lines, fmt.Sprintf("No service credits in this agreement (%s).", r.Clause(KeyServiceCredits)))
	} else {
		s := "Credits " + r.Amount(m.Credits)
		if m.Capped {
			s += fmt.Sprintf(", capped at %s of the charges: %s", template.Percentage(r.Cap.String()), r.Amount(m.Due))
		}
		if m.EarnedBack.Sign() > 0 {
			s += "; earned back " + r.Amount(m.EarnedBack)
		}
		lines = append(lines, s+"; "+r.InvoiceEffect(m)+" ("+r.Clause(KeyServiceCredits)+").")
		if len(m.ChronicFailure) > 0 {
			lines = append(lines, fmt.Sprintf("CHRONIC FAILURE (%s): %s.", r.Clause(KeyChronic), strings.Join(m.ChronicFailure, "; ")))
		}
	}
	if len(m.NotInAgreement) > 0 {
		lines = append(lines, fmt.Sprintf("Not used: the figures give %s, which this agreement does not measure.", template.JoinAnd(m.NotInAgreement)))
	}
	if len(m.MaterialBreach) > 0 {
		lines = append(lines, fmt.Sprintf("MATERIAL BREACH (%s): %s worse than the severe-miss level.", r.Clause(KeySevere), template.JoinAnd(m.MaterialBreach)))
	}
	return lines
}

// InvoiceEffect says what the month does to the next invoice: "deduct
// £3,780.00 from the next invoice", or, when earn-back exceeds the month's
// credits, "add £2,100.00 to the next invoice".
func (r Rules) InvoiceEffect(m MonthResult) string {
	if m.Payable.Sign() < 0 {
		return "add " + r.Amount(zeroMoney.Sub(m.Payable)) + " to the next invoice"
	}
	return "deduct " + r.Amount(m.Payable) + " from the next invoice"
}
