package agreement

import (
	"testing"

	"pactwright/app/variants"
)

// Round 10 of the independent legal review (docs/legal-review.md): each
// fixed defect asserted on the deal types that showed it.
func TestLegalReviewRound10DefectsStayFixed(t *testing.T) {
	e := engine(t)
	every := []string{
		// Agents are told, not asked: consent is no lawful basis for staff.
		"will tell each agent in writing that their calls and chats are recorded",
		// Changes by notice are not voided by the written-change rule.
		"except a change this agreement lets a party make by notice",
		// Claims-made covers run as long as claims can come.
		"six years for professional indemnity and cyber cover",
		// A transfer in breach does not take effect.
		"A transfer made in breach of this clause is void.",
		// Added hours have a price until the change note.
		"hours added are charged at the main rate in Schedule 2",
		// Knowledge transfer is done by the move, not after it.
		"Workshops and shadowing, done by then",
	}
	must := map[string][]string{
		"england-india": {"CIN U74999MH2019PTC187654", "Only what callers volunteer and agents do not ask for"},
		"unusual-choices": {"exit assistance beyond the normal Services (which the Customer keeps paying for as usual) is free of charge",
			"the Provider may add to its next invoice the amount of that Service Credit, within the limit below"},
	}
	mustNot := []string{"written consent to being recorded"}
	for _, deal := range variants.Deals(e.Template()) {
		text := renderText(t, e, deal.Draft)
		assertWording(t, deal.Name, text, must[deal.Key], mustNot)
		switch deal.Key {
		case "england-onshore", "ireland", "new-york", "england-india":
			assertWording(t, deal.Name, text, every, nil)
		}
	}
}
