package forms

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/answers"
	"pactwright/app/draft"
)

// openStored opens draft id from the drafts list and waits for it.
func (h *harness) openStored(id int64) *editor {
	h.t.Helper()
	h.ui.ShowBrowser()
	h.waitFor("the drafts list", func() bool { return h.ui.browser != nil })
	if err := h.ui.OpenDraft(id); err != nil {
		h.t.Fatal(err)
	}
	h.waitFor("the editor", func() bool { return h.ui.editor != nil && h.ui.editor.id == id })
	return h.ui.editor
}

// The editor's forms are kept between drafts, so everything a draft
// shows must be replaced when the next one opens: answers, the checklist,
// the review bars, the preview, the tab, the scroll position, and edits
// must go to the draft on screen only.
func TestOpeningAnotherDraftShowsOnlyItsOwnAnswers(t *testing.T) {
	h := newHarness(t)
	a := h.openExample()
	aID, aTitle := a.id, a.d.Title
	// Draft A: every form built, scrolled down the last tab, a group confirmed.
	for gi := range a.t.Groups {
		a.buildTab(gi)
	}
	test.Type(a.entry(t, "customer_name"), " (A)")
	a.setReviewed(0, true)
	last := len(a.t.Groups) - 1
	a.tabs.SelectIndex(last)
	a.cullers[last].scrollTo(400)
	a.side.rows.scrollTo(300)
	a.sideTabs.Select(a.previewItem)
	h.waitFor("A's preview", func() bool { return strings.Contains(a.preview.Text(), "AGREEMENT") })

	blank := draft.Draft{Title: "Blank B"}
	bID, err := h.store.Create(blank)
	if err != nil {
		t.Fatal(err)
	}
	b := h.openStored(bID)

	if got := b.entry(t, "customer_name").Text; got != "" {
		t.Errorf("the blank draft's customer field shows %q, left over from the draft before", got)
	}
	if got := b.tabs.SelectedIndex(); got != 0 {
		t.Errorf("the draft opened on tab %d, want the first", got)
	}
	if off := b.scrolls[last].Offset.Y; off != 0 {
		t.Errorf("the last form is still scrolled to %v from the draft before", off)
	}
	if off := b.side.rows.scroll.Offset.Y; off != 0 {
		t.Errorf("the checklist is still scrolled to %v from the draft before", off)
	}
	if b.reviewed(0) {
		t.Error("the blank draft shows the first group confirmed, as the draft before was")
	}
	if got := b.reviewBars[0].status.Text; strings.Contains(got, "You confirmed") {
		t.Errorf("the first group's review bar says %q in the blank draft", got)
	}
	if b.example.Visible() {
		t.Error("the blank draft is labelled as the worked example")
	}
	if b.report.Complete() {
		t.Errorf("the blank draft's checklist says it is complete (%d%%)", b.report.Percent())
	}
	// The preview shows B once made, never A meanwhile.
	if b.preview.Text() == "AGREEMENT "+aTitle {
		t.Errorf("the preview shows the draft before: %q", b.preview.Text())
	}
	h.waitFor("B's preview", func() bool { return b.preview.Text() == "AGREEMENT Blank B" })

	// An edit goes to B, and A keeps what it had.
	test.Type(b.entry(t, "customer_name"), "Bee Ltd")
	h.waitFor("B saved", func() bool {
		sd, _ := h.store.Get(bID)
		return sd.Content.Answers.Text("customer_name") == "Bee Ltd" && b.status.Text == "Saved"
	})
	sa, _ := h.store.Get(aID)
	if got := sa.Content.Answers.Text("customer_name"); !strings.Contains(got, "(A)") {
		t.Errorf("draft A's customer is now %q", got)
	}
	if len(sa.Content.Reviewed) != 1 {
		t.Errorf("draft A's confirmed groups are now %v", sa.Content.Reviewed)
	}

	// Back to A: its own answers and confirmation again.
	a2 := h.openStored(aID)
	if got := a2.entry(t, "customer_name").Text; !strings.Contains(got, "(A)") {
		t.Errorf("draft A shows customer %q on reopening", got)
	}
	if !a2.reviewed(0) {
		t.Error("draft A lost its confirmed group on reopening")
	}
}

// A save report for a draft no longer on screen must not change the
// status line of the draft that is.
func TestALateSaveReportDoesNotReachTheNextDraft(t *testing.T) {
	h := newHarness(t)
	a := h.openExample()
	report := a.saver.onStatus
	bID, err := h.store.Create(draft.Draft{Title: "B"})
	if err != nil {
		t.Fatal(err)
	}
	b := h.openStored(bID)
	report(saveState{Conflict: true})
	if strings.Contains(b.status.Text, "another window") {
		t.Fatalf("draft B's status shows draft A's late report: %q", b.status.Text)
	}
}

