package forms

import (
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"pactwright/app/answers"
)

// These tests hold the store the way another process holding a SQLite lock
// does, and check that the UI goroutine (here the test goroutine, which
// drains the harness's queue) never waits for it.

// returnsPromptly runs f, which must not wait for the store. If it does,
// release unblocks it after a while, so the test fails instead of hanging.
func returnsPromptly(t *testing.T, what string, release func(), f func()) {
	t.Helper()
	rescue := time.AfterFunc(5*time.Second, release)
	defer rescue.Stop()
	start := time.Now()
	f()
	if d := time.Since(start); d > time.Second {
		t.Fatalf("%s held the UI goroutine for %v waiting for the store", what, d)
	}
}

func savedCustomer(t *testing.T, h *harness, id int64) string {
	t.Helper()
	sd, err := h.store.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	return sd.Content.Answers.Text("customer_name")
}

func TestCloseWaitsForSlowSaveWithoutBlockingUI(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	release := h.store.BlockAutosave()
	defer release()
	e.entry(t, "customer_name").SetText("Slow Disk Ltd")

	returnsPromptly(t, "File ▸ Close", release, h.ui.close)
	h.waitForOverlay("Saving your changes…")
	h.ui.close() // asked again: neither closes nor starts a second save
	h.drain()
	if h.ui.editor != e {
		t.Fatal("the window closed before its answers were saved")
	}

	release()
	h.waitFor("the window to close after the save", func() bool { return h.ui.editor == nil })
	if got := savedCustomer(t, h, e.id); got != "Slow Disk Ltd" {
		t.Fatalf("saved on close: %q", got)
	}
	if h.ui.busy || h.ui.closeWanted {
		t.Fatalf("left busy=%v closeWanted=%v", h.ui.busy, h.ui.closeWanted)
	}
}

// TestActionsWaitForSlowSave starts each action that needs the answers
// saved while the store is held: the action returns at once, says it is
// saving, and goes ahead once the store lets the save through.
func TestActionsWaitForSlowSave(t *testing.T) {
	type action struct {
		name     string
		start    func(t *testing.T, e *editor)
		finished func(e *editor) bool
	}
	var (
		historyShown bool
		exported     bool
		exportErr    error
		pdf          = &memWriter{}
	)
	actions := []action{
		{"history", func(t *testing.T, e *editor) {
			historyShown = false
			e.historyDialog().open(func(*historyView) { historyShown = true })
		}, func(*editor) bool { return historyShown }},
		{"save version", func(t *testing.T, e *editor) {
			e.saveVersion()
			tapOverlayButton(t, e.ui.win, "Save")
		}, func(e *editor) bool { return strings.HasPrefix(e.status.Text, "Saved as version") }},
		{"mark signed on paper", func(t *testing.T, e *editor) {
			e.signing().record("", nil)
		}, func(e *editor) bool { return e.signed }},
		{"export", func(t *testing.T, e *editor) {
			exported = false
			e.exportDialog().exportTo(pdf, "/tmp/slow.pdf", ExportAgreement, func(err error) { exported, exportErr = true, err })
		}, func(*editor) bool { return exported }},
		{"all drafts", func(t *testing.T, e *editor) {
			e.ui.ShowBrowser()
		}, func(e *editor) bool { return e.ui.editor == nil && e.ui.browser != nil }},
	}
	for _, a := range actions {
		t.Run(a.name, func(t *testing.T) {
			h := newHarness(t)
			e := h.openExample()
			e.ui.win.Resize(fyne.NewSize(1280, 800))
			release := h.store.BlockAutosave()
			defer release()
			e.entry(t, "customer_name").SetText("Slow Disk Ltd")

			returnsPromptly(t, a.name, release, func() { a.start(t, e) })
			h.waitForOverlay("Saving your changes…")
			if a.finished(e) {
				t.Fatal("the action went ahead before the answers were saved")
			}
			release()
			h.waitFor(a.name+" after the save", func() bool { return a.finished(e) })
			if got := savedCustomer(t, h, e.id); got != "Slow Disk Ltd" {
				t.Fatalf("saved %q", got)
			}
			if strings.Contains(overlayText(h.ui.win), "Saving your changes") {
				t.Fatal("the saving dialog stayed up")
			}
		})
	}
	if exportErr != nil || !strings.Contains(pdf.String(), "Slow Disk Ltd") {
		t.Fatalf("export: %v; PDF %q", exportErr, pdf.String())
	}
}

func TestFailedSaveStopsTheActionAndKeepsAnswers(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	h.store.SetFail(errors.New("disk full"))
	e.entry(t, "customer_name").SetText("Kept Ltd")

	shown := false
	e.historyDialog().open(func(*historyView) { shown = true })
	h.waitForOverlay("History: disk full")
	if shown || !e.saver.Dirty() || e.d.Answers.Text("customer_name") != "Kept Ltd" {
		t.Fatalf("history shown=%v, answers held=%v", shown, e.saver.Dirty())
	}
	tapOverlayButton(t, h.ui.win, "OK")

	h.ui.ShowBrowser()
	h.waitForOverlay("stays open")
	if h.ui.editor != e || h.ui.browser != nil {
		t.Fatal("the editor was left although its answers could not be saved")
	}
}

