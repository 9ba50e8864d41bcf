package forms

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"pactwright/app/draft"
	"pactwright/app/template"
)

// pressKey sends key to whatever has the keyboard focus, as the window does.
func pressKey(t *testing.T, w fyne.Window, key fyne.KeyName) {
	t.Helper()
	f := w.Canvas().Focused()
	if f == nil {
		t.Fatalf("nothing has the focus to press %s in", key)
	}
	f.TypedKey(&fyne.KeyEvent{Name: key})
}

func TestSaveVersionByKeyboardAndConfirmed(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	w := e.ui.win

	e.saveVersion()
	h.drain() // the dialog takes the keyboard once the event that opened it is over
	// The note is focused: typing goes straight into it, Enter saves.
	test.Type(w.Canvas().Focused(), "Sent to provider")
	pressKey(t, w, fyne.KeyReturn)
	h.waitForOverlay("Saved as version 1 (\"Sent to provider\")")
	revs, err := h.store.History(e.id)
	if err != nil || len(revs) != 1 || revs[0].Note != "Sent to provider" {
		t.Fatalf("history after Enter = %+v, %v; want one version noted \"Sent to provider\"", revs, err)
	}
	// The confirmation closes with Enter too.
	pressKey(t, w, fyne.KeyReturn)
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("the confirmation is still open after Enter:\n%s", overlayText(w))
	}

	// Escape closes the dialog and saves nothing.
	e.saveVersion()
	h.drain()
	test.Type(w.Canvas().Focused(), "not wanted")
	pressKey(t, w, fyne.KeyEscape)
	h.drain()
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("Save version is still open after Escape:\n%s", overlayText(w))
	}
	if revs, _ := h.store.History(e.id); len(revs) != 1 {
		t.Fatalf("Escape saved a version: %d versions", len(revs))
	}
}

func TestRenameByKeyboard(t *testing.T) {
	h := newHarness(t)
	id := h.exampleInList()
	b := h.ui.browser
	b.list.Select(0)
	b.rename()
	h.drain() // the dialog takes the keyboard once the event that opened it is over
	f, ok := h.ui.win.Canvas().Focused().(*dialogEntry)
	if !ok {
		t.Fatalf("the title is not focused in Rename (focused: %T)", h.ui.win.Canvas().Focused())
	}
	f.SetText("Renamed by keyboard")
	pressKey(t, h.ui.win, fyne.KeyReturn)
	h.browserIdle()
	sd, err := h.store.Get(id)
	if err != nil || sd.Content.Title != "Renamed by keyboard" {
		t.Fatalf("title after Enter = %q, %v", sd.Content.Title, err)
	}
	if len(b.items) != 1 || b.items[0].Title != "Renamed by keyboard" {
		t.Fatalf("the list shows %+v, not the new title", b.items)
	}
}

func TestDoubleClickOpensDraft(t *testing.T) {
	h := newHarness(t)
	id := h.exampleInList()
	w := h.ui.win
	w.Resize(fyne.NewSize(1000, 700))
	var row *draftRow
	for _, o := range test.LaidOutObjects(w.Content()) {
		if r, ok := o.(*draftRow); ok && r.title.Text == "Brightside customer service outsourcing" {
			row = r
		}
	}
	if row == nil {
		t.Fatal("no row shows the example draft")
	}
	clock := time.Date(2027, 1, 4, 9, 0, 0, 0, time.UTC)
	row.now = func() time.Time { return clock }
	test.Tap(row)
	if h.ui.editor != nil || h.ui.browser.selected != 0 {
		t.Fatalf("one click should select the row (selected %d), not open it", h.ui.browser.selected)
	}
	// Two clicks further apart than the double-click time are two single clicks.
	clock = clock.Add(row.doubleClick + time.Millisecond)
	test.Tap(row)
	h.drain()
	if h.ui.editor != nil {
		t.Fatal("two slow clicks opened the draft")
	}
	clock = clock.Add(row.doubleClick / 2)
	test.Tap(row)
	h.waitFor("the editor", func() bool { return h.ui.editor != nil })
	if got, _ := h.ui.OpenID(); got != id {
		t.Fatalf("double click opened draft %d, want %d", got, id)
	}
}

