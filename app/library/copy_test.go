package library

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"pactwright/app/answers"
	"pactwright/app/library/pgtest"
	"pactwright/render/pdfupdate/pdfupdatetest"
)

// signedLibrary fills l with what a copy must carry: a signed agreement
// with its signed PDF and a signed amendment, a draft in the trash, and
// a draft with an amendment being prepared. It returns the signed PDFs.
func signedLibrary(t *testing.T, l *Library) [][]byte {
	t.Helper()
	l.SetAuthor("Ann Owner")
	id, err := l.Create(exampleDraft())
	if err != nil {
		t.Fatal(err)
	}
	pdf := pdfupdatetest.Export(t, "agreement")
	if _, err := l.RecordExport(id, "agreement.pdf", pdf); err != nil {
		t.Fatal(err)
	}
	signed := pdfupdatetest.Sign(t, pdf, 1)
	if _, _, err := l.MarkSignedPDF(id, signed); err != nil {
		t.Fatal(err)
	}
	d := mustGet(t, l, id)
	v, err := l.Autosave(id, edit(d.Content, "payment_days", answers.Value{Text: "45", Unit: "days"}), d.Version)
	if err != nil {
		t.Fatal(err)
	}
	n, amends, err := l.NextAmendment(id)
	if err != nil {
		t.Fatal(err)
	}
	amendment := pdfupdatetest.Export(t, "amendment 1")
	terms := AmendmentTerms{Effective: "2027-06-01", Reason: "volumes"}
	if _, err := l.RecordAmendmentExport(id, v, "amendment.pdf", amendment, n, amends, terms); err != nil {
		t.Fatal(err)
	}
	signedAmendment := pdfupdatetest.Sign(t, amendment, 1)
	if _, _, err := l.MarkSignedPDF(id, signedAmendment); err != nil {
		t.Fatal(err)
	}
	trashed, err := l.Create(exampleDraft())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.SaveRevision(trashed, "before deleting"); err != nil {
		t.Fatal(err)
	}
	if err := l.Delete(trashed); err != nil {
		t.Fatal(err)
	}
	if err := l.SetAmendmentTerms(id, AmendmentTerms{Effective: "2028-01-01"}); err != nil {
		t.Fatal(err)
	}
	return [][]byte{pdf, signed, amendment, signedAmendment}
}

// snapshot is everything a user can read from a library, as JSON.
func snapshot(t *testing.T, l *Library) string {
	t.Helper()
	var out []any
	all, err := l.List("")
	if err != nil {
		t.Fatal(err)
	}
	trash, err := l.Trash()
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, all, trash)
	for _, s := range append(all, trash...) {
		d := mustGet(t, l, s.ID)
		hist, err := l.History(s.ID)
		if err != nil {
			t.Fatal(err)
		}
		chain, err := l.Chain(s.ID)
		if err != nil {
			t.Fatal(err)
		}
		pending, _, err := l.PendingAmendment(s.ID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, d, d.Content.Answers, hist, chain, pending)
	}
	b, err := json.MarshalIndent(out, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestCopyRoundTrip: SQLite to PostgreSQL and back keeps everything, and
// each copy still recognises every signed PDF.
func TestCopyRoundTrip(t *testing.T) {
	dir := t.TempDir()
	src, err := Open(filepath.Join(dir, "source.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	pdfs := signedLibrary(t, src)
	want := snapshot(t, src)

	pg, err := Open(pgtest.Location(t))
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	back, err := Open(filepath.Join(dir, "back.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()

	for _, step := range []struct{ from, to *Library }{{src, pg}, {pg, back}} {
		rep, err := Copy(step.from, step.to)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Count("drafts") != 2 || rep.Count("revisions") < 5 || rep.Count("amendment_exports") != 1 || rep.PDFs < 4 {
			t.Errorf("copy %s → %s: %+v", step.from.Path(), step.to.Path(), rep)
		}
		if got := snapshot(t, step.to); got != want {
			t.Errorf("the copy in %s reads differently: %s", step.to.Path(), firstDifference(got, want))
		}
		for i, pdf := range pdfs {
			a, _ := step.from.Verify(pdf)
			b, err := step.to.Verify(pdf)
			if err != nil || !reflect.DeepEqual(a, b) || b.Match == MatchNone {
				t.Errorf("PDF %d: verify in the copy %+v (%v), in the source %+v", i, b, err, a)
			}
		}
	}
	// New drafts in the copies get new ids.
	for _, l := range []*Library{pg, back} {
		if id, err := l.Create(exampleDraft()); err != nil || id != 3 {
			t.Errorf("a new draft in the copy %s: id %d, %v; want 3", l.Path(), id, err)
		}
	}
	// Copying into a library that has drafts is refused.
	if _, err := Copy(src, back); err == nil || !strings.Contains(err.Error(), "already holds 3 drafts") {
		t.Errorf("copy into a library with drafts: %v", err)
	}
	if errors.Is(err, ErrConflict) {
		t.Error("refusal reads as a conflict")
	}
}

func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d is %q, want %q", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(g), len(w))
}
