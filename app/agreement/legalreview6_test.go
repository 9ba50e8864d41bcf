package agreement

import (
	"testing"

	"pactwright/app/variants"
)

// Round 6 of the independent legal review (docs/legal-review.md): each
// fixed defect asserted on the deal type that showed it.
func TestLegalReviewRound6DefectsStayFixed(t *testing.T) {
	e := engine(t)
	must := map[string][]string{
		"england-onshore": {
			// Location is the second clause under Staffing and location.
			"in either case only in a country where clause 2.5 allows work to be done",
			// Schedule 2 uses clause 4's measure and says when exit is free.
			"Per billable agent hour (clause 4.1)", "Hours above the approved staffing plan",
			"except that it is free of charge where clause 6.4 says so",
		},
		"england-india": {
			// The entry indemnity and the staff-claims indemnity do not meet.
			"arising from their work or its end, except to the extent clause 6.6 gives the Provider an indemnity for them",
			// The staff terms the agreement has are agreed, not unused.
			"Transfer of staff Agreed",
		},
		"new-south-wales": {"Northpoint Contact Solutions Pty Ltd, a proprietary company registered in Australia"},
		"unusual-choices": {
			"If the Provider ends this agreement in this way, exit assistance beyond the normal Services (which the Customer keeps paying for as usual) is free of charge, and the Provider refunds the set-up fee",
			"after which the Provider may add to its next invoice the amount of that Service Credit, within the limit below",
		},
	}
	mustNot := map[string][]string{
		// "New South Wales" is not Wales: no UK insolvency law between two Australian companies.
		"new-south-wales": {"section 233B", "for a party registered in the United Kingdom"},
		// Only the Customer is indemnified where there are no staff terms on exit.
		"new-york":      {"to the Customer and any new provider together", "Per agent hour worked"},
		"england-india": {"Transfer of staff Not used in this agreement"},
	}
	for _, deal := range variants.Deals(e.Template()) {
		if must[deal.Key] == nil && mustNot[deal.Key] == nil {
			continue
		}
		assertWording(t, deal.Name, renderText(t, e, deal.Draft), must[deal.Key], mustNot[deal.Key])
	}
}
