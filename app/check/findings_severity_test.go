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
		"UK customer, agents offshore":       Medium,
		"Court of Session alone":             Medium,
		"sole trader for three years":        Medium,
		"one agent":                          High,
		"US customer silent on Californians": Medium,
		"UK customer in New York courts":     Medium,
		"hours on another country's clock":   Medium,
		"targets judged quarterly":           Medium,
		"English courts under New York law":  High,
		"courts of another law":              High,
		"limited company in a US state":      High,
	}
	tpl := template.CallCentre()
	for _, c := range ruleCases() {
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
