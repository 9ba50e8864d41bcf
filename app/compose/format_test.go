package compose

import (
	"strings"
	"testing"

	"pactwright/app/draft"

	"pactwright/app/answers"
	"pactwright/app/template"
)

func TestFormatValue(t *testing.T) {
	tpl := template.CallCentre()
	f := newFormatter(tpl, answers.Answers{
		"initial_term":       {Text: "1", Unit: "years"},
		"rate":               {Text: "1250", Unit: "GBP"},
		"insurance_cyber":    {Text: "2000000", Unit: "CAD"},
		"effective_date":     {Text: "2027-01-04"},
		"channels":           {Items: []string{"inbound_voice", "email", "chat"}},
		"pricing_model":      {Text: "per_agent_hour"},
		"certifications":     {Items: []string{"iso27001"}},
		"credit_cap":         {Text: "12.5"},
		"agents":             {Text: "many"},
		"payment_days":       {Text: "30"},
		"mediation_provider": {Text: "cedr"},
	})
	cases := []struct{ got, want string }{
		{f.value("initial_term"), "1 year"},
		{f.value("rate"), "£1,250.00"},
		{f.value("insurance_cyber"), "CAD 2,000,000"},
		{f.value("effective_date"), "4 January 2027"},
		{f.valueLower("channels"), "inbound phone calls, email and web chat"},
		{f.valueLowerOr("channels"), "inbound phone calls, email or web chat"},
		{f.valueLower("pricing_model"), "per agent hour worked"},
		{f.valueLower("certifications"), "ISO/IEC 27001 certification (information security)"},
		{f.value("credit_cap"), "12.5%"},
		{f.value("payment_days"), "30 days"},
		{f.number("payment_days"), "30"},
		{f.count("payment_days", "days"), "30 days"},
		{f.value("agents"), `[to be completed: Number of agents, "many" is not a whole number]`},
		{f.value("customer_name"), "[to be completed: Customer: legal name]"},
		{f.value("no_such_field"), "[to be completed: no_such_field, unknown field]"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestHiddenAnswersNeverReachTheWording(t *testing.T) {
	tpl := template.CallCentre()
	c, err := New(tpl)
	if err != nil {
		t.Fatal(err)
	}
	a := tpl.Defaults()
	// PCI answers are kept while card payments are off, but must not print.
	a["card_payments"] = answers.Value{Text: answers.No}
	a["pci_dss"] = answers.Value{Text: answers.Yes}
	doc, err := c.Document(draftOf(a))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range doc.Sections {
		for _, b := range s.Blocks {
			if strings.Contains(b.Text, "PCI DSS") {
				t.Errorf("card payment wording printed while card payments are off: %q", b.Text)
			}
		}
	}
}

func draftOf(a answers.Answers) draft.Draft { return draft.Draft{Title: "t", Answers: a} }
