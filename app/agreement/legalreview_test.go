package agreement

import (
	"testing"

	"pactwright/app/variants"
)

// The defects the independent legal review found (docs/legal-review.md),
// each asserted on the deal type that showed it: wording the PDF must
// contain once fixed, and wording it must never contain again.
func TestLegalReviewDefectsStayFixed(t *testing.T) {
	e := engine(t)
	must := map[string][]string{
		"england-onshore": {
			// Round 1: a yearly cap with no forecast to rely on, and one data limit.
			"for all claims arising from events in the same contract year",
			"the average monthly Charges up to the event multiplied by 12",
			"2 times the general limit, for all such claims arising from events in the same contract year",
			// Round 4: the cover states both parties' limits plainly.
			"Provider: the greater of £250,000 and 12 months of Charges (the Customer: the Charges alone); data protection breaches: 2 × that, separately",
			"within the limit for indemnity payments set out in the limitation of liability terms above",
			// Replacement costs after ending for failure are recoverable.
			"the reasonable extra cost of obtaining replacement services",
			"or its right to recover its losses from that ending",
			// Hourly pricing tied to an approved staffing plan.
			"Agent hours worked above the approved staffing plan at the Customer's written request are charged at £28.00 an hour",
			"Until the Customer approves a plan for a month, the last approved plan applies", "the Charges for the agent hours in the approved staffing plan for the month",
			"This minimum does not apply to a month in which the Provider did not make the planned staff available",
			// Volume relief only for answering, per interval.
			"On any day on which contact volumes exceed the forecast for that day", "the contacts above that margin are left out when the service level for answering calls",
			// Round 3.
			"Of the Charges for the agent hours in the approved staffing plan for the month",
			"a return is accepted unless the Customer reports a defect within ten Business Days after delivery",
			// The staff-transfer indemnity named where it is.
			"may enforce the indemnity given to it in clause 6.8",
			"(the \"staff list\")", "if notice to end this agreement is shorter, within 10 Business Days after notice is given",
			"the Customer and any new provider may offer employment to the agents",
			// Hand-back and deletion counted from the same point.
			"within the number of days shown after this agreement ends, or earlier if the Customer asks, and in any case before exit assistance ends",
			"for work those rates do not cover, at a price agreed in advance through change control",
			"The Provider will tell the Customer in writing within ten Business Days after any change in its control",
			"trade sanctions laws",
			// Round 2.
			"Chat conversations are kept and used only as recordings are",
			"by a change note under clause 2.", "invoiced with the first monthly invoice",
			"the Customer will pass on to the Provider the benefit of any protection it has from that provider",
			"Until the Customer approves a plan for a month",
		},
		"scotland":         {"contract, delict (including negligence)", "Contract (Third Party Rights) (Scotland) Act 2017", "interdict"},
		"northern-ireland": {"Insolvency (Northern Ireland) Order 1989"},
		"new-york": {
			"a Delaware limited liability company (file number 7654321), whose principal office is at",
			"a Florida corporation (document number P19000012345), whose principal office is at",
		},
		"california": {"California Civil Code section 1668"},
		"new-south-wales": {
			"workers compensation insurance as required by the law of each state or territory",
			"Part 4 of the Civil Liability Act 2002 (NSW) (proportionate liability) does not apply",
		},
		"uk-customer-new-york-law": {
			"If the Provider shows the Customer that it is certified under the UK Extension to the",
			"governed by the law and decided by the courts it names",
			// Round 2: the transfer instrument's tables filled from the draft.
			"Exporter Brightside Home Goods Ltd", "Onward transfers Only to the sub-processors approved under",
			"or accounts for itself where the law requires, for example under a reverse charge",
		},
		"england-philippines": {
			// Round 4: the company that employs the agents abroad is named,
			// bound, a sub-processor and the transfer's importer.
			"The Site Operator, Northpoint Contact Solutions Philippines, Inc., a corporation registered in the",
			"as importer, the Site Operator, which the Provider will make sign it",
			"Importer Northpoint Contact Solutions Philippines, Inc.",
			"no Personal Data goes to that site before the importer has signed",
			"from outside the Philippines and the United Kingdom without the Customer's prior written consent",
		},
		"ireland": {
			"on that provider's behalf, and recover that provider's losses as if they were its own",
			"appointed by the Mediators' Institute of Ireland",
			// Round 4: the sub-processors approved are where the data stays.
			"hosted in Ireland",
		},
		"sole-trader": {"Signed by Amira Haddad, trading as Haddad Home Repairs",
			// Round 2: an individual is not exposed to the fixed floor, and
			// her bankruptcy or death is provided for.
			"applies only to the Provider's liability: the Customer's own liability is limited by the Charges alone",
			"or, being an individual, is made bankrupt, enters into an arrangement with creditors, or dies",
			"the agent handling hours needed"},
		"england-india": {"CERT-In (the Indian Computer Emergency Response Team)",
			// Round 4: with no company named, the Provider employs the agents
			// itself and no other company may without consent.
			"The Provider runs those sites and employs the agents itself", "as importer, the Provider, or any other company the Customer later allows"},
		"texas": {"workers' compensation insurance for all its staff, even where the law of the state where they work does not require it"},
		"unusual-choices": {
			"Charges a fixed monthly fee of £8,000.00, plus £24.50 per call or contact",
			"Fixed monthly fee £8,000.00", "a calendar quarter in which it is worse than that level",
			"payments by the Provider under the indemnities in clause 8.5",
			// Round 3: the cover states credits per quarter, as the clause does.
			"capped at 10% of each calendar quarter's Charges",
		},
	}
	mustNot := map[string][]string{
		"england-onshore":          {"the Charges forecast for the first", "for all claims together", "may enforce the indemnity given to it in clause 6.6", "in the place of receipt ("},
		"new-york":                 {"whose registered address is 350 Fifth Avenue", "under the rules on staff transfers"},
		"california":               {"or violation of law"},
		"new-south-wales":          {"agreed at the time"},
		"uk-customer-new-york-law": {"the parties enter into the UK Extension", "(US Eastern Time)", "the Provider confirms that it is certified"},
		"sole-trader":              {"For and on behalf of Amira Haddad"},
		"unusual-choices":          {"email address for notices", "Nothing in this agreement limits or excludes liability for: fraud and death"},
	}
	for _, deal := range variants.Deals(e.Template()) {
		if must[deal.Key] == nil && mustNot[deal.Key] == nil {
			continue
		}
		assertWording(t, deal.Name, renderText(t, e, deal.Draft), must[deal.Key], mustNot[deal.Key])
	}
}
