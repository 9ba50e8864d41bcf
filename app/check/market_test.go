package check

import (
	"strings"
	"testing"

	"pactwright/app/answers"
	"pactwright/app/template"
)

func marketOf(t *testing.T, set map[string]answers.Value) MarketReport {
	t.Helper()
	tpl := template.CallCentre()
	a := tpl.Defaults()
	for k, v := range set {
		a[k] = v
	}
	return Market(tpl, a)
}

func position(t *testing.T, r MarketReport, field string) Position {
	t.Helper()
	for _, p := range r.Terms {
		if p.Field == field {
			return p
		}
	}
	t.Fatalf("no market position for %s", field)
	return Position{}
}

func TestDefaultsAreTypical(t *testing.T) {
	r := marketOf(t, nil)
	for _, p := range r.Terms {
		if p.Lean != Typical {
			t.Errorf("the default %s", p.Sentence())
		}
	}
	if r.Total.Lean() != Balanced || r.Total.Typical < 20 {
		t.Errorf("defaults: %s", r.Total.Summary())
	}
}

func TestTermsLeanAsTheMarketSays(t *testing.T) {
	r := marketOf(t, map[string]answers.Value{
		"payment_days":         {Text: "60"},
		"credit_cap":           {Text: "5"},
		"liability_cap_months": {Text: "6"},
		"initial_term":         {Text: "6", Unit: "years"},           // 72 months
		"convenience_notice":   {Text: "130", Unit: "business days"}, // 182 days
		"non_renewal_notice":   {Text: "60", Unit: "business days"},  // 84 days: typical
		"sla_metrics":          {Rows: []answers.Row{{"metric": "service_level", "target": "95", "unit": "percent"}, {"metric": "abandonment", "target": "12", "unit": "percent"}, {"metric": "asa", "target": "30", "unit": "seconds"}}},
	})
	for field, want := range map[string]string{
		"payment_days":         "Days to pay an invoice: 60 days favours the Customer (typical: 30 to 45 days)",
		"credit_cap":           "Most credits in one month: 5% favours the Provider (typical: 10% to 15%)",
		"liability_cap_months": "favours the Provider (typical: 12 to 24 months of fees)",
		"initial_term":         "Initial term: 6 years favours the Provider (typical: 12 to 60 months)",
		"convenience_notice":   "130 Business Days favours the Provider (typical: 90 to 180 days)",
		"non_renewal_notice":   "Notice to stop renewal: 60 Business Days is typical (30 to 90 days)",
	} {
		if got := position(t, r, field).Sentence(); !strings.Contains(got, want) {
			t.Errorf("%s: %q, want %q", field, got, want)
		}
	}
	var sla []string
	for _, p := range r.Terms {
		if p.Field == "sla_metrics" {
			sla = append(sla, p.Sentence())
		}
	}
	want := []string{
		"Calls answered within the answer time: at least 95% within 20 seconds is typical (70% to 95%)",
		"Abandoned calls: at most 12% favours the Provider (typical: 2% to 10%)",
		"Average speed of answer: at most 30 seconds is typical (10 to 60 seconds)",
	}
	if strings.Join(sla, "\n") != strings.Join(want, "\n") {
		t.Errorf("service levels:\n%s\nwant:\n%s", strings.Join(sla, "\n"), strings.Join(want, "\n"))
	}
	for _, g := range r.Groups {
		switch g.ID {
		case "pricing":
			if g.Lean() != FavoursCustomer {
				t.Errorf("pricing: %s", g.Summary())
			}
		case "termination", "general", "service_levels":
			if g.Lean() != FavoursProvider {
				t.Errorf("%s: %s", g.ID, g.Summary())
			}
		}
	}
	if r.Total.Lean() != FavoursProvider || !strings.HasSuffix(r.Total.Summary(), "leans towards the Provider") {
		t.Errorf("whole agreement: %s", r.Total.Summary())
	}
}

func TestHiddenAndBadValuesAreLeftOut(t *testing.T) {
	r := marketOf(t, map[string]answers.Value{"service_credits": {Text: "no"}, "payment_days": {Text: "soon"}})
	for _, p := range r.Terms {
		if p.Field == "credit_cap" || p.Field == "payment_days" {
			t.Errorf("placed %s", p.Sentence())
		}
	}
}

// TestEveryRangeReads: every range in the template parses, runs low to
// high, names who a higher value favours, and suits its field's kind.
func TestEveryRangeReads(t *testing.T) {
	n := 0
	for _, g := range template.CallCentre().Groups {
		for _, f := range g.Fields {
			m := f.Market
			if m == nil {
				continue
			}
			n++
			lo, hi := f, f
			lo.Default, hi.Default = answers.Value{Text: m.Low, Unit: m.Unit}, answers.Value{Text: m.High, Unit: m.Unit}
			pl, ok1 := FieldPosition(&lo, lo.Default)
			ph, ok2 := FieldPosition(&hi, hi.Default)
			if !ok1 || !ok2 || pl.Lean != Typical || ph.Lean != Typical {
				t.Errorf("%s: the ends of its own range %s–%s are not typical", f.ID, m.Low, m.High)
			}
			if m.HigherFavours != template.Customer && m.HigherFavours != template.Provider {
				t.Errorf("%s: higher favours %q", f.ID, m.HigherFavours)
			}
			if f.Kind != template.Number && f.Kind != template.Percent && f.Kind != template.Duration {
				t.Errorf("%s: a range on a %s field", f.ID, f.Kind)
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d fields have a range", n)
	}
}

// BenchmarkMarket is the cost the market lines add to every keystroke.
func BenchmarkMarket(b *testing.B) {
	tpl := template.CallCentre()
	a := tpl.Defaults()
	for b.Loop() {
		Market(tpl, a)
	}
}
