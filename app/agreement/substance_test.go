package agreement

import (
	"strings"
	"testing"

	"pactwright/app/answers"
	"pactwright/app/check"
	"pactwright/app/draft"
	"pactwright/app/template"
	"pactwright/app/variants"
)

// placeDraft is the worked example moved to another law and place (see
// variants.Place).
func placeDraft(tpl *template.Template, currency string, set map[string]string) draft.Draft {
	return variants.Place(tpl, currency, set)
}

func usDraft(tpl *template.Template) draft.Draft {
	return placeDraft(tpl, "USD", map[string]string{
		"governing_law": "us_new_york", "customer_country": "us", "delivery_country": "us", "customer_entity": "llc", "customer_incorporated": "Delaware",
		"provider_entity": "corporation", "provider_incorporated": "New York", "provider_address": "1 Liberty Plaza\nNew York, NY 10006\nUSA", "time_zone": "US Eastern Time (ET)",
		"final_forum": "arbitration", "arbitration_rules": "aaa", "arbitration_seat": "New York", "arbitration_country": "us",
		"mediation_provider": "aaa", "late_interest_basis": "monthly_rate", "late_interest_rate": "1",
	})
}

func offshoreDraft(tpl *template.Template) draft.Draft {
	d := placeDraft(tpl, "GBP", map[string]string{
		"customer_entity": "sole_trader", "delivery_country": "philippines", "offshore": "allowed",
		"data_location": "with_safeguards", "delivery_sites": "the Provider's contact centre in Makati City, Metro Manila",
		"process_agent": "Harbour Process Agents Ltd, 1 King Street, London",
	})
	delete(d.Answers, "customer_incorporated")
	delete(d.Answers, "customer_company_number")
	return d
}

// renderText renders a draft that must be complete and returns its text.
func renderText(t *testing.T, e *Engine, d draft.Draft) string {
	t.Helper()
	if r := check.Check(e.Template(), d.Answers); !r.Complete() {
		t.Fatalf("%s is incomplete: %v", d.Title, r.Problems())
	}
	pdf, _, err := e.RenderPDF(d)
	if err != nil {
		t.Fatal(err)
	}
	return pdfText(t, pdf)
}

func assertWording(t *testing.T, name, text string, must, mustNot []string) {
	t.Helper()
	for _, w := range must {
		if !strings.Contains(text, w) {
			t.Errorf("%s draft lacks %q", name, w)
		}
	}
	for _, w := range mustNot {
		if i := strings.Index(text, w); i >= 0 {
			t.Errorf("%s draft must not say %q: …%s…", name, w, text[max(0, i-80):min(len(text), i+80)])
		}
	}
}

// Terms that must read the same wherever the parties are.
var remedyWording = []string{
	// Service levels with teeth.
	"Cases resolved within at most 48 hours", "How each measure is worked out",
	"Abandoned calls: calls ended by the caller before an agent answered", "Left out: calls ended within the short-abandon time",
	"misses the same critical Service Level (one with a severe-miss level in Schedule 1) in 3 of those months, or the Service Credits for those 6 months together are at least 5% of the total Charges for those 6 months",
	"worse than the severe-miss level shown for it in Schedule 1, that is a material breach", "set off against any sum the Customer owes",
	// Exit that survives.
	"after this agreement ends for any reason, including expiry and termination by either party for breach, insolvency or chronic failure",
	"The Customer chooses, by written notice given before exit assistance ends, whether Customer Data is returned", "only once the return has been accepted",
	"exit assistance, hand-back", "the Customer and any new provider may offer employment to the agents",
	// Liability from day one.
	"The Provider's general limit is the greater of", "the average monthly Charges paid and payable up to the event",
	"for all claims arising from events in the same contract year",
	"a separate limit applies instead of the general limit (and amounts paid under it do not use up the general limit)", "2 times that party's general limit, for all such claims arising from events in the same contract year",
	"are limited to a further amount equal to the data protection limit", "A loss the indemnities cover counts first against the indemnity limit", "whichever applies to the claim; no amount is recovered twice",
	"the reasonable extra cost of obtaining replacement services", "the Provider's deliberate abandonment of the Services",
	"No limit in this agreement applies to the Customer's duty to pay the Charges properly due", "the Customer's general limit is the reference Charges",
	"will not settle or admit anything on its behalf without its written consent",
	"fines and penalties imposed by a regulator",
	// IP.
	"by way of present assignment of future rights", "including by any new provider acting for the Customer",
	`"Deliverables" means`,
}

func TestUKDraftWording(t *testing.T) {
	e := engine(t)
	d := draft.Example(e.Template())
	d.Answers["additional_terms"] = answers.Value{Text: "The Provider will send a named team leader to the Customer's office once a quarter."}
	d.Answers["additional_terms_priority"] = answers.Value{Text: "prevail"}
	text := renderText(t, e, d)
	assertWording(t, "UK", text, append([]string{
		"enters administration or liquidation", "exclude value added tax", "public liability insurance of at least £5,000,000",
		"employer's liability insurance of at least", "Transfer of Undertakings (Protection of Employment) Regulations 2006 (TUPE)",
		"will be in the United Kingdom, where", "may apply both when the Services start and when they end", "If the employment of any person who worked for the Customer", "Staff transfer on exit", "(the \"staff list\")",
		"after 5 pm (local time in the place where it is received)", "£250,000",
		"Additional terms", "Where the additional terms above, under this heading, conflict with any other part of this agreement, the additional terms prevail.",
		"the UK GDPR and the Data Protection Act 2018", "tell the Customer at once if, in its opinion, an instruction infringes",
		"remain fully liable to the Customer for each sub-processor", "data protection impact assessments",
		"(h) make available to the Customer all information necessary", "after the later of the end of the exit assistance period",
		"Contracts (Rights of Third Parties) Act 1999", "the Bribery Act 2010", "Modern Slavery Act 2015",
		"only to the extent section 233B of the Insolvency Act 1986 allows", "Only in the United Kingdom",
	}, remedyWording...), []string{
		"bankruptcy", "sales, use", "workers' compensation", "commercial general liability", "trial by jury", "judgment on the award",
		"International Data Transfer Agreement", "California", "withhold tax", "this clause prevails", "named in its proposal",
		"gross negligence", "Foreign Corrupt Practices",
	})
	// The priority sentence follows the terms it speaks of.
	if strings.Index(text, "the additional terms prevail") < strings.Index(text, "once a quarter") {
		t.Error("the additional terms' priority is stated before the terms themselves")
	}
}