// closeUnsaved types an answer the store refuses and asks to close.
func closeUnsaved(t *testing.T) (*harness, *editor) {
	h := newHarness(t)
	e := h.openExample()
	h.store.SetFail(errors.New("database is locked"))
	e.entry(t, "customer_name").SetText("Locked Ltd")
	h.ui.close()
	h.waitForOverlay("Close anyway and lose them?")
	if h.ui.editor != e {
		t.Fatal("closed with unsaved answers without asking")
	}
	return h, e
}

func TestCloseQuestionGoesWhenRetrySucceeds(t *testing.T) {
	h, e := closeUnsaved(t)
	h.store.SetFail(nil)
	// The saver retries with back-off (1 s after the first failure).
	h.waitWithin(5*time.Second, "the window to close once a retry saved the answers", func() bool { return h.ui.editor == nil })
	if got := savedCustomer(t, h, e.id); got != "Locked Ltd" {
		t.Fatalf("saved %q", got)
	}
	if h.ui.closeAsk != nil || strings.Contains(overlayText(h.ui.win), "lose them") {
		t.Fatal("the question about losing the answers stayed up")
	}
}

func TestCloseAnywayRechecksTheSaver(t *testing.T) {
	h, e := closeUnsaved(t)
	h.store.SetFail(nil)
	if err := e.saver.Flush(); err != nil { // saved; the report waits in the UI queue
		t.Fatal(err)
	}
	tapOverlayButton(t, h.ui.win, "Close and lose them")
	if h.ui.editor != nil {
		t.Fatal("the window did not close")
	}
	h.drain()
	if got := savedCustomer(t, h, e.id); got != "Locked Ltd" {
		t.Fatalf("saved %q", got)
	}
}

func TestCloseAnywayLosesOnlyWhenAsked(t *testing.T) {
	h, e := closeUnsaved(t)
	tapOverlayButton(t, h.ui.win, "Keep editing")
	if h.ui.editor != e || !e.saver.Dirty() {
		t.Fatal("Keep editing closed the window or dropped the answers")
	}
	// A retry that succeeds later does not close a window the user kept.
	h.store.SetFail(nil)
	h.waitWithin(5*time.Second, "the retry", func() bool { return e.status.Text == "Saved" })
	if h.ui.editor != e {
		t.Fatal("the window closed after the user chose to keep editing")
	}

	// Close and lose them, while the store still refuses, closes at once.
	h.store.SetFail(errors.New("database is locked"))
	e.entry(t, "customer_name").SetText("Lost Ltd")
	h.ui.close()
	h.waitForOverlay("Close anyway and lose them?")
	tapOverlayButton(t, h.ui.win, "Close and lose them")
	if h.ui.editor != nil {
		t.Fatal("Close and lose them did not close")
	}
	select {
	case <-e.saver.quit:
	default:
		t.Fatal("the saver of the closed window still runs")
	}
}

// conflictHarness opens the example, saves another window's change to it
// and types into this one, so the saver reports a conflict.
func conflictHarness(t *testing.T) (*harness, *editor) {
	h := newHarness(t)
	h.ui.opts.PreviewDelay = time.Hour // a pending preview outlives the test unless stopped
	e := h.openExample()
	e.sideTabs.Select(e.previewItem)
	sd, _ := h.store.Get(e.id)
	sd.Content.Answers["customer_name"] = answers.Value{Text: "Their Ltd"}
	if _, err := h.store.Autosave(e.id, sd.Content, sd.Version, nil); err != nil {
		t.Fatal(err)
	}
	test.Type(e.entry(t, "provider_name"), " Mine")
	h.waitForOverlay("after you opened it")
	return h, e
}

func TestConflictLoadTheirsStopsTheEditor(t *testing.T) {
	h, e := conflictHarness(t)
	// The editor is reused for their version: what belonged to the
	// draft as it was, its saver and pending preview, must be stopped.
	session, saver, preview := e.session, e.saver, e.previewTimer
	tapOverlayButton(t, h.ui.win, "Load their version")
	h.waitFor("their version", func() bool { return h.ui.editor != nil && h.ui.editor.session != session })
	if got := h.ui.editor.d.Answers.Text("customer_name"); got != "Their Ltd" {
		t.Fatalf("loaded customer %q", got)
	}
	if preview.Stop() {
		t.Fatal("the closed editor's preview timer was still running")
	}
	select {
	case <-saver.done:
	default:
		t.Fatal("the closed editor's saver still runs")
	}
}

func TestConflictOverwriteReadsTheStoreOffUIGoroutine(t *testing.T) {
	h, e := conflictHarness(t)
	release := h.store.BlockGet()
	defer release()
	returnsPromptly(t, "Keep my version", release, func() { tapOverlayButton(t, h.ui.win, "Keep my version") })
	release()
	h.waitFor("the overwrite", func() bool { return e.status.Text == "Saved" })
	sd, _ := h.store.Get(e.id)
	if got := sd.Content.Answers.Text("provider_name"); !strings.HasPrefix(got, "Mine") { // typed at the start
		t.Fatalf("provider after overwrite: %q", got)
	}
}
