package forms

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"pactwright/app/answers"
	"pactwright/app/draft"
)

// twoDraftsWithHistory opens draft A (the example, saved as version 1,
// then its customer changed) and stores draft B (one saved version, no
// change since), so that "what changed since version 1" reads differently
// for each. It returns A's editor and B's id.
func twoDraftsWithHistory(t *testing.T, h *harness) (*editor, int64) {
	t.Helper()
	a, _ := h.openWide()
	if _, err := h.store.SaveRevision(a.id, "A sent to provider"); err != nil {
		t.Fatal(err)
	}
	a.entry(t, "customer_name").SetText("Acme Ltd")
	bID, err := h.store.Create(draft.Draft{Title: "B", Answers: answers.Answers{"customer_name": {Text: "Bee Ltd"}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.store.SaveRevision(bID, "B's first"); err != nil {
		t.Fatal(err)
	}
	return a, bID
}

// aChange is how A's change since its version 1 reads in a diff.
const aChange = "Customer: legal name: Brightside Home Goods Ltd → Acme Ltd"

// A dialog belongs to the draft it was opened for. The editor is kept and
// shows the next draft in the same widgets, so a History dialog still
// holding on when the user moves to draft B must neither compare nor
// restore B, which the user never asked about.
func TestHistoryStaysWithTheDraftItWasOpenedFor(t *testing.T) {
	h := newHarness(t)
	a, bID := twoDraftsWithHistory(t, h)
	aID := a.id

	var hv *historyView
	a.historyDialog().open(func(v *historyView) { hv = v })
	h.waitFor("A's history", func() bool { return hv != nil })

	b := h.openStored(bID)
	if strings.Contains(overlayText(h.ui.win), "A sent to provider") {
		t.Error("A's history is still on screen over draft B")
	}

	// What the dialog shows, if anything, is A's.
	hv.list.Select(0)
	if !strings.Contains(hv.diff.Text, aChange) {
		t.Errorf("A's history shows %q, not A's change since its version 1", hv.diff.Text)
	}

	// Restore does nothing to B, nor to A behind the user's back.
	test.Tap(hv.restore)
	if strings.Contains(overlayText(h.ui.win), "Replace the current answers") {
		t.Error("A's history offers a restore over draft B")
		tapOverlayButton(t, h.ui.win, "Yes")
	}
	h.waitFor("no work under way", func() bool { return !h.ui.busy })
	for id, name := range map[int64]string{aID: "A", bID: "B"} {
		if revs, _ := h.store.History(id); len(revs) != 1 {
			t.Errorf("draft %s now has %d versions, want its 1: a restore ran", name, len(revs))
		}
	}
	if h.ui.editor != b || b.id != bID || b.entry(t, "customer_name").Text != "Bee Ltd" {
		t.Errorf("the window no longer shows draft B as it was (customer %q)", b.d.Answers.Text("customer_name"))
	}
}

// Compare with… likewise compares the draft it was opened for.
func TestCompareStaysWithTheDraftItWasOpenedFor(t *testing.T) {
	h := newHarness(t)
	a, bID := twoDraftsWithHistory(t, h)

	var cv *compareView
	a.compareDialog().open(func(v *compareView) { cv = v })
	h.waitFor("A's compare", func() bool { return cv != nil })

	h.openStored(bID)
	if strings.Contains(overlayText(h.ui.win), "Compare versions") || strings.Contains(overlayText(h.ui.win), "What changed from") {
		t.Error("A's compare dialog is still on screen over draft B")
	}
	// Choosing again in the dialog compares A's versions, not B's.
	cv.from.SetSelected(workingCopy)
	cv.from.SetSelected(cv.from.Options[1])
	if got := cv.diff.text.Text; !strings.Contains(got, aChange) {
		t.Errorf("A's compare shows %q, not A's change", got)
	}
}
