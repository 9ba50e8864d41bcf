package agreement

import (
	"strings"
	"testing"

	"pactwright/app/answers"
	"pactwright/app/variants"
)

// Round 7 of the independent legal review (docs/legal-review.md): each
// fixed defect asserted on the deal type that showed it.
func TestLegalReviewRound7DefectsStayFixed(t *testing.T) {
	e := engine(t)
	every := []string{
		// Hours counted only while the service is open say so.
		"at most 24 hours of operation",
		// Numbers and accounts customers use stay the Customer's.
		"are held in the Customer's name or, where the Provider holds them, held for the Customer",
		"Telephone numbers, call routing and menu set-up, chat and email accounts",
		// A miss leads to a plan to put it right.
		"give the Customer a written account of the cause and a plan to put it right",
		// Mediation is not a bar to proceedings; limitation is protected.
		"whether or not the dispute has been referred to mediation", "to stop a claim from becoming time",
		// The exit plan has an owner and a fallback.
		"The Provider will give the Customer a draft written exit plan", "Until a plan is agreed, this clause and Schedule 3 are the exit plan",
		// The sole-remedy rule sits with the service credits, and gives way to repeated misses.
		"Remedies for missed service levels 3.",
		"or the Provider misses the same Service Level in two months in a row",
		// Interest, index and certifications named exactly.
		"ISO/IEC 27001 certification (information security). It will tell the Customer within 5 Business Days if any of them lapses",
		"promptly and in any case within 2 Business Days",
		// The Customer can sell its business with the agreement.
		"the Customer may transfer this agreement by written notice to a buyer of all or most of the business",
		// The schedule's minimum charge is as conditional as the clause.
		"only where the Customer asks for fewer hours after approving the plan (clause 4.",
		"Time to settle (Business Days)",
		// Initials help reading; a blank box is not a group unagreed.
		"a box left blank does not mean a group was not agreed",
		// A single site can still be recovered: home working in a continuity event.
		"Working from home in this way is allowed during a continuity event even where that clause names particular sites",
	}
	ukLimits := []string{
		// Each party's cap stated once, in the limitation clause itself
		// (Texas prints it in capitals).
		"to that party's general limit. The Provider's general limit is the greater of",
		"and the Customer's general limit is the reference Charges",
		"simple interest", "Consumer Prices Index (CPI) published by the Office for National Statistics",
	}
	must := map[string][]string{
		"england-onshore":  ukLimits,
		"scotland":         append([]string{"by way of assignation (and, for copyright not yet in existence, under section 91 of the Copyright, Designs and Patents Act 1988)"}, ukLimits...),
		"northern-ireland": ukLimits,
		"texas": {"AS CLAUSE 3.7 SETS OUT", "TO THAT PARTY'S GENERAL LIMIT. THE PROVIDER'S GENERAL LIMIT IS THE GREATER OF",
			// Fair notice for the sole remedy and for indemnities that reach the Customer's own negligence.
			"3.7 SERVICE CREDITS ARE THE CUSTOMER'S ONLY FINANCIAL REMEDY",
			"THE PROVIDER'S INDEMNITIES IN THIS AGREEMENT APPLY EVEN WHERE THE CLAIM OR LOSS IS CAUSED IN PART BY THE NEGLIGENCE OF THE CUSTOMER"},
		"new-york": {
			// Californian callers are possible under any US deal.
			"To the extent the Customer is a \"business\" under the California Consumer Privacy Act of 2018",
			"the same data protection obligations as this clause and clause 5.4",
			"employer's liability insurance of at least US$1,000,000 each accident and each employee for disease, with umbrella or excess liability cover",
			"will obtain the caller's consent before recording", "which the person chatting accepts before the chat goes on",
			"keeping Personal Data in them only for as long as clause 5 allows",
			"refunds, credits and compensation the Customer reasonably gives its own customers because of the Provider's breach",
			"and will tell the Customer at once if that stops being true",
		},
		"california": {"any liability that California Civil Code section 1668 does not allow a party to exempt itself from, to that extent only"},
		"new-south-wales": {
			"\"Personal Data\" means personal information as the Privacy Act 1988 (Cth) defines it",
			"only to a recipient bound by written contract to handle the Personal Data in line with the Australian Privacy Principles (APP 8.1)",
			"not engage any other person to handle the Personal Data",
			"a direct indemnity, by deed, in the terms of clause 6.6",
			"will not change the terms, number or identity of those staff in the six months before the end",
			"against claims by anyone who worked on the Services for the Provider and was not on the staff list",
			"or proposes or enters into a deed of company arrangement",
		},
		"ireland": {"a direct indemnity, by deed, in the terms of clause 6.8",
			"at least 45 days before the transfer (in time to inform and consult staff representatives), each person's identity, age, start date, pay and benefits, contractual terms, and any disciplinary action, grievance or claim in the last two years"},
		"sole-trader": {"capacity equivalent to 2 full-time agents",
			"the Customer pays for training no more agents than clause 2.4 provides for",
			"at no cost, with 30 days' notice, if the Customer dies, becomes permanently unable to run the business or stops trading; see clause 6.3"},
		"england-philippines": {
			"of the Site Operator or of any subcontractor, and by its subcontractors, arising from their work",
			"Provider will also make sure that the Site Operator holds the insurance that the law requires where the agents work",
			"This agreement, and the written subcontract between the Provider and the Site Operator that clause 2.6 requires",
			"the contact centre at 6750 Ayala Avenue, Makati City, Metro Manila, Philippines, run by the Site Operator",
			"The parties submit to the exclusive jurisdiction of the courts of England and Wales",
		},
		"england-india": {
			"The Site Operator, Northpoint Contact Solutions India Private Limited",
			// The Customer's dismissal indemnity has conditions and a deadline.
			"has first taken reasonable steps to find the person other work, has consulted the Customer, has followed a fair procedure, and claims those costs within 6 months after the Start Date",
			"as exporter, and the Site Operator, as importer, will enter into",
		},
		"unusual-choices": {"except that it is free of charge where clause 6.3 or clause 6.4 says so",
			"if the sender and the address are in different countries, counting the United Kingdom as one country",
			"after which the Provider may add to its next invoice the amount of that Service Credit, within the limit below",
			"the calendar quarters ending within those 6 months together"},
	}
	mustNot := []string{"the Customer pays the amount of that Service Credit back", "normal opening hours",
		"applies only to the Provider's liability", "Remedies for missed service levels 7.", "those sites",
		"up to no more than", "Agents work in The", "(business days)", "ten Business Days", "for the agent hours or contacts it takes",
	}
	for _, deal := range variants.Deals(e.Template()) {
		text := renderText(t, e, deal.Draft)
		assertWording(t, deal.Name, text, must[deal.Key], mustNot)
		switch deal.Key {
		case "one-agent", "sole-trader", "unusual-choices":
		case "texas":
			// Texas sets its fair-notice clauses in capitals.
			upper := make([]string, len(every))
			for i, w := range every {
				upper[i] = strings.ToUpper(w)
			}
			assertWording(t, deal.Name, strings.ToUpper(text), upper, nil)
		default:
			assertWording(t, deal.Name, text, every, nil)
		}
	}
}

