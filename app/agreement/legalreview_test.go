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
			// Round 5, then round 8: in the first year, a figure that can be
			// worked out from what has been charged.
			"the average monthly Charges paid and payable up to the event (or, before a full month has passed, the Charges for the first month as its approved staffing plan would produce them), multiplied by 12",
			"2 times that party's general limit, for all such claims arising from events in the same contract year",
			// Round 4: the cover states both parties' limits plainly.
			"Provider: the greater of £250,000 and 12 months of Charges; Customer: 12 months of Charges; data protection, security or confidentiality breaches: 2 × the party's general limit, separately",
			// Round 5: the indemnity limit is its own sentence, covers the staff
			// indemnity on exit and every claimant together, and the exclusion
			// of indirect loss does not empty it; no limit applies to the Charges.
			"an indemnity for them. These indemnities are subject to the indemnity limit in clause 8.2, except the one for claims that the Provider's tools infringe intellectual property rights, which is not limited.",
			"Payments by the Provider under the indemnities in clause 8.5 and clause 6.8 (other than for claims that the Provider's tools infringe intellectual property rights) are limited to a further amount equal to the data protection limit (the \"indemnity limit\"), for all such payments to the Customer and any new provider together",
			"but this exclusion does not reduce what is payable under the indemnities in clause 8.5 and clause 6.8, including sums the Customer must pay to others",
			"No limit in this agreement applies to the Customer's duty to pay the Charges properly due",
			// Round 5: the cover shows the money terms a signer looks for.
			"Minimum charge 90% of the approved staffing plan, if the Customer asks for fewer hours after",
			"One-off charges set-up fee £5,000.00; training fee £450.00 per agent trained",
			"Indemnities from the Provider, up to a further 2 × the Provider's general limit a year",
			"Ending early without a reason, by the Customer with notice of 180 days; the Customer pays",
			"Disputes the courts of England and Wales",
			// Replacement costs after ending for failure are recoverable.
			"the reasonable extra cost of obtaining replacement services",
			"or its right to recover its losses from that ending",
			// Hourly pricing tied to an approved staffing plan.
			// Round 5: billable hours defined; overage replaces the rate; the
			// first month is not billed at every agent for every open hour;
			// the minimum bites only when the Customer cuts an approved plan.
			"The Services are charged at £24.50 for each billable hour",
			"Billable hours above the approved staffing plan, worked at the Customer's written request, are charged at £28.00 an hour instead of £24.50",
			"Until the Customer approves a plan for a month, the last approved plan applies; until it approves the first plan, the Provider charges only for the billable hours actually worked, up to 37.5 hours a week for each agent in clause 2.4",
			"breaks, training (which the Customer pays for only through the training fee, if at all), coaching, meetings and time lost to the Provider's own systems are not billable",
			"A rise in handling time caused by the Provider's own performance",
			"the Customer asks the Provider to staff fewer hours in that month (for example because volumes are lower than forecast), the Customer pays for at least 90% of the hours in the approved plan",
			"The minimum is reduced by the planned hours the Provider did not provide for its own reasons, applies only to a plan the Customer approved in writing",
			// Volume relief only for answering, per interval.
			"On any day on which contact volumes exceed the forecast for that day", "the contacts that arrive after the day's volume has passed the forecast plus that margin are left out when the Service Level for answering calls",
			// Round 5: the day's forecast follows the weekday pattern; one set of
			// conditions governs every relief.
			"in the proportions in which contacts arrived on the same weekdays in the previous month",
			"Any relief from the Service Levels under this agreement (for volumes above the forecast, for the events above, or for anything the Customer does or fails to do) applies only",
			"Customer's systems being unavailable, on the conditions in clause 3.12",
			// Round 5: confidentiality lets each side share with those it must.
			"for the Provider, the subcontractors and sub-processors approved under this agreement; and, for the Customer, any provider that is bidding to take over",
			"but the first three of those exceptions never apply to Customer Data",
			// Round 5: exit free after the Provider's default; it starts on non-renewal, not every term.
			"but it is free of charge if the Customer ends this agreement for the Provider's breach",
			"Exit assistance starts when either party gives notice to end this agreement or not to renew it",
			// Round 5: the answer and short-abandon times defined; the chronic
			// credit test is a total; training growth and refreshers paid for.
			"(the \"answer time\")", "(the \"short-abandon time\") are left out of both the answering and the abandonment measures",
			"those 6 months together are at least 5% of the total Charges for those 6 months",
			"for each agent trained for the launch or for an increase in the approved staffing plan it has asked for",
			"Credit if missed (% of the month's Charges)",
			// Round 3.
			"Of the Charges for the agent hours in the approved staffing plan for the month",
			"a return is accepted unless the Customer reports a defect within 10 Business Days after delivery",
			// The staff-transfer indemnity named where it is.
			"may enforce the indemnity given to it in clause 6.8",
			"(the \"staff list\")", "if notice to end this agreement is shorter, within 10 Business Days after notice is given",
			"the Customer and any new provider may offer employment to the agents",
			// Hand-back and deletion counted from the same point.
			// Round 5, then round 8: hand-back counts from the end of exit
			// assistance; deletion follows acceptance, express or deemed.
			"(or, if it names none, after exit assistance ends, or after this agreement ends if there is no exit assistance)",
			"The Provider deletes its copies only once the return has been accepted (in writing, or by the Customer reporting no defect within those 10 Business Days)",
			"for work those rates do not cover, at a price agreed in advance through change control",
			"The Provider will tell the Customer in writing within 10 Business Days after any change in its control",
			"trade sanctions laws",
			// Round 2.
			"Chat conversations are kept and used only as recordings are",
			// Round 5: the tools licence survives a sale of the business.
			"for ever, worldwide and irrevocably, for the Customer's own business", "the licence passes with the Customer's business to anyone who acquires it",
			// Round 5: money never excused; sub-processors are approved subcontractors.
			"it never excuses a failure to pay money that is due", "The sub-processors approved in Schedule 4 are approved subcontractors",
			"a notice ending this agreement, refusing its renewal or claiming a breach that is sent by email must also be sent by courier",
			// Round 4: the Customer keeps its regulator and its customers.
			"The Customer always keeps the conduct of any investigation or enquiry by a regulator",
			"This checklist helps the parties read the agreement; it adds no terms of its own",
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
		"california": {"California Civil Code section 1668",
			// Round 5: a deadline for saying it can no longer comply; what it collects is covered too.
			"within five Business Days after it decides that it can no longer meet these duties", "personal information it receives or collects for the Customer"},
		"new-south-wales": {
			"workers compensation insurance as required by the law of each state or territory",
			"Part 4 of the Civil Liability Act 2002 (NSW) (proportionate liability) does not apply",
		},
		"uk-customer-new-york-law": {
			"If the Provider shows the Customer that it is certified under the UK Extension to the",
			// Round 5: the instrument's own choices (law, courts, term, review) are made.
			"it is governed by the law, and claims under it are decided by the courts, named for it in Schedule 4",
			"Law of the instrument and primary place for claims The law of England and Wales; the courts of England and Wales",
			// Round 2: the transfer instrument's tables filled from the draft.
			"Exporter Brightside Home Goods Ltd", "Onward transfers Only to the sub-processors approved under",
			"or accounts for itself where the law requires, for example under a reverse charge",
		},
		"england-philippines": {
			// Round 4: the company that employs the agents abroad is named,
			// bound, a sub-processor and the transfer's importer.
			"The Site Operator, Northpoint Contact Solutions Philippines, Inc., a corporation registered in the",
			"the Customer, as exporter, and the Site Operator, as importer, will enter into the International Data Transfer Agreement", "and the Provider will make the Site Operator sign it",
			"Importer Northpoint Contact Solutions Philippines, Inc.",
			"no Personal Data goes to that site before the importer has signed",
			// Round 5: suspended transfers suspend the Charges, and may end the agreement.
			"While transfers are suspended, no Charges (the minimum charge included) are payable",
			"Customer Data will be stored and accessed only in the Philippines and the United Kingdom, and elsewhere only with the Customer's prior written consent",
			// Round 6: the work stays where the agents are; only data may also be at home.
			"will not perform any part of the Services from outside the Philippines, or allow Customer Data to be accessed from outside the Philippines and the United Kingdom, without the Customer's prior written consent",
		},
		"ireland": {
			"the Customer may enforce that indemnity on the new provider's behalf and recover the new provider's losses as if they were its own",
			"appointed by the Mediators' Institute of Ireland",
			// Round 4: the sub-processors approved are where the data stays.
			"hosted in Ireland",
		},
		"sole-trader": {"Signed by Amira Haddad, trading as Haddad Home Repairs",
			// Round 2: an individual is not exposed to the fixed floor, and
			// her bankruptcy or death is provided for.
			"The Provider's general limit is the greater of £250,000 and the reference Charges, and the Customer's general limit is the reference Charges",
			"or, being an individual, is made bankrupt or enters into an arrangement with creditors",
			"the agent handling hours needed"},
		"england-india": {"CERT-In (the Indian Computer Emergency Response Team)"},
		"texas":         {"workers' compensation insurance for all its staff, even where the law of the state where they work does not require it"},
		"unusual-choices": {
			"Charges a fixed monthly fee of £8,000.00, plus £24.50 per call or contact",
			"Fixed monthly fee £8,000.00", "a calendar quarter in which it is worse than that level",
			"payments by the Provider under the indemnities in clause 8.5",
			// Round 3: the cover states credits per quarter, as the clause does.
			"capped at 10% of each calendar quarter's Charges",
		},
	}
	mustNot := map[string][]string{
		"england-onshore":          {"the contacts above that margin", "Northpoint's contact centre", "only after the Customer has confirmed in writing", "in any case before exit assistance ends", "(the Customer: the Charges alone)", "share it only with staff and advisers", "the Charges forecast for the first", "for all claims together", "may enforce the indemnity given to it in clause 6.6", "in the place of receipt ("},
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
