package agreement

import (
	"testing"

	"pactwright/app/variants"
)

// Round 9 of the independent legal review (docs/legal-review.md): each
// fixed defect asserted on the deal types that showed it.
func TestLegalReviewRound9DefectsStayFixed(t *testing.T) {
	e := engine(t)
	every := []string{
		// Agents may be hired once notice not to renew is given, too.
		"Once notice to end this agreement, or not to renew it, has been given",
		// Business Days and closed days are where the Customer is.
		"otherwise, the place of the Customer's address in clause 1",
		// Every party to a recorded call, wherever the law requires it.
		"wherever the law of the place where the caller, the agent or the recording is requires it",
		// Limits spill over, never double count; deliberate data breaches are not capped.
		"any part of it above that limit then counts against the data protection limit or the general limit, whichever applies to the claim; no amount is recovered twice",
		"or deliberate breach of its duties on Customer Data",
		// Relief is relief under the agreement, on one set of conditions.
		"must meet them in full unless relief applies under this agreement, on the conditions in clause 3.",
		// A general right of set-off.
		"The Customer may set off against any invoice a sum the Provider owes it",
		// The card clause is agreed, not "not used".
		"Card payments (PCI DSS) Agreed",
	}
	must := map[string][]string{
		"england-philippines": {
			"counts as the Customer's doing only if the importer signed it and sent it to the Customer at least 20 Business Days before the Start Date",
			"for a person who worked for an earlier provider, the Customer will pass on to the Provider the benefit of any protection it has from that provider, and pays only what it recovers under it",
		},
		"one-agent":   {"but not, without the Customer's written consent, a business that competes with the Customer's"},
		"ireland":     {"the Provider consents to that now, and the Customer is then released"},
		"sole-trader": {"A director of each party (the owner, if an individual)"},
	}
	mustNot := map[string][]string{
		// A US provider's staff are not the Customer's home team.
		"uk-customer-new-york-law": {"Account management, reporting and other work"},
		"california":               {"Card payments (PCI DSS) Not used"},
	}
	for _, deal := range variants.Deals(e.Template()) {
		text := renderText(t, e, deal.Draft)
		assertWording(t, deal.Name, text, must[deal.Key], mustNot[deal.Key])
		switch deal.Key {
		case "england-onshore", "ireland", "new-york", "california":
			assertWording(t, deal.Name, text, every, nil)
		}
	}
}
