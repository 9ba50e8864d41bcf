package agreement

import (
	"testing"

	"pactwright/app/variants"
)

// Round 11 of the independent legal review (docs/legal-review.md): each
// fixed defect asserted on the deal types that showed it.
func TestLegalReviewRound11DefectsStayFixed(t *testing.T) {
	e := engine(t)
	every := []string{
		// Hours added by notice are not priced as out-of-hours cover.
		"not at the rate for cover outside the hours of operation",
		// The cover shows the one indemnity without a limit, and every
		// breach the separate limit covers.
		"(without limit for intellectual property claims)",
		"data protection, security or confidentiality breaches: 2",
		// Data and scripts reach the new provider before the move.
		"CSV with field notes: full copy before, update on the day",
		// A breach notice leaves a record of when it was given.
		"(in writing to the Customer's contact in clause 1, and by telephone as well when it is urgent)",
	}
	must := map[string][]string{
		"england-onshore": {"at least 45 days before the transfer (in time to inform and consult staff representatives)"},
		"new-york":        {"which the person chatting accepts before the chat goes on"},
	}
	for _, deal := range variants.Deals(e.Template()) {
		text := renderText(t, e, deal.Draft)
		assertWording(t, deal.Name, text, must[deal.Key], []string{"which the customer accepts before the chat"})
		switch deal.Key {
		case "england-onshore", "new-york", "ireland":
			assertWording(t, deal.Name, text, every, nil)
		}
	}
}
