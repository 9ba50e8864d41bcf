package cli

import (
	"os"
	"strings"
	"testing"

	"pactwright/app/answers"
	"pactwright/app/draft"
	"pactwright/app/template"
	"pactwright/app/variants"
)

// lastLine is the final line a command printed: the verdict of `check`.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

// californiaDeal is the California deal type written to a file, with set
// applied: complete and confirmed, so only its findings decide the verdict.
func californiaDeal(t *testing.T, h *harness, name string, set map[string]string) string {
	t.Helper()
	tpl := template.CallCentre()
	for _, deal := range variants.Deals(tpl) {
		if deal.Key != "california" {
			continue
		}
		for id, v := range set {
			deal.Draft.Answers[id] = answers.Value{Text: v}
		}
		b, err := draft.Marshal(tpl, deal.Draft)
		if err != nil {
			t.Fatal(err)
		}
		file := h.path(name)
		if err := os.WriteFile(file, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return file
	}
	t.Fatal("no California deal type")
	return ""
}

// TestVerdictLines: the last line of `check` on a draft that can be
// signed says what is left to read: nothing, findings that inform, or
// HIGH risks kept with a reason.
func TestVerdictLines(t *testing.T) {
	h := newHarness(t)
	// Renewal, the loss-of-profit exclusion and Californian callers left
	// unsaid are the California deal's only findings; without them
	// nothing is left.
	quiet := map[string]string{"renewal": "none", "exclude_indirect": answers.No, "california_consumers": answers.Yes,
		"delivery_sites": "the Provider's contact center in Sacramento, California, with a standby site in Fresno"}
	clean := californiaDeal(t, h, "clean.json", quiet)
	out := h.ok("check", "--strict", clean)
	mustContain(t, "check clean", out, "Findings: 0")
	if got := lastLine(out); got != "Ready for signature." {
		t.Errorf("no findings: verdict %q", got)
	}
	mustContain(t, "check --json", h.ok("check", "--json", clean), `"verdict": "Ready for signature."`)

	example := h.path("example.json")
	h.ok("example", "-o", example)
	confirmAll(t, example)
	if got, want := lastLine(h.ok("check", "--strict", example)), "Ready for signature: nothing blocks it, but read the 3 findings above (1 MEDIUM, 2 LOW) before you sign."; got != want {
		t.Errorf("MEDIUM and LOW open:\n got %q\nwant %q", got, want)
	}

	// One agent: a HIGH finding, the only one, blocks until accepted.
	quiet["agents"] = "1"
	id := firstLine(h.ok("import", californiaDeal(t, h, "one-agent.json", quiet)))
	out, _, code := h.run("check", "--strict", id)
	if code == 0 || !strings.Contains(out, "Not yet ready for signature: 1 high-risk finding is neither fixed nor accepted.") {
		t.Fatalf("an open HIGH finding: exit %d\n%s", code, out)
	}
	h.ok("accept-risk", id, "1", "--reason", "We are trying the service with low volumes.")
	if got, want := lastLine(h.ok("check", "--strict", id)), "Ready for signature with 1 accepted HIGH risk (see above)."; got != want {
		t.Errorf("accepted HIGH only:\n got %q\nwant %q", got, want)
	}

	// The same risk kept alongside findings that inform.
	delete(quiet, "renewal")
	id = firstLine(h.ok("import", californiaDeal(t, h, "one-agent-renewing.json", quiet)))
	h.ok("accept-risk", id, "1", "--reason", "We are trying the service with low volumes.")
	if got, want := lastLine(h.ok("check", "--strict", id)), "Ready for signature with 1 accepted HIGH risk (see above); also read the 1 other finding (1 LOW) before you sign."; got != want {
		t.Errorf("accepted HIGH and a LOW:\n got %q\nwant %q", got, want)
	}
}
