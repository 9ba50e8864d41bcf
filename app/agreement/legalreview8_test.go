package agreement

import (
	"testing"

	"pactwright/app/variants"
)

// Round 8 of the independent legal review (docs/legal-review.md): each
// fixed defect asserted on the deal types that showed it.
func TestLegalReviewRound8DefectsStayFixed(t *testing.T) {
	e := engine(t)
	every := []string{
		// Binding from signature, live on the Start Date, a way out if late.
		"This agreement binds the parties from the day the last of them signs it. The Services go live on the Start Date",
		"If they have not gone live in full within 30 days after the Start Date",
		"invoiced with the first monthly invoice after the Services go live",
		// Hand-back counted from the move the Customer names (round 9:
		// not after exit assistance has stopped the work).
		"within the number of days shown after the date the Customer names for moving the Services to itself or a new provider",
		"Telephone numbers are ported, and knowledge transfer given, in time for that date",
		// No card numbers taken where card payments are not part of the work.
		"Agents will not take, write down, record or store payment card details",
		// Paid training is never billed twice; hours changes take effect.
		"training (which the Customer pays for only through the training fee, if at all)",
		"the change takes effect when the notice ends, without waiting for a change note",
		"bears every cost, that the law where the agents work requires for staffing these hours",
		// The IP indemnity is not capped; the cap summary says it is yearly.
		"except the one for claims that the Provider's tools infringe intellectual property rights, which is not limited",
		"for each contract year, Provider: the greater of",
	}
	// Staff data: anonymised for bidders, identities to the new employer only.
	staff := []string{"an anonymised list of the staff", "will give whoever is to employ them, at least 45 days before the transfer (in time to inform and consult staff representatives)",
		"except to replace someone who leaves or is dismissed for cause"}
	must := map[string][]string{
		"england-onshore": staff,
		"ireland":         staff,
		"england-india": {
			"The Provider will make sure that the Site Operator complies with India's Digital Personal Data Protection Act 2023",
			"Account management, reporting and other work that does not involve handling contacts may also be done by the Provider's own staff in the United Kingdom",
		},
		"sole-trader": {
			"the Provider consents to that now, and the Customer is released from every obligation under this agreement arising after the transfer",
			"37.5 hours a week for each full-time agent of capacity in clause 2.4",
			"because the Provider has kept that capacity for the Customer",
		},
		// No fixed fee for days force majeure stopped the Services.
		"unusual-choices": {"the Customer pays nothing for Services not provided because of the event, and the fixed monthly fee is reduced in proportion to the days on which the Services were not provided"},
		"new-york":        {"To the extent the Customer is a \"business\" under the California Consumer Privacy Act of 2018"},
	}
	mustNot := map[string][]string{
		"sole-trader": {"enters into an arrangement with creditors, or dies", "The Customer, being an individual, may also transfer"},
	}
	for _, deal := range variants.Deals(e.Template()) {
		text := renderText(t, e, deal.Draft)
		assertWording(t, deal.Name, text, must[deal.Key], mustNot[deal.Key])
		switch deal.Key {
		case "england-onshore", "england-india", "ireland", "new-york", "california":
			assertWording(t, deal.Name, text, every, nil)
		}
	}
}
