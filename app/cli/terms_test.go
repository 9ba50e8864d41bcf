package cli

import (
	"os"
	"strings"
	"testing"
)

// TestCreditsOnSignedTerms: after signature, credits judge the month
// against the signed target (80%), not an amendment still in the working
// copy (85%); before signature they say the terms are not yet agreed.
func TestCreditsOnSignedTerms(t *testing.T) {
	h := newHarness(t)
	id := firstLine(h.ok("new", "--example"))
	csv := h.path("march.csv")
	if err := os.WriteFile(csv, []byte("month,metric,value\n2027-03,charges,42000.00\n2027-03,service_level,82%\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "credits before signature", h.ok("credits", id, "--month", csv), "On draft terms, not yet agreed.")

	h.ok("export", id, "-o", h.path("agreement.pdf"))
	h.ok("mark-signed", id)
	ex := h.path("changed.json")
	h.ok("export", id, "-o", ex)
	replaceIn(t, ex, `"metric":"service_level","severe":"60","target":"80"`, `"metric":"service_level","severe":"60","target":"85"`)
	h.ok("import", "--into", id, ex)

	out := h.ok("credits", id, "--month", csv)
	mustContain(t, "credits after signature", out, "On the signed agreement (revision")
	judged := false
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "Calls answered within the answer time") {
			judged = true
			if !strings.HasSuffix(strings.TrimSpace(line), "met") {
				t.Errorf("82%% against the signed 80%%: %q", line)
			}
		}
	}
	if !judged {
		t.Errorf("no service level line in:\n%s", out)
	}
	mustContain(t, "market after signature", h.ok("market", id), "(the signed agreement (revision")
}
