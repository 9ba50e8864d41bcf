package check

import (
	"slices"
	"strings"
	"testing"

	"pactwright/app/template"
)

// TestFindingSeverities: the findings a reviewer judged under-rated carry
// the severity the risk deserves. Each names a case of ruleCases by name.
func TestFindingSeverities(t *testing.T) {
	want := map[string]Severity{
		"UK customer, agents offshore":                Medium,
		"Court of Session alone":                      Medium,
		"sole trader for three years":                 Medium,
		"one agent":                                   High,
		"US customer silent on Californians":          Low,
		"Californian customer silent on Californians": Low,
		"agents abroad, transfer instrument to sign":  Medium,
		"UK customer in New York courts":              Medium,
		"hours on another country's clock":            Medium,
		"targets judged quarterly":                    Medium,
		"English courts under New York law":           High,
		"courts of another law":                       High,
		"limited company in a US state":               High,
		"UK index in a US deal":                       Medium,
		"UK index in an Irish deal":                   Medium,
		// Round 7 of the legal review.
		"UK agents, no staff transfer terms":             Medium,
		"Irish agents, staff transfer on entry":          Medium,
		"UK agents, staff transfer on entry":             Medium,
		"automatic renewal, 60 days' notice":             Low,
		"automatic renewal":                              Low,
		"three shared agents for three years":            Medium,
		"set-up fee above a month for two shared agents": Medium,
		"uncapped indemnities, small cyber insurance":    Medium,
		"indemnity limit answered but unlimited":         Low,
		"loss of profit excluded both ways":              Low,
		"extras per agent hour, price per contact":       Medium,
	}
	tpl := template.CallCentre()
	for _, c := range allCases() {
		sev, ok := want[c.name]
		if !ok {
			continue
		}
		delete(want, c.name)
		got := Findings(tpl, c.apply(tpl))
		i := slices.IndexFunc(got, func(f Finding) bool {
			return (c.field == "" || f.Field == c.field) && strings.Contains(f.Message, c.says)
		})
		if i < 0 {
			t.Errorf("%s: no finding on %q saying %q", c.name, c.field, c.says)
			continue
		}
		if got[i].Severity != sev {
			t.Errorf("%s: severity %s, want %s (%s)", c.name, got[i].Severity, sev, got[i].Message)
		}
	}
	for name := range want {
		t.Errorf("no rule case named %q", name)
	}
}
