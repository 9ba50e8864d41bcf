package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
)

func TestCreditsFromLibraryDraft(t *testing.T) {
	h := newHarness(t)
	id := firstLine(h.ok("new", "--example"))
	csv := h.path("march.csv")
	if err := os.WriteFile(csv, []byte("metric,value\ncharges,\"42,000.00\"\nCalls answered within the answer time,76%\nabandonment,6%\nasa,28\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	pdf := h.path("statement.pdf")
	out := h.ok("credits", id, "--month", csv, "-o", pdf)
	mustContain(t, "credits", out, "£2,100.00", "£1,680.00", "Credits £3,780.00", "deduct £3,780.00 from the next invoice (clause 3.", "not reported")

	var res struct {
		Months []struct {
			Payable string `json:"payable"`
			Lines   []struct {
				ID     string `json:"id"`
				Met    bool   `json:"met"`
				Amount string `json:"credit_amount"`
			} `json:"lines"`
		} `json:"months"`
	}
	if err := json.Unmarshal([]byte(h.ok("credits", "--json", id, "--month", csv)), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Months) != 1 || res.Months[0].Payable != "3780.00" || res.Months[0].Lines[0].Amount != "2100.00" {
		t.Errorf("JSON: %+v", res)
	}
	text, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	mustContain(t, "statement", strings.Join(strings.Fields(string(text)), " "), "Service credit statement", "So deduct £3,780.00 from the next invoice.")
}

func TestCreditsExplainsBadInput(t *testing.T) {
	h := newHarness(t)
	draftFile := h.path("d.json")
	h.ok("example", "-o", draftFile)
	if _, _, code := h.run("credits", draftFile); code != exitUsage {
		t.Errorf("credits without --month: exit %d, want %d", code, exitUsage)
	}
	csv := h.path("bad.csv")
	os.WriteFile(csv, []byte("metric,value\ncharges,100\nspeed,3\n"), 0o600)
	_, errs, code := h.run("credits", draftFile, "--month", csv)
	if code != exitError || !strings.Contains(errs, `line 3: "speed" is not a measure`) {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}
