package agreement

import (
	"testing"

	"pactwright/app/variants"
)

// Round 5 of the independent legal review (docs/legal-review.md): the
// defects of jurisdiction, party type and place, each asserted on the deal
// type that showed it.
func TestLegalReviewRound5PlaceDefectsStayFixed(t *testing.T) {
	e := engine(t)
	must := map[string][]string{
		"england-philippines": {
			// TUPE can move UK staff whose work goes abroad: entry terms stay.
			"If, although the Services are performed outside the United Kingdom, anyone's employment transfers to the Provider under the Transfer of Undertakings",
			"the Customer will also indemnify the Provider against the reasonable costs of that dismissal",
		},
		"scotland": {
			// The sheriff court hears claims of £100,000 or less; Scots law
			// prorogates a jurisdiction and transfers rights by assignation.
			"The parties prorogate the exclusive jurisdiction of the Scottish courts",
			"assigns to the Customer, by way of assignation (and, for copyright not yet in existence, under section 91 of the Copyright, Designs and Patents Act 1988)",
			"the Modern Slavery Act 2015, the Human Trafficking and Exploitation (Scotland) Act 2015 and the Human Trafficking and Exploitation (Criminal Justice and Support for Victims) Act (Northern Ireland) 2015, each where it applies",
		},
		// The insolvency qualifier follows where the Customer is registered.
		"northern-ireland": {"only to the extent Article 197B of the Insolvency (Northern Ireland) Order 1989 allows"},
		"england-onshore": {"only to the extent section 233B of the Insolvency Act 1986 allows",
			// Usury wording is American; the UK statute wants a substantial remedy.
			"The parties agree that this is a substantial remedy for late payment under the Late Payment of Commercial Debts (Interest) Act 1998"},
		// Australia: its own company forms, privacy law, tax, index, covers
		// and staff-transition law.
		"new-south-wales": {
			"a public company registered in Australia, ACN 609 824 133", "a proprietary company registered in Australia, ACN 612 345 678",
			"is a use by the Customer and not a disclosure to the Provider under the Privacy Act 1988 (Cth)",
			"the notices the Australian Privacy Principles require (APP 5)",
			"privacy impact assessments, enquiries and complaints from the Office of the Australian Information Commissioner",
			"on receiving a valid tax invoice under the A New Tax System (Goods and Services Tax) Act 1999",
			"All Groups Consumer Price Index (weighted average of eight capital cities) published by the Australian Bureau of Statistics",
			"workers compensation insurance as required by the law of each state or territory where its staff work (including cover for liability at common law where it is available)",
			"restructuring practitioner",
			"Part 2-8 of the Fair Work Act 2009 (Cth)",
		},
		// Texas enforces a jury waiver and a release of negligence only when
		// conspicuous and express: bold capitals, negligence named.
		"texas": {
			"EACH PARTY KNOWINGLY AND VOLUNTARILY GIVES UP ANY RIGHT TO A TRIAL BY JURY",
			// Round 6: the fair-notice sentence names every limit, wherever it is.
			"THE EXCLUSIONS AND LIMITS OF LIABILITY IN THIS AGREEMENT, WHEREVER THEY APPEAR (INCLUDING SERVICE CREDITS AS THE ONLY FINANCIAL REMEDY FOR MISSED SERVICE LEVELS, AS CLAUSE 3.7 SETS OUT), APPLY EVEN TO LOSS CAUSED BY THE SOLE, JOINT OR CONCURRENT NEGLIGENCE",
			"NEITHER PARTY IS LIABLE FOR LOSS OF PROFIT",
		},
		// A sole trader: an estate not locked in, a business that can be
		// sold or incorporated, and exit terms only for its own staff.
		"sole-trader": {
			"the Provider's right to end this agreement for the Customer's insolvency is subject to section 233B of the Insolvency Act 1986 where it applies",
			"The Customer (or, after the Customer's death, the Customer's personal representatives) may end this agreement by giving at least 30 days' written notice if the Customer dies, becomes permanently unable to run the business",
			"to a company the Customer controls, or to a buyer of the business the Services support",
			"will not change the terms, number or identity of the staff wholly or mainly assigned to the Services",
			"may offer employment to the agents wholly or mainly assigned to the Services",
		},
		"one-agent": {"may offer employment to the agents wholly or mainly assigned to the Services"},
		"ireland": {
			"take all reasonable steps and exercise all due diligence",
			"the Data Protection Acts 1988 to 2018",
			"Consumer Price Index published by the Central Statistics Office",
		},
		"new-york": {"(or self-assesses use tax where the law requires). Each party bears its own income taxes",
			"per month, or the highest rate allowed by law if lower, from the due date"},
		"england-india": {
			"If, although the Services are performed outside the United Kingdom, anyone's employment transfers to the Provider",
		},
	}
	mustNot := map[string][]string{
		"new-york": {"If, although the Services are performed outside", "reverse charge", "TRIAL BY JURY", "CONCURRENT NEGLIGENCE"},
		// A UK provider paid by a UK customer suffers no withholding tax,
		// wherever its agents work.
		"england-philippines": {"withhold tax from a payment to the Provider"},
		"new-south-wales":     {"controller", "lawful basis", "data protection impact assessments", "employer's liability", "registered in New South Wales", "reverse charge", "Consumer Prices Index"},
		"ireland":             {"adequate procedures", "the national law that supplements it", "(or as required by law, if more)", "Consumer Prices Index"},
		"england-onshore":     {"If, although the Services are performed outside", "prorogate", "assignation", "personal representatives", "wholly or mainly assigned", "highest rate allowed by law"},
		"scotland":            {"Court of Session", "by way of present assignment"},
		"sole-trader":         {"only to the extent section 233B"},
	}
	for _, deal := range variants.Deals(e.Template()) {
		if must[deal.Key] == nil && mustNot[deal.Key] == nil {
			continue
		}
		assertWording(t, deal.Name, renderText(t, e, deal.Draft), must[deal.Key], mustNot[deal.Key])
	}
}

