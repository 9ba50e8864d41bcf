package forms

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/answers"
	"pactwright/app/draft"
)

// overlayText is every label's text in the topmost dialog, one per line.
func overlayText(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

// tapOverlayButton taps the button labelled text in the topmost dialog.
func tapOverlayButton(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open to tap %q in", text)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			test.Tap(b)
			return
		}
		if b, ok := o.(*keyButton); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no %q button in the dialog:\n%s", text, overlayText(w))
}

func TestHistoryShowsDiffAndRestores(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	e.ui.win.Resize(fyne.NewSize(1280, 800))
	if _, err := h.store.SaveRevision(e.id, "Sent to provider"); err != nil {
		t.Fatal(err)
	}
	name := e.entry(t, "customer_name")
	name.SetText("Acme Ltd")

	var hv *historyView
	e.historyDialog().open(func(v *historyView) { hv = v })
	h.waitFor("the history", func() bool { return hv != nil })
	if n := hv.list.Length(); n != 1 {
		t.Fatalf("history lists %d revisions, want 1", n)
	}
	if !hv.restore.Disabled() {
		t.Fatal("Restore enabled before a version is chosen")
	}
	hv.list.Select(0)
	if want := "Customer: legal name: Brightside Home Goods Ltd → Acme Ltd"; !strings.Contains(hv.diff.Text, want) {
		t.Fatalf("diff = %q, want it to contain %q", hv.diff.Text, want)
	}
	if !strings.Contains(overlayText(e.ui.win), "Sent to provider") {
		t.Fatal("the revision's note is not listed")
	}

	session := e.session
	test.Tap(hv.restore)
	tapOverlayButton(t, e.ui.win, "Yes")
	h.waitFor("the editor reloaded after the restore", func() bool { return h.ui.editor != nil && h.ui.editor.session != session })
	if got := h.ui.editor.d.Answers.Text("customer_name"); got != "Brightside Home Goods Ltd" {
		t.Fatalf("after restore customer = %q", got)
	}
	if got := h.ui.editor.entry(t, "customer_name").Text; got != "Brightside Home Goods Ltd" {
		t.Fatalf("after restore the field shows %q", got)
	}
}

func TestMarkSignedThenCompareAndAmend(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	w := e.ui.win

	e.amend()
	if !strings.Contains(overlayText(w), "already marked as signed") {
		t.Fatalf("amend before signing says:\n%s", overlayText(w))
	}

	// A signed PDF is an export with a signature appended.
	h.r.pdf = nil
	w2 := &memWriter{}
	var result error = errors.New("not done")
	e.exportDialog().exportTo(w2, "/tmp/agreement.pdf", ExportAgreement, func(err error) { result = err })
	h.waitFor("export", func() bool { return result == nil })
	tapOverlayButton(t, w, "Close")
	e.signing().record("signed.pdf", append(w2.Bytes(), "signature\n%%EOF\n"...))
	h.waitFor("marked as signed", func() bool { return e.signed })
	if !e.signed || !strings.Contains(overlayText(w), "recorded as the signed agreement") {
		t.Fatalf("mark as signed: signed=%v, dialog:\n%s", e.signed, overlayText(w))
	}

	gi := e.groupOf("customer_name")
	if strings.Contains(e.tabItems[gi].Text, "amended") {
		t.Fatalf("tab marked amended before any change: %q", e.tabItems[gi].Text)
	}
	e.entry(t, "customer_name").SetText("Acme Ltd")
	h.waitFor("the tab to say amended", func() bool { return strings.Contains(e.tabItems[gi].Text, "· amended") })
	if fv := e.fields["customer_name"]; fv.amended == nil || !fv.amended.Visible() {
		t.Fatal("the changed field is not marked as differing from the signed version")
	}
	if fv := e.fields["provider_name"]; fv.amended != nil && fv.amended.Visible() {
		t.Fatal("an unchanged field is marked as differing from the signed version")
	}
	e.compareSigned()
	h.waitForOverlay("Brightside Home Goods Ltd → Acme Ltd")
	if want := "Customer: legal name: Brightside Home Goods Ltd → Acme Ltd"; !strings.Contains(overlayText(w), want) {
		t.Fatalf("compare with signed shows:\n%s\nwant %q", overlayText(w), want)
	}

	e.amend()
	if !strings.Contains(overlayText(w), "Amend the signed agreement") {
		t.Fatalf("amend asks:\n%s", overlayText(w))
	}
	tapOverlayButton(t, w, "Cancel")
	e.signing().startAmendment("2027-06-01", "More volume") // what the form hands on
	h.waitForOverlay("Compare with signed shows every change")
	if !strings.Contains(overlayText(w), "Export PDF… → Amendment") {
		t.Fatalf("amend says:\n%s", overlayText(w))
	}
	revs, _ := h.store.History(e.id)
	if !slices.ContainsFunc(revs, func(r Revision) bool { return r.Note == "Amendment from 2027-06-01" }) {
		t.Fatalf("the amendment did not reach Documents: %+v", revs)
	}
}