// A table keeps its rows' widgets when the next draft has as many rows:
// each cell must then show the new draft's value, with its own mark for a
// wrong value, and Undo must not bring back what was typed in the draft
// before.
func TestATableShowsTheNextDraftsRowsInPlace(t *testing.T) {
	h := newHarness(t)
	a := h.openExample()
	tf := a.field("sla_metrics").table
	target := func(tf *tableField) *widget.Entry {
		for ci, c := range tf.field.Columns {
			if c.ID == "target" {
				return tf.cells[0][ci].(*widget.Entry)
			}
		}
		t.Fatal("the service levels have no target column")
		return nil
	}
	// marked is the error the cell is marked with (revalidateRow).
	marked := func(e *widget.Entry) error {
		for _, c := range tf.entries[0] {
			if c.entry == e {
				return c.check(e.Text)
			}
		}
		t.Fatal("the target cell is not checked")
		return nil
	}
	cell := target(tf)
	cell.SetText("")
	test.Type(cell, "thirty")
	if marked(cell) == nil {
		t.Fatalf("the wrong value %q in draft A is not marked", cell.Text)
	}

	example := draft.Example(a.t)
	want := example.Answers["sla_metrics"].Rows[0]
	bID, err := h.store.Create(example)
	if err != nil {
		t.Fatal(err)
	}
	b := h.openStored(bID)
	if b.field("sla_metrics").table != tf {
		t.Fatal("the table was made anew: this test no longer tests reuse")
	}
	cell = target(tf)
	if slices.Contains([]string{"thirty", ""}, cell.Text) {
		t.Fatalf("draft B's first row shows %q, draft A's typing", cell.Text)
	}
	if err := marked(cell); err != nil {
		t.Errorf("draft B's valid cell %q is marked wrong: %v", cell.Text, err)
	}
	shown := cell.Text
	cell.Undo()
	if cell.Text != shown {
		t.Errorf("Undo in draft B's cell brought back %q", cell.Text)
	}
	if got := b.d.Answers["sla_metrics"].Rows[0]; !reflect.DeepEqual(got, want) {
		t.Errorf("draft B's first row is %v after opening, want %v", got, want)
	}
}

// Selecting a draft in the list fills the kept editor's fields with its
// answers out of sight, once the selection rests; only the last selected
// draft is read, and opening it shows its own answers.
func TestTheSelectedDraftIsReadyBeforeItOpens(t *testing.T) {
	h := newHarness(t)
	h.ui.warmUpLimit = time.Hour // only painting may end the warm-up
	a := h.openExample()         // leaves an editor kept, with every field built below
	aID := a.id
	for gi := range a.t.Groups {
		a.buildTab(gi)
	}
	other := draft.Example(a.t)
	other.Title = "Other agreement"
	other.Answers["customer_name"] = answers.Value{Text: "Other Customer Ltd"}
	bID, err := h.store.Create(other)
	if err != nil {
		t.Fatal(err)
	}
	blank, err := h.store.Create(draft.Draft{Title: "Blank"})
	if err != nil {
		t.Fatal(err)
	}
	h.showBrowser()
	kept := h.ui.kept
	if kept != a {
		t.Fatal("leaving the draft did not keep its editor")
	}
	b := h.ui.browser
	row := func(id int64) int {
		for i, s := range b.items {
			if s.ID == id {
				return i
			}
		}
		t.Fatalf("draft %d is not listed", id)
		return -1
	}
	// Down through the list: the blank draft, then the other one.
	b.list.Select(row(blank))
	b.list.Select(row(bID))
	name := kept.entry(t, "customer_name")
	h.waitFor("the selected draft's answers in the kept editor", func() bool { return name.Text == "Other Customer Ltd" })
	// It is painted once beneath the list (warmup.go), the list on top,
	// and hidden again as soon as it has been painted.
	if objs := h.ui.screens.Objects; !b.onScreen() || objs[len(objs)-1] != b.content || !b.cover.Visible() {
		t.Fatal("the drafts list, on its opaque background, is not on top while the editor gets ready")
	}
	h.ui.win.Canvas().Capture()
	h.waitFor("the editor hidden once painted", func() bool { return !kept.warming && !kept.content.Visible() })
	if b.cover.Visible() {
		t.Fatal("the list's opaque background stays after the warm-up: it slows every frame")
	}
	if h.ui.editor != nil || h.ui.win.Title() != "Pactwright" {
		t.Fatalf("getting ready opened the draft (window title %q)", h.ui.win.Title())
	}
	// Another window saves the draft meanwhile: opening shows what the
	// library holds now, not what was put in the editor ahead.
	sb, _ := h.store.Get(bID)
	sb.Content.Answers["customer_name"] = answers.Value{Text: "Renamed Customer Ltd"}
	if _, err := h.store.Autosave(bID, sb.Content, sb.Version, nil); err != nil {
		t.Fatal(err)
	}
	e := h.openStored(bID)
	if got := e.entry(t, "customer_name").Text; got != "Renamed Customer Ltd" {
		t.Fatalf("the opened draft shows customer %q, not the library's latest", got)
	}
	// Typing in it saves to it, not to the draft the editor showed before.
	test.Type(e.entry(t, "provider_name"), "Z")
	h.waitFor("the edit saved", func() bool { return e.status.Text == "Saved" && !e.saver.Dirty() })
	sa, _ := h.store.Get(aID)
	if strings.HasPrefix(sa.Content.Answers.Text("provider_name"), "Z") {
		t.Fatal("an edit in the opened draft reached the draft shown before")
	}
}