// TestInsolvencyFollowsRegistration: the rescue-law qualifier and the
// insolvency events follow where each party is registered, not the law
// chosen (review A6, D3).
func TestInsolvencyFollowsRegistration(t *testing.T) {
	e := engine(t)
	cases := []struct {
		name          string
		set           map[string]string
		must, mustNot []string
	}{
		{"Northern Ireland law, English customer", map[string]string{"governing_law": "northern_ireland", "courts": "the courts of Northern Ireland"},
			[]string{"section 233B of the Insolvency Act 1986"}, []string{"Article 197B"}},
		{"English law, Northern Ireland customer", map[string]string{"customer_incorporated": "Northern Ireland", "customer_company_number": "NI634512"},
			[]string{"Article 197B of the Insolvency (Northern Ireland) Order 1989"}, []string{"section 233B"}},
		{"provider registered abroad", map[string]string{"delivery_country": "south_africa", "data_location": "with_safeguards", "offshore": "allowed",
			"provider_incorporated": "South Africa", "provider_company_number": "2015/123456/07", "provider_address": "1 Long Street\nCape Town 8001\nSouth Africa"},
			[]string{"withhold tax from a payment to the Provider", "the laws against slavery and human trafficking that apply to it"}, []string{"Modern Slavery Act 2015, the Human"}},
		{"New York law, Scottish provider", map[string]string{"governing_law": "us_new_york", "courts": "the state and federal courts located in New York County, New York",
			"customer_country": "us", "customer_entity": "llc", "customer_incorporated": "Delaware", "customer_company_number": "7654321", "customer_name": "Brightside Home Goods LLC"},
			[]string{"petition in bankruptcy", "for a party registered in the United Kingdom, enters administration or liquidation"}, []string{"section 233B"}},
	}
	for _, c := range cases {
		d := variants.Place(e.Template(), "GBP", c.set)
		d.Confirm(e.Template())
		assertWording(t, c.name, renderText(t, e, d), c.must, c.mustNot)
	}
}
