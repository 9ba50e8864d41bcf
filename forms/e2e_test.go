package forms_test

import (
	"bytes"
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
	"pactwright/forms"
	"pactwright/forms/adapt"
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

// TestRealLibraryAndEngine drives the window against the real SQLite
// library and agreement engine, wired as main.go wires them: the warning
// about characters the fonts lack comes before export, the export writes a
// real PDF, and the library records it.
func TestRealLibraryAndEngine(t *testing.T) {
	dir := t.TempDir()
	lib, err := library.Open(filepath.Join(dir, "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	tpl := template.CallCentre()
	eng, err := agreement.NewEngine(tpl)
	if err != nil {
		t.Fatal(err)
	}
	id, err := lib.Create(draft.Example(tpl))
	if err != nil {
		t.Fatal(err)
	}
	var q uiQueue
	ui := forms.New(forms.Options{App: test.NewTempApp(t), Template: tpl, Store: adapt.Store{L: lib},
		Renderer: &adapt.Renderer{E: eng}, Do: q.do, SaveDelay: time.Hour, PreviewDelay: time.Hour})
	if err := ui.OpenDraft(id); err != nil {
		t.Fatal(err)
	}
	defer ui.ShowBrowser() // flushes and stops the editor's saver

	ui.SetField(t, "customer_contact_name", "Jo ☃ Smith")
	ui.StartExportPDF()
	if got := forms.OverlayText(ui.Window()); !strings.Contains(got, "U+2603") {
		t.Fatalf("no warning about ☃ before export; the dialog says:\n%s", got)
	}
	ui.SetField(t, "customer_contact_name", "Jo Smith")

	out := filepath.Join(dir, "agreement.pdf")
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