func TestWindowTitleFollowsTheAgreementTitle(t *testing.T) {
	h := newHarness(t)
	e := h.openBlank()
	if got := e.ui.win.Title(); got != "Pactwright — New agreement" {
		t.Fatalf("a blank agreement's window is titled %q", got)
	}
	title := e.entry(t, "agreement_title")
	title.SetText("Acme support")
	title.SetText("Acme support 2027")
	if got := e.ui.win.Title(); got != "Pactwright — Acme support 2027" {
		t.Fatalf("window title %q does not follow the agreement's title", got)
	}
	h.waitFor("the autosave", func() bool {
		sd, err := h.store.Get(e.id)
		return err == nil && sd.Content.Title == "Acme support 2027"
	})
}

func TestOpenPDFExplainsWhenNothingOpensIt(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	var opened []string
	h.ui.openPath = func(path string) error {
		opened = append(opened, path)
		return errors.New("xdg-open: no method available for opening '/tmp/x.pdf'")
	}
	var result error = errors.New("not done")
	e.exportDialog().exportTo(&memWriter{}, "/tmp/x.pdf", ExportAgreement, func(err error) { result = err })
	h.waitFor("export", func() bool { return result == nil })
	tapOverlayButton(t, h.ui.win, "Open PDF")
	h.waitForOverlay("No program on this computer opened\n/tmp/x.pdf")
	if !strings.Contains(overlayText(h.ui.win), "install a PDF viewer") {
		t.Fatalf("the message gives no way forward:\n%s", overlayText(h.ui.win))
	}
	if len(opened) != 1 || opened[0] != "/tmp/x.pdf" {
		t.Fatalf("opened %q, want the exported file", opened)
	}
}

func TestEmptySettingsFileIsDropped(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("AppData", filepath.Join(home, "AppData", "Roaming"))
	path := settingsPath("app.test")
	if !strings.HasPrefix(path, home) {
		t.Fatalf("settings path %s is not under the home %s", path, home)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	DropEmptySettings("app.test")
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the empty settings file is still there: %v", err)
	}
	// A file with settings in it is kept.
	if err := os.WriteFile(path, []byte(`{"window.width":900}`), 0o600); err != nil {
		t.Fatal(err)
	}
	DropEmptySettings("app.test")
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("settings with content were removed: %v", err)
	}
}

func TestExportNamesAreNumbered(t *testing.T) {
	a := draft.Example(template.CallCentre()).Answers
	day := time.Date(2027, 1, 4, 0, 0, 0, 0, time.UTC)
	signedOnce := []Revision{{Number: 1, Kind: "save"}, {Number: 2, Kind: "export"}, {Number: 3, Kind: "signed"}}
	amendedOnce := append(signedOnce, Revision{Number: 4, Kind: "export"}, Revision{Number: 5, Kind: "signed"})
	cases := []struct {
		kind ExportKind
		revs []Revision
		want string
	}{
		{ExportAgreement, nil, "Brightside-Home-Goods-Ltd-Northpoint-Contact-Solutions-Ltd-agreement-v1-2027-01-04.pdf"},
		{ExportAgreement, signedOnce, "Brightside-Home-Goods-Ltd-Northpoint-Contact-Solutions-Ltd-agreement-v4-2027-01-04.pdf"},
		{ExportAmendment, signedOnce, "Brightside-Home-Goods-Ltd-Northpoint-Contact-Solutions-Ltd-amendment-1-2027-01-04.pdf"},
		{ExportAmendment, amendedOnce, "Brightside-Home-Goods-Ltd-Northpoint-Contact-Solutions-Ltd-amendment-2-2027-01-04.pdf"},
		{ExportConformed, amendedOnce, "Brightside-Home-Goods-Ltd-Northpoint-Contact-Solutions-Ltd-conformed-v6-2027-01-04.pdf"},
	}
	for _, c := range cases {
		if got := exportNameFor(a, day, c.kind, exportTag(c.kind, c.revs), "pdf"); got != c.want {
			t.Errorf("%s after %d versions: %s, want %s", c.kind, len(c.revs), got, c.want)
		}
	}
}

