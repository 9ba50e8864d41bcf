package check

import (
	"strings"
	"testing"

	"pactwright/app/answers"
)

// noticeLongerThanTermCase makes noticeLongerThanTerm fire for the rule
// tests in rules_fire_test.go.
var noticeLongerThanTermCase = ruleCase{"notice to stop renewal longer than the term",
	answers.Answers{"renewal": text("automatic"), "initial_term": span("6", "months"), "non_renewal_notice": span("200", "days")},
	"non_renewal_notice", "as long as the initial term (6 months) or longer"}

// TestNoticeLongerThanTerm: a notice period as long as the initial term
// is named, for renewal and for ending without a reason.
func TestNoticeLongerThanTerm(t *testing.T) {
	tpl, base := example()
	a := base.Clone()
	a["renewal"] = text("automatic")
	a["initial_term"] = span("6", "months")
	a["non_renewal_notice"] = span("200", "days")
	a["convenience"] = text("either")
	a["convenience_notice"] = span("200", "days")
	want := map[string]string{
		"non_renewal_notice": "The notice to stop renewal (200 days) is as long as the initial term (6 months) or longer",
		"convenience_notice": "The notice to end without a reason (200 days) is as long as the initial term (6 months) or longer",
	}
	got := Findings(tpl, a)
	for _, f := range got {
		if w, ok := want[f.Field]; ok && strings.HasPrefix(f.Message, w) {
			delete(want, f.Field)
		}
	}
	for field, w := range want {
		t.Errorf("no finding on %s starting %q in %+v", field, w, got)
	}
	for _, f := range Findings(tpl, base) {
		if strings.Contains(f.Message, "as long as the initial term") {
			t.Errorf("the example draft gets %q", f.Message)
		}
	}
}