func TestTabKeyFollowsFormOrder(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	c := e.ui.win.Canvas()
	e.ui.win.Resize(fyne.NewSize(1280, 800))

	// The fields' own focus targets, in the template's order.
	var want []fyne.Focusable
	for _, f := range e.t.Groups[0].Fields {
		if fo := e.field(f.ID).focus; fo != nil && e.field(f.ID).box.Visible() {
			want = append(want, fo)
		}
	}
	// Press Tab until focus comes back round, noting the fields it visits;
	// the widgets inside a field (a unit select, a date button) come between.
	c.Focus(want[0])
	got := []fyne.Focusable{want[0]}
	for range 500 {
		test.FocusNext(unguarded(c))
		fo := c.Focused()
		if fo == want[0] {
			break
		}
		if slices.Contains(want, fo) && !slices.Contains(got, fo) {
			got = append(got, fo)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("Tab reached %d of the %d fields", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Tab order differs from the form at field %d (%s)", i, e.t.Groups[0].Fields[i].ID)
		}
	}
}

func TestSaveAndExportShortcutsOnCanvas(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	w := e.ui.win
	sc, ok := unguarded(w.Canvas()).(interface{ TypedShortcut(fyne.Shortcut) })
	if !ok {
		t.Fatal("the canvas takes no shortcuts")
	}
	sc.TypedShortcut(shortcutS)
	if !strings.Contains(overlayText(w), "Save version") {
		t.Fatalf("Ctrl+S opened:\n%s", overlayText(w))
	}
	tapOverlayButton(t, w, "Cancel")

	before := w.Canvas().Overlays().Top()
	sc.TypedShortcut(shortcutE)
	// The file dialog follows a read of the history (for the file name).
	h.waitFor("Ctrl+E to open the export dialog", func() bool {
		top := w.Canvas().Overlays().Top()
		return top != nil && top != before
	})
	if shortcutS.Modifier != fyne.KeyModifierShortcutDefault || shortcutE.Modifier != fyne.KeyModifierShortcutDefault {
		t.Error("Save version and Export PDF are not on Ctrl (Cmd on macOS)")
	}
}

// waitForOverlay drains UI work until the topmost dialog says want.
func (h *harness) waitForOverlay(want string) {
	h.t.Helper()
	h.waitFor("a dialog saying "+want, func() bool { return strings.Contains(overlayText(h.ui.win), want) })
}

func TestMarkSignedOffersPDFOrPaper(t *testing.T) {
	h := newHarness(t)
	e, ex := h.exportedExample()
	w := e.ui.win

	// A PDF that is not one of this draft's exports is refused, and the
	// user is told why and what to do instead.
	var asked []string
	h.ui.openFile = func(exts []string, got func(string, []byte)) {
		asked = append(asked, exts...)
		got("other.pdf", []byte("%PDF-1.7\nsomething else\n%%EOF\n"))
	}
	e.markSigned()
	tapOverlayButton(t, w, "Choose the signed PDF…")
	h.waitForOverlay("other.pdf was not exported")
	if !slices.Equal(asked, []string{".pdf"}) {
		t.Fatalf("the file chooser was asked for %v, want .pdf", asked)
	}
	if got := overlayText(w); !strings.Contains(got, "other.pdf was not exported from this agreement") || !strings.Contains(got, "Signed on paper") {
		t.Fatalf("refusal says:\n%s", got)
	}
	if e.signed {
		t.Fatal("marked signed with a foreign PDF")
	}
	tapOverlayButton(t, w, "OK")

	// The export itself, with a signature appended, is accepted.
	h.ui.openFile = func(_ []string, got func(string, []byte)) {
		got("signed.pdf", append(ex.Bytes(), "signature\n%%EOF\n"...))
	}
	e.markSigned()
	tapOverlayButton(t, w, "Choose the signed PDF…")
	h.waitForOverlay("signed as signed.pdf")
	if got := overlayText(w); !e.signed || !strings.Contains(got, "signed as signed.pdf") {
		t.Fatalf("signed=%v, dialog:\n%s", e.signed, got)
	}
	tapOverlayButton(t, w, "OK")

	// Signed on paper passes no PDF.
	e.markSigned()
	tapOverlayButton(t, w, "Signed on paper")
	h.waitForOverlay("(signed on paper)")
	if got := overlayText(w); !strings.Contains(got, "signed on paper") {
		t.Fatalf("signed on paper says:\n%s", got)
	}
	sd, _ := h.store.Get(e.id)
	revs, _ := h.store.History(e.id)
	if sd.SignedRevision != revs[0].Number || revs[0].Note != "signed copy of revision 1" {
		t.Fatalf("signed revision %d; history %+v", sd.SignedRevision, revs)
	}
}

func TestExportRefusedWhenDraftChangesMeanwhile(t *testing.T) {
	h := newHarness(t)
	e := h.openConfirmedExample()
	w := e.ui.win
	id := e.id
	var once sync.Once
	h.r.during = func() {
		once.Do(func() {
			// Another window saves while the PDF is being made.
			sd, err := h.store.Get(id)
			if err != nil {
				t.Error(err)
				return
			}
			sd.Content.Answers["customer_name"] = answers.Value{Text: "Other Window Ltd"}
			if _, err := h.store.Autosave(id, sd.Content, sd.Version, nil); err != nil {
				t.Error(err)
			}
		})
	}
	path := filepath.Join(t.TempDir(), "agreement.pdf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	var results []error
	session := e.session
	e.exportDialog().exportTo(f, path, ExportAgreement, func(err error) { results = append(results, err) })
	h.waitFor("the first export", func() bool { return len(results) == 1 })
	if !errors.Is(results[0], ErrConflict) {
		t.Fatalf("first export: %v, want a conflict", results[0])
	}
	if n := len(h.store.ExportList()); n != 0 {
		t.Fatalf("%d exports recorded for a PDF of an older version", n)
	}
	if got := overlayText(w); !strings.Contains(got, "changed while the PDF was being made") || !strings.Contains(got, path) {
		t.Fatalf("after the conflict the dialog says:\n%s", got)
	}

	tapOverlayButton(t, w, "Export again")
	h.waitFor("the second export", func() bool { return len(results) == 2 })
	if results[1] != nil {
		t.Fatal(results[1])
	}
	if h.ui.editor.session == session || h.ui.editor.d.Answers.Text("customer_name") != "Other Window Ltd" {
		t.Fatal("the editor was not reloaded with the saved draft before exporting again")
	}
	ex := h.store.ExportList()
	pdf, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(ex) != 1 || !bytes.Equal(ex[0], pdf) || !bytes.Contains(pdf, []byte("Other Window Ltd")) {
		t.Fatalf("recorded %d exports; the file holds %q", len(ex), pdf)
	}
	if !strings.Contains(overlayText(w), "PDF exported") && !strings.Contains(overlayText(w), "ready to sign") {
		t.Fatalf("after exporting again the dialog says:\n%s", overlayText(w))
	}
}

func TestExportRecordsTheVersionItWasMadeFrom(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	// A keystroke not yet autosaved is saved before the PDF is made, and
	// the export is recorded against that version.
	e.entry(t, "customer_name").SetText("Typed Just Now Ltd")
	var result error = errors.New("not done")
	w := &memWriter{}
	e.exportDialog().exportTo(w, "/tmp/x.pdf", ExportAgreement, func(err error) { result = err })
	h.waitFor("export", func() bool { return result == nil })
	revs, _ := h.store.History(e.id)
	if len(revs) != 1 || revs[0].Kind != "export" {
		t.Fatalf("history %+v", revs)
	}
	ch, err := h.store.Diff(e.id, revs[0].Number, 0)
	if err != nil || len(ch) != 0 || !bytes.Contains(w.Bytes(), []byte("Typed Just Now Ltd")) {
		t.Fatalf("the export revision differs from the working copy: %+v (%v); PDF %q", ch, err, w.Bytes())
	}
}

func TestCompareAnyTwoVersions(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	w := e.ui.win
	w.Resize(fyne.NewSize(1280, 800))
	var cv *compareView
	e.compareDialog().open(func(v *compareView) { cv = v })
	h.waitForOverlay("no saved versions")
	if cv != nil {
		t.Fatal("compare with no versions opened the dialog")
	}
	tapOverlayButton(t, w, "OK")

	r1, _ := h.store.SaveRevision(e.id, "first")
	e.entry(t, "customer_name").SetText("Acme Ltd")
	e.saver.Flush()
	r2, _ := h.store.SaveRevision(e.id, "second")
	e.entry(t, "provider_name").SetText("Callers Inc")

	e.compareDialog().open(func(v *compareView) { cv = v })
	h.waitFor("the compare dialog", func() bool { return cv != nil })
	if len(cv.from.Options) != 3 || cv.to.Selected != workingCopy || !strings.HasPrefix(cv.from.Selected, "Version 2 ") {
		t.Fatalf("options %q, from %q to %q", cv.from.Options, cv.from.Selected, cv.to.Selected)
	}
	// Newest revision to the working copy: only the provider changed.
	got := cv.diff.text.Text
	if !strings.Contains(got, "Parties & Term\n") || !strings.Contains(got, "Provider: legal name: Northpoint Contact Solutions Ltd → Callers Inc") ||
		strings.Contains(got, "Customer: legal name") {
		t.Fatalf("version 2 → working copy:\n%s", got)
	}
	// Two revisions: only the customer changed between them.
	cv.to.SetSelected(cv.from.Selected)
	if !strings.Contains(cv.diff.text.Text, "Choose two different versions") {
		t.Fatalf("same version twice:\n%s", cv.diff.text.Text)
	}
	cv.from.SetSelected(cv.from.Options[2])
	got = cv.diff.text.Text
	if !strings.Contains(got, fmt.Sprintf("from version %d to version %d", r1.Number, r2.Number)) ||
		!strings.Contains(got, "Customer: legal name: Brightside Home Goods Ltd → Acme Ltd") || strings.Contains(got, "Provider") {
		t.Fatalf("version 1 → version 2:\n%s", got)
	}
	// Swapped, the same change reads backwards.
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Swap" {
			test.Tap(b)
		}
	}
	if got := cv.diff.text.Text; !strings.Contains(got, "Customer: legal name: Acme Ltd → Brightside Home Goods Ltd") {
		t.Fatalf("swapped:\n%s", got)
	}
}

