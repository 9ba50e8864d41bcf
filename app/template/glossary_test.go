package template

import (
	"strings"
	"testing"
)

// The help under a field whose label uses legal jargon explains the word.
func TestJargonInLabelsIsExplainedInHelp(t *testing.T) {
	tpl := CallCentre()
	meaning := map[string]string{}
	for _, term := range Glossary() {
		meaning[term.Word] = term.Meaning
	}
	for id, word := range map[string]string{
		"indemnities": "Indemnity", "force_majeure_days": "Force majeure", "tupe": "TUPE",
		"insurance_employers": "Liability", "subprocessors": "Sub-processor", "arbitration_seat": "Seat",
		"service_credits": "Service credit", "chronic_months": "Chronic failure", "exit_period": "Exit assistance",
		"pci_dss": "PCI DSS", "mediation": "Mediation",
	} {
		f, ok := tpl.Field(id)
		if !ok {
			t.Fatalf("no field %s", id)
		}
		if !strings.Contains(f.Help, meaning[word]) {
			t.Errorf("%s (%q): help does not explain %s: %q", id, f.Label, word, f.Help)
		}
		if strings.Count(f.Help, meaning[word]) > 1 {
			t.Errorf("%s: %s explained twice", id, word)
		}
	}
	f, _ := tpl.Field("sla_metrics")
	for _, c := range f.Columns {
		if c.ID == "severe" && !strings.Contains(c.Help, meaning["Material breach"]) {
			t.Errorf("the severe-miss column does not explain a material breach: %q", c.Help)
		}
	}
}

// Every glossary entry is used by some label, so the list holds no dead words.
func TestEveryGlossaryTermIsUsed(t *testing.T) {
	tpl := CallCentre()
	var labels []string
	for _, g := range tpl.Groups {
		for _, f := range g.Fields {
			labels = append(labels, strings.ToLower(f.Label))
			for _, c := range f.Columns {
				labels = append(labels, strings.ToLower(c.Label))
			}
		}
	}
	for _, term := range Glossary() {
		used := false
		for _, l := range labels {
			for _, m := range term.Matches {
				used = used || containsWord(l, m)
			}
		}
		if !used {
			t.Errorf("glossary term %q appears in no label", term.Word)
		}
	}
	if containsWord("private limited company", "vat") {
		t.Error(`"vat" found inside "private"`)
	}
}
