package draft

import (
	"pactwright/app/answers"
	"pactwright/app/template"
)

// Example returns a complete, realistic agreement: a UK online retailer
// outsourcing its customer service. It starts from the defaults, so it stays
// complete when fields with defaults are added to the template.
func Example(t *template.Template) Draft {
	a := t.Defaults()
	set := func(id, text string) { a[id] = answers.Value{Text: text} }
	set("customer_name", exampleCustomer)
	set("customer_incorporated", "England and Wales")
	set("customer_address", "14 Canal Street\nManchester M1 3HE\nUnited Kingdom")
	set("customer_company_number", "09876543")
	set("customer_contact_name", "Priya Shah, Head of Customer Service")
	set("customer_contact_email", "contracts@brightsidehome.example")
	set("provider_name", exampleProvider)
	set("provider_incorporated", "Scotland")
	set("provider_address", "Unit 5, Clyde Gateway Business Park\nGlasgow G40 4DA\nUnited Kingdom")
	set("provider_company_number", "SC612345")
	set("provider_contact_name", "Tom Reid, Account Director")
	set("provider_contact_email", "legal@northpointcontact.example")
	set("customer_country", "uk")
	set("effective_date", "2027-01-04")
	set("delivery_sites", "the Provider's contact centre at Clyde Gateway, Glasgow, with a standby site in Paisley")
	a["channels"] = answers.Value{Items: []string{"inbound_voice", "email", "chat"}}
	set("approved_subprocessors", "Talkwise Ltd: cloud telephony and call recording, hosted in the United Kingdom. CaseDesk Ltd: customer contact records (CRM), hosted in the United Kingdom.")
	set("customer_signatory_name", "Daniel Okafor")
	set("customer_signatory_title", "Managing Director")
	set("provider_signatory_name", "Fiona MacLeod")
	set("provider_signatory_title", "Chief Executive")
	return Draft{Title: "Brightside customer service outsourcing", Answers: a}
}

// The worked example's parties: a draft that still names either is the
// example, not yet someone's own agreement.
const (
	exampleCustomer = "Brightside Home Goods Ltd"
	exampleProvider = "Northpoint Contact Solutions Ltd"
)

// IsExample reports whether answers still name the worked example's
// parties: its terms are then the example's, which nobody agreed, and
// the window says so until the user makes the parties their own.
func IsExample(a answers.Answers) bool {
	return a.Text("customer_name") == exampleCustomer || a.Text("provider_name") == exampleProvider
}