func TestTrashRestoreAndDeleteForever(t *testing.T) {
	h := newHarness(t)
	tpl := h.ui.t
	keep, _ := h.store.Create(draft.Example(tpl))
	gone := draft.Example(tpl)
	gone.Title = "Old pilot"
	goneID, _ := h.store.Create(gone)
	h.ui.ShowBrowser()
	b := h.ui.browser
	w := h.ui.win
	for _, id := range []int64{keep, goneID} {
		if err := h.store.Delete(id); err != nil {
			t.Fatal(err)
		}
	}
	b.showTrash(true)
	h.browserIdle()
	if !b.trashBar.Visible() || b.toolbar.Visible() || len(b.items) != 2 || b.items[0].ID != goneID {
		t.Fatalf("trash shows %+v", b.items)
	}
	for _, a := range b.trashActions {
		if !a.Disabled() {
			t.Fatalf("%q enabled with nothing selected", a.Text)
		}
	}

	// Restore brings a draft back to the list.
	b.list.Select(1)
	test.Tap(b.trashActions[0])
	h.browserIdle()
	if len(b.items) != 1 || b.items[0].ID != goneID {
		t.Fatalf("after restore the trash holds %+v", b.items)
	}
	if l, _ := h.store.List(""); len(l) != 1 || l[0].ID != keep {
		t.Fatalf("after restore the list holds %+v", l)
	}

	// Delete forever asks first, says it cannot be undone, and Cancel keeps it.
	b.list.Select(0)
	test.Tap(b.trashActions[1])
	if got := overlayText(w); !strings.Contains(got, "cannot be undone") || !strings.Contains(got, "Old pilot") {
		t.Fatalf("delete forever asks:\n%s", got)
	}
	tapOverlayButton(t, w, "Cancel")
	if tr, _ := h.store.Trash(); len(tr) != 1 {
		t.Fatal("Cancel deleted the draft")
	}
	b.list.Select(0)
	test.Tap(b.trashActions[1])
	tapOverlayButton(t, w, "Delete forever")
	h.browserIdle()
	if tr, _ := h.store.Trash(); len(tr) != 0 || len(b.items) != 0 || !b.trashEmpty.Visible() {
		t.Fatalf("after delete forever the trash holds %+v", tr)
	}
	if _, err := h.store.Get(goneID); err == nil {
		t.Fatal("the purged draft can still be read")
	}

	b.showTrash(false)
	h.browserIdle()
	if b.trashBar.Visible() || len(b.items) != 1 || !b.list.Visible() {
		t.Fatalf("back from the trash the list shows %+v", b.items)
	}
}

// exportedExample opens the example and exports it, closing the
// "PDF exported" dialog; the writer holds the PDF.
func (h *harness) exportedExample() (*editor, *memWriter) {
	h.t.Helper()
	e := h.openExample()
	var result error = errors.New("not done")
	ex := &memWriter{}
	e.exportDialog().exportTo(ex, "/tmp/agreement.pdf", ExportAgreement, func(err error) { result = err })
	h.waitFor("export", func() bool { return result == nil })
	tapOverlayButton(h.t, e.ui.win, "Close")
	return e, ex
}
