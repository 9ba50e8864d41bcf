package check

import (
	"fmt"

	"pactwright/app/answers"
	"pactwright/app/money"
	"pactwright/app/template"
)

// Lean is where a term sits against the market.
type Lean string

// The three positions, and balanced for a summary that leans neither way.
const (
	Typical         Lean = "typical"
	FavoursCustomer Lean = "favours the Customer"
	FavoursProvider Lean = "favours the Provider"
	Balanced        Lean = "balanced"
)

// Position is one term against its typical range.
type Position struct {
	Field string `json:"field"`
	Row   int    `json:"row,omitempty"` // service level rows: 1-based row of the table
	Label string `json:"label"`
	Value string `json:"value"` // as the PDF prints it
	Lean  Lean   `json:"lean"`
	Range string `json:"range"` // the typical range in words: "30 to 45 days"
}

// Sentence says it in a line: "Days to pay an invoice: 60 days favours the
// Customer (typical: 30 to 45 days)".
func (p Position) Sentence() string { return p.Label + ": " + p.Words() }

// Words is the sentence without the label, for beside the field: "60 days
// favours the Customer (typical: 30 to 45 days)", "30 days is typical (30
// to 45 days)".
func (p Position) Words() string {
	if p.Lean == Typical {
		return fmt.Sprintf("%s is typical (%s)", p.Value, p.Range)
	}
	return fmt.Sprintf("%s %s (typical: %s)", p.Value, p.Lean, p.Range)
}

// Tally counts the terms of a group, or of the whole agreement, by lean.
type Tally struct {
	ID       string `json:"id,omitempty"`
	Name     string `json:"name"`
	Typical  int    `json:"typical"`
	Customer int    `json:"favours_customer"`
	Provider int    `json:"favours_provider"`
}

func (t *Tally) add(l Lean) {
	switch l {
	case Typical:
		t.Typical++
	case FavoursCustomer:
		t.Customer++
	case FavoursProvider:
		t.Provider++
	}
}

// Lean is which way the counted terms lean overall.
func (t Tally) Lean() Lean {
	switch {
	case t.Customer > t.Provider:
		return FavoursCustomer
	case t.Provider > t.Customer:
		return FavoursProvider
	}
	return Balanced
}

// Summary says it in words: "3 typical, 1 favours the Customer: leans
// towards the Customer".
func (t Tally) Summary() string {
	s := fmt.Sprintf("%d typical, %d favour the Customer, %d favour the Provider", t.Typical, t.Customer, t.Provider)
	switch t.Lean() {
	case FavoursCustomer:
		return s + ": leans towards the Customer"
	case FavoursProvider:
		return s + ": leans towards the Provider"
	}
	return s + ": balanced"
}

// MarketReport is every term with a typical range, per group and in all.
type MarketReport struct {
	Terms  []Position `json:"terms"`
	Groups []Tally    `json:"groups"`
	Total  Tally      `json:"total"`
}

// Market places every answered term that has a typical range in the
// template (Field.Market, and each service level target against its
// measure's range). Terms that are hidden, blank or not numbers are left
// out: the checklist already speaks for them.
func Market(t *template.Template, a answers.Answers) MarketReport {
	r := MarketReport{Total: Tally{Name: "The whole agreement"}}
	for gi := range t.Groups {
		g := &t.Groups[gi]
		tally := Tally{ID: g.ID, Name: g.Name}
		for fi := range g.Fields {
			f := &g.Fields[fi]
			if (f.Market == nil && f.ID != "sla_metrics") || !t.Visible(f.ID, a) {
				continue // no range, or hidden: visibility is the costly part
			}
			var found []Position
			if f.ID == "sla_metrics" {
				found = targetPositions(f, a[f.ID], template.Quantity(a.Text("answer_time_seconds"), "seconds"))
			} else if p, ok := FieldPosition(f, a[f.ID]); ok {
				found = []Position{p}
			}
			for _, p := range found {
				tally.add(p.Lean)
				r.Total.add(p.Lean)
			}
			r.Terms = append(r.Terms, found...)
		}
		if tally.Typical+tally.Customer+tally.Provider > 0 {
			r.Groups = append(r.Groups, tally)
		}
	}
	return r
}

// FieldPosition places one field's value; ok is false when the field has
// no range or the value is not a number.
func FieldPosition(f *template.Field, v answers.Value) (Position, bool) {
	m := f.Market
	if m == nil || v.IsBlank() {
		return Position{}, false
	}
	value, err := money.Parse(v.Text)
	if err != nil {
		return Position{}, false
	}
	low, high := money.MustParse(m.Low), money.MustParse(m.High)
	unit := f.Unit
	if f.Kind == template.Duration {
		unit = m.Unit
		value = inUnit(value, v.Unit, m.Unit)
	}
	return Position{
		Field: f.ID, Label: f.Label, Value: f.Display(v),
		Lean:  lean(value, low, high, m.HigherFavours),
		Range: template.RangeWords(m.Low, m.High, unit, f.Kind == template.Percent),
	}, true
}

// inUnit converts a duration to the range's unit: years to months, and
// business days to calendar days at seven for every five.
func inUnit(v money.Decimal, from, to string) money.Decimal {
	switch {
	case from == "years" && to == "months":
		return v.MulInt(12)
	case from == "business days" && to == "days":
		return money.MustParse("140").PercentOf(v, 2) // 7/5 = 140%
	}
	return v
}

func lean(v, low, high money.Decimal, higherFavours string) Lean {
	var party string
	switch {
	case v.Cmp(high) > 0:
		party = higherFavours
	case v.Cmp(low) < 0:
		party = template.Other(higherFavours)
	default:
		return Typical
	}
	if party == template.Customer {
		return FavoursCustomer
	}
	return FavoursProvider
}

// targetPositions places each service level target against its measure's
// usual range: a stricter target than usual favours the Customer.
func targetPositions(f *template.Field, v answers.Value, answerTime string) []Position {
	var out []Position
	for i, row := range v.Rows {
		m, ok := template.MetricByID(row["metric"])
		target, err := money.Parse(row["target"])
		if !ok || err != nil {
			continue
		}
		// For a floor (at least), a higher target is stricter; for a
		// ceiling (at most), a lower one is.
		higher := template.Customer
		if m.LowerIsBetter() {
			higher = template.Provider
		}
		unit := row["unit"]
		out = append(out, Position{
			Field: f.ID, Row: i + 1, Label: m.Label,
			Value: m.Bound() + " " + template.Figure(m.ID, unit, row["target"], answerTime),
			Lean:  lean(target, money.MustParse(m.Low), money.MustParse(m.High), higher),
			Range: template.RangeWords(m.Low, m.High, unit, unit == "percent"),
		})
	}
	return out
}