// TestProviderEmployingAgentsAbroadItself: with no Site Operator named,
// the Provider runs the work and employs the agents itself, is the
// importer, and no other company may step in without consent.
func TestProviderEmployingAgentsAbroadItself(t *testing.T) {
	e := engine(t)
	for _, deal := range variants.Deals(e.Template()) {
		if deal.Key != "england-india" {
			continue
		}
		d := deal.Draft
		delete(d.Answers, "site_operator")
		d.Answers["delivery_sites"] = d.Answers["delivery_sites"]
		assertWording(t, "India, no Site Operator", renderText(t, e, d), []string{
			"The Provider itself runs the work there and employs the agents",
			"the Customer, as exporter, and the Provider, as importer, enter into",
			"any other company the Customer later allows to run the work at that site must sign it as importer too",
			// A UK-registered importer is under the UK GDPR itself.
			"Does the UK GDPR apply to the importer's processing Yes",
		}, nil)
	}
}

// TestProviderAnswersToItsOwnBriberyLaw: a provider registered in Scotland
// answers to the Bribery Act 2010 whatever law governs (round 7, D14).
func TestProviderAnswersToItsOwnBriberyLaw(t *testing.T) {
	e := engine(t)
	for _, deal := range variants.Deals(e.Template()) {
		if deal.Key != "new-york" {
			continue
		}
		d := deal.Draft
		d.Answers["provider_incorporated"] = answers.Value{Text: "Scotland"}
		d.Answers["provider_address"] = answers.Value{Text: "Unit 5, Clyde Gateway Business Park\nGlasgow G40 4DA\nUnited Kingdom"}
		assertWording(t, "New York, Scottish provider", renderText(t, e, d),
			[]string{"the US Foreign Corrupt Practices Act of 1977 and the Bribery Act 2010"}, nil)
	}
}
