package forms_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"pactwright/app/agreement"
	"pactwright/app/draft"
	"pactwright/app/library"
	"pactwright/app/template"
	"pactwright/app/usecase"
	"pactwright/forms"
	"pactwright/forms/adapt"
	"pactwright/render/pdfupdate/pdfupdatetest"
)

// uiQueue stands in for fyne.Do: work for the UI goroutine is queued and
// run by drain on the test goroutine.
type uiQueue struct {
	mu sync.Mutex
	q  []func()
}

func (u *uiQueue) do(f func()) { u.mu.Lock(); u.q = append(u.q, f); u.mu.Unlock() }

func (u *uiQueue) drain() {
	for {
		u.mu.Lock()
		q := u.q
		u.q = nil
		u.mu.Unlock()
		if len(q) == 0 {
			return
		}
		for _, f := range q {
			f()
		}
	}
}

// realUI opens the example draft in a window wired to a real library and
// engine in a temporary directory, as main.go wires them.
func realUI(t *testing.T) (*forms.UI, *library.Library, int64, *uiQueue) {
	t.Helper()
	lib, err := library.Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	tpl := template.CallCentre()
	eng, err := agreement.NewEngine(tpl)
	if err != nil {
		t.Fatal(err)
	}
	// Every group confirmed, as a user who checked the example would export it.
	example := draft.Example(tpl)
	example.Confirm(tpl)
	id, err := lib.Create(example)
	if err != nil {
		t.Fatal(err)
	}
	q := &uiQueue{}
	ui := forms.New(forms.Options{App: test.NewTempApp(t), Template: tpl, Store: adapt.Store{L: lib}, SetAuthor: lib.SetAuthor, OpenLibrary: adapt.OpenLibrary(eng),
		Renderer: &adapt.Renderer{E: eng}, Documents: adapt.Documents{S: &usecase.Service{Library: lib, Engine: eng}}, Do: q.do, SaveDelay: time.Hour, PreviewDelay: time.Hour})
	if err := ui.OpenDraft(id); err != nil {
		t.Fatal(err)
	}
	waitUI(t, q, "the editor to open", func() bool { _, open := ui.OpenID(); return open })
	t.Cleanup(func() { // save and stop the editor before the library closes
		ui.ShowBrowser()
		waitUI(t, q, "the editor to close", func() bool { _, open := ui.OpenID(); return !open })
	})
	return ui, lib, id, q
}

// waitUI drains UI work until cond holds or ten seconds pass.
func waitUI(t *testing.T, q *uiQueue, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for q.drain(); !cond(); q.drain() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// waitOverlay drains UI work until the topmost dialog says want.
func waitOverlay(t *testing.T, ui *forms.UI, q *uiQueue, want string) {
	t.Helper()
	waitUI(t, q, "a dialog saying "+want, func() bool { return strings.Contains(forms.OverlayText(ui.Window()), want) })
}

// export exports the open draft to out and waits for it to finish.
func export(t *testing.T, ui *forms.UI, q *uiQueue, out string) []byte {
	t.Helper()
	result := make(chan error, 1)
	if err := ui.ExportPDFTo(out, func(err error) { result <- err }); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for len(result) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("export did not finish")
		}
		q.drain()
		time.Sleep(10 * time.Millisecond)
	}
	if err := <-result; err != nil {
		t.Fatal(err)
	}
	pdf, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	// The dialog says where the file went once, in words, and what comes
	// next: no checksums or byte counts.
	said := forms.OverlayText(ui.Window())
	if !strings.Contains(said, "was saved as "+filepath.Base(out)+" in "+filepath.Dir(out)+".") ||
		strings.Contains(said, "sha256") || strings.Contains(said, "bytes") || strings.Count(said, out) > 0 ||
		!strings.Contains(said, "Next: send it to the other party to sign") && !strings.Contains(said, "DRAFT – NOT FOR SIGNATURE") &&
			!strings.Contains(said, "This Word file is for the other side to review") {
		t.Errorf("the export dialog says:\n%s", said)
	}
	forms.TapOverlayButton(t, ui.Window(), "Close") // the "PDF exported" dialog
	return pdf
}

