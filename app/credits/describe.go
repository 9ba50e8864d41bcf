package credits

import (
	"fmt"
	"strings"

	"pactwright/app/template"
)

// Result says in a few words how a measure did: what the command line and
// the window show beside each measure.
func (l Line) Result() string {
	switch {
	case !l.Reported:
		return "not reported"
	case l.SevereMiss:
		return "MISSED, worse than " + l.SevereText + " (material breach)"
	case !l.Met:
		return "MISSED"
	}
	return "met"
}

// Amount writes money in the agreement's currency: "£2,100.00".
func (r Rules) Amount(d fmt.Stringer) string { return template.Amount(d.String(), r.Currency) }

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