func TestMarkSignedWarnsWhenAnswersDifferFromTheSignedPDF(t *testing.T) {
	h := newHarness(t)
	e, ex := h.exportedExample()
	w := e.ui.win

	e.entry(t, "customer_name").SetText("Changed After Export Ltd")
	h.ui.openFile = func(_ []string, got func(string, []byte)) { got("signed.pdf", ex.Bytes()) }
	e.markSigned()
	tapOverlayButton(t, w, "Choose the signed PDF…")
	h.waitForOverlay("signed as signed.pdf")
	if got := overlayText(w); !strings.Contains(got, "differ from what was signed in 1 place(s): Customer") {
		t.Fatalf("no warning that the customer's name was not signed:\n%s", got)
	}
}

func TestBadTableCellIsMarked(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	e.jump("sla_metrics")
	tf := e.field("sla_metrics").table
	col := func(id string) int {
		for i, c := range tf.field.Columns {
			if c.ID == id {
				return i
			}
		}
		t.Fatalf("no column %s", id)
		return -1
	}
	// Text cells only: the choices are selects.
	cellOf := func(row int, id string) cellEntry {
		n := 0
		for i, c := range tf.field.Columns {
			if c.Kind == template.Choice {
				continue
			}
			if i == col(id) {
				return tf.entries[row][n]
			}
			n++
		}
		t.Fatalf("column %s has no entry", id)
		return cellEntry{}
	}
	if tf.rows[0]["unit"] != "percent" {
		t.Fatalf("the example's first measure is in %q, not percent", tf.rows[0]["unit"])
	}
	target, credit := cellOf(0, "target"), cellOf(0, "credit")
	marked := func(c cellEntry) error { return c.check(c.entry.Text) }
	target.entry.SetText("150")
	if err := marked(target); err == nil || !strings.Contains(err.Error(), "between 0 and 100") {
		t.Fatalf("a 150%% target is not marked: %v", err)
	}
	if marked(credit) != nil {
		t.Fatal("a good cell in the same row is marked too")
	}
	if gi := e.groupIndex("service_levels"); strings.HasSuffix(e.tabItems[gi].Text, "✓") {
		t.Fatalf("Service Levels shows %q with a 150%% target", e.tabItems[gi].Text)
	}
	target.entry.SetText("22.5O")
	if err := marked(target); err == nil || !strings.Contains(err.Error(), "letter O") {
		t.Fatalf("\"22.5O\" is marked with %v", err)
	}
	target.entry.SetText("85")
	if err := marked(target); err != nil {
		t.Fatalf("85 is marked wrong: %v", err)
	}
}

// exampleInList makes the example, then leaves it for the drafts list;
// it returns the example's id.
func (h *harness) exampleInList() int64 {
	h.t.Helper()
	id := h.openExample().id
	h.showBrowser()
	return id
}

// showBrowser leaves the editor for the drafts list.
func (h *harness) showBrowser() {
	h.t.Helper()
	h.ui.ShowBrowser()
	h.waitFor("the browser", func() bool { return h.ui.browser != nil })
	h.browserIdle()
}

// openBlank starts a blank agreement from the drafts list, as File ▸ New does.
func (h *harness) openBlank() *editor {
	h.t.Helper()
	h.showBrowser()
	h.ui.browser.newBlank()
	h.waitFor("the editor", func() bool { return h.ui.editor != nil })
	return h.ui.editor
}
