package template

// Market is the range a term usually takes in call centre agreements, kept
// beside the field so the form, the command line and the tests read one
// table. Low and High are in Unit (for a duration: the unit of the range,
// "days" or "months"; otherwise the field's own unit). A value above High
// favours HigherFavours; below Low, the other party.
type Market struct {
	Low           string `json:"low"`
	High          string `json:"high"`
	Unit          string `json:"unit,omitempty"`
	HigherFavours string `json:"higher_favours"` // Customer or Provider
}

// Parties a term can favour.
const (
	Customer = "Customer"
	Provider = "Provider"
)

// market records the typical range of a number, percent or duration field.
func (f Field) market(low, high, higherFavours string) Field {
	m := &Market{Low: low, High: high, HigherFavours: higherFavours}
	if f.Kind == Duration && len(f.Units) > 0 {
		m.Unit = f.Units[0]
	}
	f.Market = m
	return f
}

// Other is the party a term does not favour.
func Other(party string) string {
	if party == Customer {
		return Provider
	}
	return Customer
}

// RangeWords writes a range as the form shows it: "30 to 45 days",
// "1% to 1.5%", "12 months" when both ends agree.
func RangeWords(low, high, unit string, percent bool) string {
	one := func(n string) string {
		if percent {
			return Percentage(n)
		}
		return Quantity(n, unit)
	}
	if low == high {
		return one(high)
	}
	if percent {
		return Percentage(low) + " to " + Percentage(high)
	}
	return Grouped(low) + " to " + Quantity(high, unit)
}
