package draft_test

import (
	"slices"
	"strings"
	"testing"

	"pactwright/app/check"
	"pactwright/app/template"
)

// Round 5 of the legal review (report D): a version 1 draft whose agents
// turn out to be abroad keeps its "data only in the Customer's country"
// answer only as something to confirm, with the finding that says why;
// the old "Accurate forecasts" duty is asked again and flagged; a
// business outside the US is proposed no Californian callers, so no
// unanswered question is printed into its agreement.
func TestVersion1MigrationAsksAgainWhatNowReadsDifferently(t *testing.T) {
	tpl := template.CallCentre()
	offshore := v1Variant(t, "Northpoint's contact centre at Clyde Gateway, Glasgow, with a standby site in Paisley", "Makati City, Philippines")
	if got := offshore.Answers.Text("data_location"); got != "same_country" {
		t.Fatalf("the fixture's data location is %q, want same_country", got)
	}
	for _, id := range []string{"data_location", "customer_responsibilities", "california_consumers"} {
		if !slices.Contains(offshore.ToConfirm, id) {
			t.Errorf("offshore v1 draft: %s is not to confirm: %v", id, offshore.ToConfirm)
		}
	}
	if got := offshore.Answers.Text("california_consumers"); got != "no" {
		t.Errorf("a UK business's v1 draft: Californian callers %q, want no proposed", got)
	}
	findings := check.Findings(tpl, offshore.Answers)
	for _, want := range []struct{ field, says string }{
		{"data_location", "the agents work in the Philippines"},
		{"customer_responsibilities", "\"Accurate forecasts\""},
	} {
		if !slices.ContainsFunc(findings, func(f check.Finding) bool { return f.Field == want.field && strings.Contains(f.Message, want.says) }) {
			t.Errorf("offshore v1 draft: no finding on %s saying %q: %+v", want.field, want.says, findings)
		}
	}
	// At home, the data location is what was agreed and stays settled.
	onshore := v1Variant(t)
	if slices.Contains(onshore.ToConfirm, "data_location") {
		t.Errorf("an onshore v1 draft asks again about its data location: %v", onshore.ToConfirm)
	}
}
