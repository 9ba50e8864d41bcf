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
			"assigns to the Customer, by way of assignation (so far as Scots law applies",
		},
		"england-india": {
			"If, although the Services are performed outside the United Kingdom, anyone's employment transfers to the Provider",
		},
	}
	mustNot := map[string][]string{
		"new-york":        {"If, although the Services are performed outside"},
		"england-onshore": {"If, although the Services are performed outside", "prorogate", "assignation"},
		"scotland":        {"Court of Session", "by way of present assignment"},
	}
	for _, deal := range variants.Deals(e.Template()) {
		if must[deal.Key] == nil && mustNot[deal.Key] == nil {
			continue
		}
		assertWording(t, deal.Name, renderText(t, e, deal.Draft), must[deal.Key], mustNot[deal.Key])
	}
}
