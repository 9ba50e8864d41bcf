package library

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"pactwright/render/pdfupdate/pdfupdatetest"
)

// TestSecondSigningRefused: Ann and Bob each hold a differently signed
// copy of the same export and mark it signed at the same moment. One
// marking wins; the other is refused with who marked it and when, and the
// library keeps exactly one signed copy of the export.
func TestSecondSigningRefused(t *testing.T) {
	eachBackend(t, func(t *testing.T, be backend) {
		ann, bob, id := annAndBob(t, be)
		pdf := pdfupdatetest.Export(t, "the agreement")
		if _, err := ann.RecordExport(id, "agreement.pdf", pdf); err != nil {
			t.Fatal(err)
		}
		copies := map[*Library][]byte{ann: pdfupdatetest.Sign(t, pdf, 0), bob: pdfupdatetest.Sign(t, pdf, 1)}
		errs := map[*Library]error{}
		var mu sync.Mutex
		var wg sync.WaitGroup
		for l, signed := range copies {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, _, err := l.MarkSignedPDF(id, signed)
				mu.Lock()
				errs[l] = err
				mu.Unlock()
			}()
		}
		wg.Wait()

		winner, loser, who := ann, bob, "Ann Owner"
		if errs[ann] != nil {
			winner, loser, who = bob, ann, "Bob Ops"
		}
		if errs[winner] != nil {
			t.Fatalf("both markings refused: %v; %v", errs[ann], errs[bob])
		}
		var already *AlreadySignedError
		if !errors.As(errs[loser], &already) || !errors.Is(errs[loser], ErrAlreadySigned) {
			t.Fatalf("second marking: %v, want an *AlreadySignedError", errs[loser])
		}
		msg := errs[loser].Error()
		for _, want := range []string{"already marked signed by " + who, already.At.Format("2006-01-02 15:04:05") + " UTC", "which PDF is the signed one"} {
			if !strings.Contains(msg, want) {
				t.Errorf("refusal %q lacks %q", msg, want)
			}
		}
		hist, err := loser.History(id)
		if err != nil {
			t.Fatal(err)
		}
		var signings int
		for _, r := range hist {
			if r.Kind == KindSigned {
				signings++
			}
		}
		if signings != 1 {
			t.Errorf("%d signed revisions, want 1: %+v", signings, hist)
		}
		if res, _ := loser.Verify(copies[winner]); res.Match != MatchSigned {
			t.Errorf("the winner's copy verifies as %v, want the signed copy", res.Match)
		}

		// Marking the winner's copy again is harmless, and a new export (an
		// amendment) can be signed by the one who was refused.
		if _, _, err := loser.MarkSignedPDF(id, copies[winner]); err != nil {
			t.Errorf("marking the same signed copy again: %v", err)
		}
		amendment := pdfupdatetest.Export(t, "amendment 1")
		if _, err := loser.RecordExport(id, "amendment.pdf", amendment); err != nil {
			t.Fatal(err)
		}
		if _, _, err := loser.MarkSignedPDF(id, pdfupdatetest.Sign(t, amendment, 0)); err != nil {
			t.Errorf("signing a later export: %v", err)
		}
	})
}
