package forms

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
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

	hv := e.openHistory()
	if hv == nil {
		t.Fatal("history did not open")
	}
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

	test.Tap(hv.restore)
	tapOverlayButton(t, e.ui.win, "Yes")
	if h.ui.editor == e || h.ui.editor == nil {
		t.Fatal("the editor was not reloaded after the restore")
	}
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

	e.recordSigned("signed.pdf", strings.NewReader("%PDF-1.7 signed"))
	if !e.signed || !strings.Contains(overlayText(w), "recorded as the signed agreement") {
		t.Fatalf("mark as signed: signed=%v, dialog:\n%s", e.signed, overlayText(w))
	}

	e.entry(t, "customer_name").SetText("Acme Ltd")
	e.compareSigned()
	if want := "Customer: legal name: Brightside Home Goods Ltd → Acme Ltd"; !strings.Contains(overlayText(w), want) {
		t.Fatalf("compare with signed shows:\n%s\nwant %q", overlayText(w), want)
	}

	e.amend()
	if !strings.Contains(overlayText(w), "Compare with signed shows every change") {
		t.Fatalf("amend says:\n%s", overlayText(w))
	}
	revs, _ := h.store.History(e.id)
	if !slices.ContainsFunc(revs, func(r Revision) bool { return r.Note == "Amendment started" }) {
		t.Fatalf("no amendment revision in %+v", revs)
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
		test.FocusNext(c)
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
	sc, ok := w.Canvas().(interface{ TypedShortcut(fyne.Shortcut) })
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
	if top := w.Canvas().Overlays().Top(); top == nil || top == before {
		t.Fatal("Ctrl+E opened no export dialog")
	}
	if shortcutS.Modifier != fyne.KeyModifierShortcutDefault || shortcutE.Modifier != fyne.KeyModifierShortcutDefault {
		t.Error("Save version and Export PDF are not on Ctrl (Cmd on macOS)")
	}
}