func TestUSDraftWording(t *testing.T) {
	e := engine(t)
	text := renderText(t, e, usDraft(e.Template()))
	assertWording(t, "US (New York, AAA arbitration)", text, append([]string{
		"petition in bankruptcy", "assignment for the benefit of its creditors", "to the extent the law allows the agreement to end",
		"exclude sales, use and similar taxes", "commercial general liability insurance, naming the Customer as an additional insured, of at least US$5,000,000",
		"errors and omissions (professional liability) insurance", "cyber and privacy liability insurance",
		"workers' compensation insurance as required by the law of each state",
		"judgment on the award may be entered in any court having jurisdiction", "gives up any right to a trial by jury",
		"after 5 pm (local time in the place where it is received)", "gross negligence or willful misconduct", "US Foreign Corrupt Practices Act",
		"There are no third-party beneficiaries", "the call center services described in", "non-exclusive, royalty-free license",
		// A US customer may have Californian callers under any law: the
		// CCPA terms apply to the extent that law does.
		"To the extent the Customer is a \"business\" under the California Consumer Privacy Act of 2018 and the Provider processes personal information of California residents for it",
	}, remedyWording...), []string{
		// US spelling in the wording (answers print as typed).
		"licence", "authorised", "call centre services described",
		"administration", "value added tax", "public liability insurance", "professional indemnity insurance",
		"Transfer of Undertakings", "UK time", "International Data Transfer Agreement",
		"UK GDPR", "Ofcom", "Privacy and Electronic Communications", "Bribery Act 2010", "Modern Slavery Act", "Rights of Third Parties",
	})
}

func TestCaliforniaDraftWording(t *testing.T) {
	e := engine(t)
	d := usDraft(e.Template())
	d.Answers["governing_law"] = answers.Value{Text: "us_california"}
	d.Answers["arbitration_seat"] = answers.Value{Text: "San Francisco"}
	d.Answers["time_zone"] = answers.Value{Text: "US Pacific Time (PT)"}
	text := renderText(t, e, d)
	assertWording(t, "California", text, []string{
		"service provider under the California Consumer Privacy Act", "will not sell or share that personal information",
		"after 5 pm (local time in the place where it is received)", "judgment on the award",
		"California Civil Code section 1668",
	}, []string{
		// California courts refuse a jury waiver signed before a dispute.
		"trial by jury",
	})
}

func TestOffshoreDraftWording(t *testing.T) {
	e := engine(t)
	text := renderText(t, e, offshoreDraft(e.Template()))
	assertWording(t, "offshore (sole trader, agents in the Philippines)", text, []string{
		"Makati City, Metro Manila, in the Philippines.", "The agents work in the Philippines, so Personal Data will be transferred there from the United Kingdom",
		"Unless the law recognises that country as giving personal data adequate protection",
		"International Data Transfer Agreement issued by the UK Information Commissioner", "incorporated into this agreement by reference",
		"transfer risk assessment", "comply with the Philippines Data Privacy Act of 2012",
		"Harbour Process Agents Ltd",
		"enters administration or liquidation", "trade sanctions laws",
	}, []string{
		"Staff transfer on exit", "staff transfers may apply", "only in the Customer's country", "trial by jury", "judgment on the award",
		"(country:", "which the parties will sign before any transfer", "Because the agents work",
	})
}

func TestIrelandWithAgentsInTheEU(t *testing.T) {
	e := engine(t)
	d := placeDraft(e.Template(), "EUR", map[string]string{
		"governing_law": "ireland", "customer_country": "ireland", "delivery_country": "eu", "courts": "the courts of Ireland", "time_zone": "Irish time",
		"late_interest_basis": "statutory", "mediation_provider": "other",
		"customer_incorporated": "Ireland", "customer_address": "2 Grand Canal Quay\nDublin 2\nIreland",
		"provider_incorporated": "Ireland", "provider_company_number": "587654", "provider_address": "Block C, Eastpoint Business Park\nDublin 3\nIreland",
	})
	text := renderText(t, e, d)
	assertWording(t, "Ireland", text, []string{
		"examiner, process adviser, liquidator or receiver", "Acquired Rights Directive (2001/23/EC)", "Irish time", "exclude value added tax",
		"General Data Protection Regulation (EU) 2016/679", "Late Payment in Commercial Transactions) Regulations 2012",
		"Nothing in this agreement gives any person who is not a party to it a right", "in accordance with the Mediation Act 2017",
	}, []string{
		"Transfer of Undertakings", "administration", "International Data Transfer Agreement", "standard contractual clauses",
		"Late Payment of Commercial Debts", "UK GDPR", "Rights of Third Parties) Act 1999", "CEDR", "(country:", "European Union)",
	})
}
