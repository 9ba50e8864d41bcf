package library

import (
	"errors"
	"testing"

	"pactwright/app/answers"
)

// TestAmendmentNumbering: an amendment's number is one more than those
// already signed, a re-export of an unsigned amendment keeps its number,
// and the chain lists the agreement then each signed amendment.
func TestAmendmentNumbering(t *testing.T) {
	eachBackend(t, func(t *testing.T, be backend) {
		l, _ := openOn(t, be)
		id, err := l.Create(example(t))
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := l.NextAmendment(id); !errors.Is(err, ErrNoAmendment) {
			t.Fatalf("an unsigned draft has an amendment number: %v", err)
		}
		if _, err := l.RecordExport(id, "a.pdf", fakePDF("agreement")); err != nil {
			t.Fatal(err)
		}
		if _, err := l.MarkSigned(id); err != nil {
			t.Fatal(err)
		}
		terms := AmendmentTerms{Effective: "2027-06-01", Reason: "volumes"}
		for i, name := range []string{"first try", "typo fixed"} {
			d := mustGet(t, l, id)
			v, err := l.Autosave(id, edit(d.Content, "payment_days", answers.Value{Text: "4" + string(rune('5'+i)), Unit: "days"}), d.Version)
			if err != nil {
				t.Fatal(err)
			}
			n, amends, err := l.NextAmendment(id)
			if err != nil || n != 1 {
				t.Fatalf("%s: number %d, %v", name, n, err)
			}
			if _, err := l.RecordAmendmentExport(id, v, name+".pdf", fakePDF(name), n, amends, terms); err != nil {
				t.Fatal(err)
			}
		}
		if err := l.SetAmendmentTerms(id, terms); err != nil {
			t.Fatal(err)
		}
		signed, err := l.MarkSigned(id) // the latest export: the fixed amendment
		if err != nil {
			t.Fatal(err)
		}
		if k, err := l.ExportKindOf(id, signed.Number); err != nil || k.Amendment != 1 || k.Effective != "2027-06-01" {
			t.Fatalf("the signed amendment reads as %+v, %v", k, err)
		}
		if _, pending, _ := l.PendingAmendment(id); pending {
			t.Error("the amendment's terms stay pending after it was signed")
		}
		if n, _, err := l.NextAmendment(id); err != nil || n != 2 {
			t.Fatalf("next amendment %d, %v; want 2", n, err)
		}
		chain, err := l.Chain(id)
		if err != nil || len(chain) != 2 || chain[0].Amendment != 0 || chain[1].Amendment != 1 || chain[1].Revision != signed.Number {
			t.Fatalf("chain %+v, %v", chain, err)
		}
		if chain[0].SHA256 == "" {
			t.Error("the agreement signed on paper has no fingerprint of the export that was printed")
		}
	})
}