// TestRealLibraryMarkSigned marks a draft signed both ways the dialog
// offers, against the real library: with the signed PDF (refused when it
// is not one of this draft's exports) and on paper.
func TestRealLibraryMarkSigned(t *testing.T) {
	ui, lib, id, q := realUI(t)
	w := ui.Window()
	dir := t.TempDir()
	pdf := export(t, ui, q, filepath.Join(dir, "agreement.pdf"))

	// Another draft's export is refused, and says so.
	other, err := lib.Duplicate(id)
	if err != nil {
		t.Fatal(err)
	}
	otherPDF := append(bytes.Clone(pdf), "% another draft\n%%EOF\n"...)
	if _, err := lib.RecordExport(other, filepath.Join(dir, "other.pdf"), otherPDF); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"other.pdf": otherPDF, "elsewhere.pdf": []byte("%PDF-1.7\nmade elsewhere\n%%EOF\n")} {
		ui.ChooseFileWith(name, data)
		ui.StartMarkSigned()
		forms.TapOverlayButton(t, w, "Choose the signed PDF…")
		waitOverlay(t, ui, q, "was not exported")
		if got := forms.OverlayText(w); !strings.Contains(got, name+" was not exported from this agreement") {
			t.Fatalf("%s: the refusal says:\n%s", name, got)
		}
		forms.TapOverlayButton(t, w, "OK")
		if d, _ := lib.Get(id); d.SignedRevision != 0 {
			t.Fatalf("%s was accepted as the signed copy", name)
		}
	}

	// The export with a signature appended (an incremental update) is accepted.
	signed := pdfupdatetest.Sign(t, pdf, 0)
	ui.ChooseFileWith("signed.pdf", signed)
	ui.StartMarkSigned()
	forms.TapOverlayButton(t, w, "Choose the signed PDF…")
	waitOverlay(t, ui, q, "recorded as the signed agreement")
	if got := forms.OverlayText(w); !strings.Contains(got, "recorded as the signed agreement (signed as signed.pdf)") {
		t.Fatalf("marking signed with the PDF says:\n%s", got)
	}
	forms.TapOverlayButton(t, w, "OK")
	res, err := lib.Verify(signed)
	if err != nil || res.Match != library.MatchSigned || res.DraftID != id {
		t.Fatalf("the library does not know the signed file: %+v, %v", res, err)
	}

	// Signed on paper: the latest export counts.
	ui.StartMarkSigned()
	forms.TapOverlayButton(t, w, "Signed on paper")
	waitOverlay(t, ui, q, "recorded as the signed agreement")
	if got := forms.OverlayText(w); !strings.Contains(got, "(signed on paper)") {
		t.Fatalf("marking signed on paper says:\n%s", got)
	}
	d, err := lib.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	revs, _ := lib.History(id)
	if d.Status != library.StatusSigned || d.SignedRevision != revs[0].Number || revs[0].Kind != library.KindSigned || revs[0].SHA256 != "" {
		t.Fatalf("after signing on paper: status %s, signed revision %d, newest %+v", d.Status, d.SignedRevision, revs[0])
	}
	var exp int
	for _, r := range revs {
		if r.Kind == library.KindExport && exp == 0 {
			exp = r.Number
		}
	}
	if want := fmt.Sprintf("signed copy of revision %d", exp); revs[0].Note != want {
		t.Fatalf("signed on paper recorded %q, want %q", revs[0].Note, want)
	}
}

// TestRealLibraryAndEngine drives the window against the real SQLite
// library and agreement engine, wired as main.go wires them: the warning
// about characters the fonts lack comes before export, the export writes a
// real PDF, and the library records it.
func TestRealLibraryAndEngine(t *testing.T) {
	ui, lib, id, q := realUI(t)

	ui.SetField(t, "customer_contact_name", "Jo ☃ Smith")
	ui.StartExportPDF()
	if got := forms.OverlayText(ui.Window()); !strings.Contains(got, "U+2603") || !strings.Contains(got, "question marks (?)") {
		t.Fatalf("no warning about ☃ printing as ? before export; the dialog says:\n%s", got)
	}
	forms.TapOverlayButton(t, ui.Window(), "Cancel")
	ui.SetField(t, "customer_contact_name", "Jo Smith")

	out := filepath.Join(t.TempDir(), "agreement.pdf")
	pdf := export(t, ui, q, out)
	if !bytes.HasPrefix(pdf, []byte("%PDF")) || len(pdf) < 10_000 {
		t.Fatalf("%s is not a full PDF (%d bytes: %q…)", out, len(pdf), pdf[:min(len(pdf), 16)])
	}
	revs, err := lib.History(id)
	if err != nil {
		t.Fatal(err)
	}
	var export *library.Revision
	for i, r := range revs {
		if r.Kind == library.KindExport && r.Note == out {
			export = &revs[i]
		}
	}
	if export == nil {
		t.Fatalf("the library did not record the export: %+v", revs)
	}
	// The recorded export holds the answers the PDF was made from.
	d, err := lib.RevisionContent(id, export.Number)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Answers.Text("customer_contact_name"); got != "Jo Smith" {
		t.Fatalf("the export revision holds contact %q, want the exported %q", got, "Jo Smith")
	}
}

// TestRealLibraryImportPDF: a PDF exported from the window opens again as
// a draft in another library; in its own library the window offers the
// draft it came from instead of a copy.
func TestRealLibraryImportPDF(t *testing.T) {
	ui, lib, id, q := realUI(t)
	path := filepath.Join(t.TempDir(), "agreement.pdf")
	export(t, ui, q, path)

	got, err := ui.ImportFile(path)
	if err != nil || got != id {
		t.Fatalf("importing a PDF of a draft in the library: %d, %v", got, err)
	}
	waitOverlay(t, ui, q, "Already in your library")
	forms.TapOverlayButton(t, ui.Window(), "Yes")
	if n, _ := lib.List(""); len(n) != 1 {
		t.Fatalf("the import made a copy: %d drafts", len(n))
	}

	other, _, _, q2 := realUI(t)
	newID, err := other.ImportFile(path)
	if err != nil {
		t.Fatal(err)
	}
	waitOverlay(t, other, q2, "Imported from PDF")
	if open, ok := other.OpenID(); !ok || open != newID {
		t.Fatalf("the imported draft is not open: %d, %v", open, ok)
	}
	if got := forms.OverlayText(other.Window()); !strings.Contains(got, "the PDF says it is the agreement of draft 1") {
		t.Fatalf("the import does not say where the PDF came from:\n%s", got)
	}
}
