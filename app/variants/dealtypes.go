package variants

import (
	"strings"

	"pactwright/app/answers"
	"pactwright/app/draft"
	"pactwright/app/template"
)

// Deal is one kind of deal an independent lawyer reads for the legal
// review (docs/legal-review.md): the places, laws and choices whose wording
// differs. The variant tests assert what each one's PDF must and must not
// say, so a defect fixed for a deal type stays fixed.
type Deal struct {
	Key   string // file-name friendly
	Name  string
	Draft draft.Draft
}

// Deals returns the deal types of the legal review, each complete, with
// every group confirmed, built from the worked example.
func Deals(t *template.Template) []Deal {
	uk := func(set map[string]string) draft.Draft { return Place(t, "GBP", set) }
	usd := func(set map[string]string) draft.Draft { return Place(t, "USD", usDeal(set)) }
	deals := []Deal{
		{"england-onshore", "England and Wales, agents in the UK", uk(nil)},
		{"england-philippines", "England and Wales, agents in the Philippines", uk(map[string]string{
			"delivery_country": "philippines", "delivery_sites": "the contact centre at 6750 Ayala Avenue, Makati City, Metro Manila, Philippines, run by the Site Operator",
			"offshore": "with_consent", "data_location": "with_safeguards", "time_zone": "UK time (GMT/BST)",
			"site_operator": "Northpoint Contact Solutions Philippines, Inc., a corporation registered in the Philippines (SEC registration CS201912345), of 6750 Ayala Avenue, Makati City, Metro Manila",
		})},
		{"england-india", "England and Wales, agents in India", uk(map[string]string{
			"delivery_country": "india", "delivery_sites": "the contact centre at Hinjewadi Phase 2, Pune, Maharashtra, India, run by the Site Operator",
			"offshore": "with_consent", "data_location": "with_safeguards",
			"site_operator": "Northpoint Contact Solutions India Private Limited, a company registered in India (CIN U74999MH2019PTC187654), of Hinjewadi Phase 2, Pune 411057, Maharashtra",
		})},
		{"scotland", "Scotland, agents in the UK", uk(map[string]string{
			"governing_law": "scotland", "courts": "the Scottish courts", "customer_incorporated": "Scotland", "customer_company_number": "SC587123",
			"customer_address": "40 George Street\nEdinburgh EH2 2LE\nUnited Kingdom",
		})},
		{"northern-ireland", "Northern Ireland, agents in the UK", uk(map[string]string{
			"governing_law": "northern_ireland", "courts": "the courts of Northern Ireland", "customer_incorporated": "Northern Ireland", "customer_company_number": "NI634512",
			"customer_address": "12 Donegall Square\nBelfast BT1 5GS\nUnited Kingdom", "delivery_sites": "the Provider's contact centre at Titanic Quarter, Belfast",
		})},
		{"ireland", "Ireland, agents in Ireland", Place(t, "EUR", map[string]string{
			"governing_law": "ireland", "customer_country": "ireland", "delivery_country": "ireland", "courts": "the courts of Ireland",
			"customer_incorporated": "Ireland", "customer_address": "2 Grand Canal Quay\nDublin 2\nIreland", "customer_company_number": "612345",
			"provider_incorporated": "Ireland", "provider_company_number": "587654", "provider_address": "Block C, Eastpoint Business Park\nDublin 3\nIreland",
			"delivery_sites": "the Provider's contact centre at Eastpoint Business Park, Dublin", "time_zone": "Irish time",
			"mediation_provider": "other", "late_interest_basis": "statutory",
			"price_index": "Consumer Price Index published by the Central Statistics Office",
		})},
		{"new-york", "New York, agents in the US", usd(nil)},
		{"california", "California, agents in the US", usd(map[string]string{
			"governing_law": "us_california", "courts": "the state and federal courts located in San Francisco County, California",
			"time_zone": "US Pacific Time (PT)", "customer_incorporated": "California",
			"customer_address": "500 Howard Street\nSan Francisco, CA 94105\nUSA", "delivery_sites": "the Provider's contact center in Sacramento, California",
		})},
		{"texas", "Texas, agents in the US", usd(map[string]string{
			"governing_law": "us_texas", "courts": "the state and federal courts located in Dallas County, Texas",
			"time_zone": "US Central Time (CT)", "customer_incorporated": "Texas",
			"customer_address": "2100 Ross Avenue\nDallas, TX 75201\nUSA", "delivery_sites": "the Provider's contact center in Plano, Texas",
		})},
		{"delaware", "Delaware, agents in the US", usd(map[string]string{
			"governing_law": "us_delaware", "courts": "the state and federal courts located in New Castle County, Delaware",
		})},
		{"new-south-wales", "New South Wales, agents in Australia", Place(t, "AUD", map[string]string{
			"governing_law": "australia_nsw", "customer_country": "australia", "delivery_country": "australia",
			"courts": "the courts of New South Wales", "customer_incorporated": "New South Wales",
			"customer_address": "1 Martin Place\nSydney NSW 2000\nAustralia", "provider_incorporated": "Victoria",
			"provider_address": "100 Collins Street\nMelbourne VIC 3000\nAustralia", "delivery_sites": "the Provider's contact centre in Parramatta, New South Wales",
			"time_zone": "Sydney time (AEST/AEDT)", "mediation_provider": "other", "customer_entity": "public_limited",
			"customer_company_number": "609824133", "provider_company_number": "612345678",
			"customer_name": "Brightside Home Goods Limited", "provider_name": "Northpoint Contact Solutions Pty Ltd",
			"price_index": "All Groups Consumer Price Index (weighted average of eight capital cities) published by the Australian Bureau of Statistics",
		})},
		{"uk-customer-new-york-law", "UK customer under New York law, agents in the US", Place(t, "USD", usDeal(map[string]string{
			"customer_country": "uk", "customer_entity": "private_limited", "customer_incorporated": "England and Wales",
			"customer_name": "Brightside Home Goods Ltd", "customer_company_number": "09876543",
			"customer_address": "14 Canal Street\nManchester M1 3HE\nUnited Kingdom",
			"delivery_sites":   "the Provider's contact center in Tampa, Florida",
			"data_location":    "with_safeguards",
		}))},
		{"sole-trader", "Sole-trader customer, England and Wales", soleTrader(t)},
		{"one-agent", "One agent, England and Wales", uk(map[string]string{"agents": "1", "staffing_model": "shared"})},
		{"unusual-choices", "Unusual choices: post-only notices, quarterly measurement, earn-back, uncapped indemnities, arbitration", unusual(t)},
	}
	for i := range deals {
		hostSubprocessors(&deals[i].Draft)
		deals[i].Draft.Title = deals[i].Name
		deals[i].Draft.Confirm(t)
	}
	return deals
}

