package template

import (
	"strings"
	"testing"

	"pactwright/app/answers"
)

func TestTemplateBuilds(t *testing.T) {
	tpl := CallCentre()
	want := []string{"Parties & Term", "Scope of Services", "Service Levels", "Pricing & Payment",
		"Confidentiality & Data Security", "Termination & Transition", "Dispute Resolution", "General Terms", "Signatures"}
	if len(tpl.Groups) != len(want) {
		t.Fatalf("got %d groups, want %d", len(tpl.Groups), len(want))
	}
	for i, g := range tpl.Groups {
		if g.Name != want[i] {
			t.Errorf("group %d is %q, want %q", i, g.Name, want[i])
		}
		if len(g.Elements) == 0 {
			t.Errorf("group %q has no checklist elements", g.Name)
		}
		for _, f := range g.Fields {
			if len(f.Help) < 20 {
				t.Errorf("field %s has too little help: %q", f.ID, f.Help)
			}
			if f.Label == "" {
				t.Errorf("field %s has no label", f.ID)
			}
		}
	}
}

func TestConditions(t *testing.T) {
	tpl := CallCentre()
	a := tpl.Defaults()
	cases := []struct {
		field  string
		change func(answers.Answers)
		want   bool
	}{
		{"pci_dss", func(a answers.Answers) {}, false},
		{"pci_dss", func(a answers.Answers) { a["card_payments"] = answers.Value{Text: "yes"} }, true},
		{"outbound_compliance", func(a answers.Answers) {}, false},
		{"outbound_compliance", func(a answers.Answers) {
			a["channels"] = answers.Value{Items: []string{"inbound_voice", "outbound_voice"}}
		}, true},
		{"arbitration_rules", func(a answers.Answers) {}, false},
		{"arbitration_rules", func(a answers.Answers) { a["final_forum"] = answers.Value{Text: "arbitration"} }, true},
		{"tupe", func(a answers.Answers) {}, true},
		// Staff transfer follows where the agents work, not the governing law.
		{"tupe", func(a answers.Answers) { a["governing_law"] = answers.Value{Text: "us_delaware"} }, true},
		{"tupe", func(a answers.Answers) { a["delivery_country"] = answers.Value{Text: "philippines"} }, false},
		{"tupe", func(a answers.Answers) {
			a["governing_law"] = answers.Value{Text: "us_new_york"}
			a["delivery_country"] = answers.Value{Text: "eu"}
		}, true},
		{"recording_consent", func(a answers.Answers) { a["call_recording"] = answers.Value{Text: "no"} }, false},
		// A chain: the interest rate depends on the basis being a monthly rate.
		{"late_interest_rate", func(a answers.Answers) { a["late_interest_basis"] = answers.Value{Text: "statutory"} }, false},
	}
	for _, c := range cases {
		a := a.Clone()
		c.change(a)
		if got := tpl.Visible(c.field, a); got != c.want {
			t.Errorf("Visible(%s) = %v, want %v", c.field, got, c.want)
		}
	}
}

func TestValidate(t *testing.T) {
	tpl := CallCentre()
	cases := []struct {
		field   string
		value   answers.Value
		wantErr string
	}{
		{"initial_term", answers.Value{Text: "36", Unit: "months"}, ""},
		{"initial_term", answers.Value{Text: "abc", Unit: "months"}, "not a whole number"},
		{"initial_term", answers.Value{Text: "-3", Unit: "months"}, "too small"},
		{"initial_term", answers.Value{Text: "5000", Unit: "months"}, "too large"},
		{"initial_term", answers.Value{Text: "3", Unit: "fortnights"}, "unit"},
		{"initial_term", answers.Value{Text: "10", Unit: "years"}, ""},
		{"initial_term", answers.Value{Text: "11", Unit: "years"}, "at most 120 months"},
		{"exit_period", answers.Value{Text: "24", Unit: "years"}, "at most 24 months"},
		{"exit_period", answers.Value{Text: "2", Unit: "years"}, ""},
		{"liability_cap_months", answers.Value{Text: "0"}, "at least 1 month of fees"},
		{"agents", answers.Value{Text: "2.5"}, "whole number, without decimals"},
		{"effective_date", answers.Value{Text: "2026-02-30"}, "30 February 2026 does not exist"},
		{"effective_date", answers.Value{Text: "2026-02-28"}, ""},
		{"rate", answers.Value{Text: "24.50", Unit: "GBP"}, ""},
		{"rate", answers.Value{Text: "-1", Unit: "GBP"}, "negative"},
		{"rate", answers.Value{Text: "12.345", Unit: "GBP"}, "two decimal places"},
		{"rate", answers.Value{Text: "12", Unit: "XYZ"}, "currency"},
		{"credit_cap", answers.Value{Text: "150"}, "between 0 and 100"},
		{"customer_contact_email", answers.Value{Text: "not an email"}, "email address"},
		{"customer_contact_email", answers.Value{Text: "ops@brightside.example"}, ""},
		{"renewal", answers.Value{Text: "sometimes"}, "not one of the choices"},
		{"channels", answers.Value{Items: []string{"pigeon"}}, "not one of the choices"},
		{"card_payments", answers.Value{Text: "maybe"}, "yes or no"},
		{"sla_metrics", answers.Value{Rows: []answers.Row{{"metric": "asa", "target": "thirty", "unit": "seconds", "window": "monthly", "credit": "2"}}}, "row 1: Target"},
		{"sla_metrics", answers.Value{Rows: []answers.Row{{"metric": "asa", "target": "30", "unit": "seconds", "window": "monthly", "credit": "2"}}}, ""},
		// A target in percent is a percentage, whichever column holds it.
		{"sla_metrics", answers.Value{Rows: []answers.Row{{"metric": "service_level", "target": "150", "unit": "percent", "window": "monthly", "credit": "2"}}}, "row 1: Target percentage 150 must be between 0 and 100"},
		{"sla_metrics", answers.Value{Rows: []answers.Row{{"metric": "service_level", "target": "80", "severe": "101", "unit": "percent", "window": "monthly", "credit": "2"}}}, "row 1: Critical: severe miss (material breach) percentage 101"},
		{"sla_metrics", answers.Value{Rows: []answers.Row{{"metric": "asa", "target": "150", "unit": "seconds", "window": "monthly", "credit": "2"}}}, ""},
	}
	for _, c := range cases {
		f, ok := tpl.Field(c.field)
		if !ok {
			t.Fatalf("no field %s", c.field)
		}
		err := f.Validate(c.value)
		switch {
		case c.wantErr == "" && err != nil:
			t.Errorf("%s %+v: unexpected error %v", c.field, c.value, err)
		case c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)):
			t.Errorf("%s %+v: error %v, want one containing %q", c.field, c.value, err, c.wantErr)
		}
	}
}

func TestQuantity(t *testing.T) {
	cases := map[[2]string]string{
		{"30", "days"}:            "30 days",
		{"1", "days"}:             "1 day",
		{"1", "business days"}:    "1 Business Day",
		{"1", "months of fees"}:   "1 month of fees",
		{"1", "× yearly fees"}:    "1 × yearly fee",
		{"12", ""}:                "12",
		{"1", "full-time agents"}: "1 full-time agent",
	}
	for in, want := range cases {
		if got := Quantity(in[0], in[1]); got != want {
			t.Errorf("Quantity(%q, %q) = %q, want %q", in[0], in[1], got, want)
		}
	}
}
