package template

import "strings"

// Term is a legal word that can appear in a field's label, with the one
// sentence that explains it to someone who is not a lawyer.
type Term struct {
	Word    string   // as the glossary names it
	Matches []string // lower-case fragments of a label that mean this term
	Meaning string
}

// Glossary lists the jargon the form cannot avoid. Every field or column
// whose label uses a term gets its meaning added to the help, so the
// explanation is written once and never drifts between fields.
func Glossary() []Term {
	return []Term{
		{"Liability", []string{"liability"}, "Liability is a legal duty to pay for loss or damage caused to someone else."},
		{"Indirect loss", []string{"indirect loss"}, "Indirect losses are knock-on losses, such as lost profits, that do not follow naturally and directly from a breach."},
		{"Indemnity", []string{"indemnit"}, "An indemnity is a promise to pay the other side's losses and costs if a particular kind of claim is made against it."},
		{"Force majeure", []string{"force majeure"}, "Force majeure means events outside anyone's control, such as natural disasters or war, that excuse delays while they last."},
		{"TUPE", []string{"tupe"}, "TUPE is the UK law under which staff working on a service move automatically, with their employment terms, when the service changes hands."},
		{"Sub-processor", []string{"sub-processor"}, "A sub-processor is another company the provider uses to handle your customers' personal data, such as a cloud phone system."},
		{"Subcontracting", []string{"subcontract"}, "Subcontracting means the provider passing part of the work to another company."},
		{"PCI DSS", []string{"pci dss"}, "PCI DSS is the card industry's security standard for anyone who handles card numbers."},
		{"Mediation", []string{"mediation"}, "Mediation is a meeting led by a neutral person who helps both sides settle; nothing binds them until they agree."},
		{"Arbitration", []string{"arbitrat"}, "Arbitration is a private hearing before one or more arbitrators whose decision binds both sides and is enforced like a court judgment."},
		{"Seat", []string{"seat"}, "The seat is the place whose law and courts oversee an arbitration, wherever the hearings are held."},
		{"Service credit", []string{"service credit", "credits"}, "A service credit is a reduction of the invoice when a target is missed."},
		{"Chronic failure", []string{"chronic failure"}, "Chronic failure means targets missed so often that you may end the agreement."},
		{"Material breach", []string{"material breach"}, "A material breach is a breach serious enough to justify ending the agreement."},
		{"Exit assistance", []string{"exit assistance"}, "Exit assistance is the provider's help in moving the work to you or a new provider when the agreement ends."},
		{"Counterparts", []string{"counterparts"}, "Counterparts are separate signed copies of the agreement that together count as one."},
		{"Signatory", []string{"signatory"}, "A signatory is the person who signs for a party; they must have authority to commit it."},
		{"Escalation", []string{"escalation"}, "Escalation means passing a disagreement up to more senior people on each side."},
		{"VAT", []string{"vat"}, "VAT and sales tax are taxes that are added to the price of services."},
	}
}

// explain adds to help the meaning of every glossary term the label uses
// and the help does not already explain.
func explain(glossary []Term, label, help string) string {
	lower := strings.ToLower(label)
	for _, term := range glossary {
		for _, m := range term.Matches {
			if containsWord(lower, m) && !strings.Contains(help, term.Meaning) {
				help = strings.TrimSpace(help) + " " + term.Meaning
				break
			}
		}
	}
	return help
}

// containsWord reports whether fragment starts a word of s, so that "vat"
// is found in "exclude VAT" but not in "private".
func containsWord(s, fragment string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], fragment)
		if j < 0 {
			return false
		}
		at := i + j
		if at == 0 || !isLetter(s[at-1]) {
			return true
		}
		i = at + 1
	}
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// explainJargon runs explain over every field and column of the template.
func explainJargon(t *Template) {
	glossary := Glossary()
	for gi := range t.Groups {
		for fi := range t.Groups[gi].Fields {
			f := &t.Groups[gi].Fields[fi]
			f.Help = explain(glossary, f.Label, f.Help)
			for ci := range f.Columns {
				c := &f.Columns[ci]
				c.Help = explain(glossary, c.Label, c.Help)
			}
		}
	}
}