// usDeal are the answers a US deal changes, with set on top.
func usDeal(set map[string]string) map[string]string {
	out := map[string]string{
		"governing_law": "us_new_york", "customer_country": "us", "delivery_country": "us",
		"customer_entity": "llc", "customer_incorporated": "Delaware", "customer_name": "Brightside Home Goods LLC",
		"provider_name": "Northpoint Contact Solutions, Inc.", "price_index": "Consumer Price Index for All Urban Consumers (CPI-U)", "customer_address": "350 Fifth Avenue\nNew York, NY 10118\nUSA",
		"provider_entity": "corporation", "provider_incorporated": "Florida", "provider_address": "400 North Ashley Drive\nTampa, FL 33602\nUSA",
		"provider_company_number": "P19000012345", "customer_company_number": "7654321",
		"delivery_sites": "the Provider's contact center in Tampa, Florida", "time_zone": "US Eastern Time (ET)",
		"courts": "the state and federal courts located in New York County, New York", "mediation_provider": "aaa",
		"late_interest_basis": "monthly_rate", "late_interest_rate": "1", "tupe": "",
		"agreement_title": "Call Center Services Agreement",
	}
	for k, v := range set {
		out[k] = v
	}
	return out
}

func soleTrader(t *template.Template) draft.Draft {
	d := Place(t, "GBP", map[string]string{
		"customer_entity": "sole_trader", "customer_name": "Amira Haddad", "customer_trading_name": "Haddad Home Repairs",
		"customer_address": "7 Mill Lane\nYork YO1 7HP\nUnited Kingdom", "customer_contact_name": "Amira Haddad",
		"customer_contact_email": "amira@haddadrepairs.example", "customer_signatory_name": "Amira Haddad", "customer_signatory_title": "Owner",
		"customer_manager": "Owner",
		"agents":           "2", "staffing_model": "shared",
	})
	delete(d.Answers, "customer_incorporated")
	delete(d.Answers, "customer_company_number")
	return d
}

func unusual(t *template.Template) draft.Draft {
	d := Place(t, "GBP", map[string]string{
		"compliance_period": "quarterly", "earn_back": answers.Yes, "final_forum": "arbitration",
		"arbitration_rules": "lcia", "arbitration_seat": "London", "arbitration_country": "uk", "arbitrators": "three",
		"pricing_model": "hybrid", "convenience": "either", "chronic_months": "2",
	})
	d.Answers["notice_methods"] = answers.Value{Items: []string{"post"}}
	d.Answers["uncapped"] = answers.Value{Items: []string{"fraud", "death_injury", "indemnities"}}
	d.Answers["fixed_fee"] = answers.Value{Text: "8000.00", Unit: "GBP"}
	rows := d.Answers["sla_metrics"].Rows
	for i := range rows {
		rows[i]["window"] = "quarterly"
	}
	return d
}

// Place is the worked example moved to another place: every amount in
// currency, and the answers in set ("" removes one).
func Place(t *template.Template, currency string, set map[string]string) draft.Draft {
	d := draft.Example(t)
	for _, g := range t.Groups {
		for _, f := range g.Fields {
			if f.Kind == template.Money && d.Answers.Has(f.ID) {
				v := d.Answers[f.ID]
				v.Unit = currency
				d.Answers[f.ID] = v
			}
		}
	}
	for id, text := range set {
		if text == "" {
			delete(d.Answers, id)
			continue
		}
		d.Answers[id] = answers.Value{Text: strings.ReplaceAll(text, "\r", "")}
	}
	return d
}

// hostSubprocessors names the example's sub-processors as hosted in the
// Customer's own country, as a Customer whose data must stay at home would
// require.
func hostSubprocessors(d *draft.Draft) {
	home := map[string]string{"uk": "the United Kingdom", "ireland": "Ireland", "us": "the United States", "australia": "Australia"}[d.Answers.Text("customer_country")]
	if home == "" {
		return
	}
	d.Answers["approved_subprocessors"] = answers.Value{Text: "Talkwise: cloud telephony and call recording, hosted in " + home + ". CaseDesk: customer contact records (CRM), hosted in " + home + "."}
}

// AcceptedRisks are the HIGH risks the user of a deal type keeps, by
// field, with the reason given: such a deal is signable only once the
// risk is accepted, as in the app.
func AcceptedRisks(key string) map[string]string {
	return map[string]map[string]string{
		"one-agent": {"agents": "Our volumes are low and the hours short; we accept that service levels may be missed while we try the service."},
	}[key]
}
