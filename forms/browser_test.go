package forms

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/draft"
)

// browserIdle waits until the drafts list shows the library's answer and
// no action of the browser is under way.
func (h *harness) browserIdle() {
	h.t.Helper()
	h.waitFor("the drafts list", func() bool { return h.ui.browser == nil || h.ui.browser.idle() })
}

func TestBrowserByKeyboard(t *testing.T) {
	h := newHarness(t)
	first := h.exampleInList()
	second := draft.Example(h.ui.t)
	second.Title = "Second agreement"
	if _, err := h.store.Create(second); err != nil {
		t.Fatal(err)
	}
	h.showBrowser()
	b, w := h.ui.browser, h.ui.win
	if w.Canvas().Focused() != b.list {
		t.Fatalf("the drafts list does not have the keyboard (focused: %T)", w.Canvas().Focused())
	}
	// Newest first: Down selects the second agreement, Down again the example.
	pressKey(t, w, fyne.KeyDown)
	if s, _ := b.current(); s.Title != "Second agreement" {
		t.Fatalf("Down selected %q", s.Title)
	}
	pressKey(t, w, fyne.KeyDown)
	pressKey(t, w, fyne.KeyDown) // past the end: stays
	if s, _ := b.current(); s.ID != first {
		t.Fatalf("Down Down selected %q, want the example", s.Title)
	}

	// Ctrl+D duplicates the selected draft.
	b.list.TypedShortcut(shortcutDuplicate)
	h.browserIdle()
	if len(b.items) != 3 {
		t.Fatalf("after Ctrl+D the list has %d drafts", len(b.items))
	}

	// Delete moves it to the trash; the confirmation's Undo brings it back.
	pressKey(t, w, fyne.KeyDown)
	pressKey(t, w, fyne.KeyDelete)
	h.browserIdle()
	if len(b.items) != 2 {
		t.Fatalf("after Delete the list has %d drafts", len(b.items))
	}
	tapOverlayButton(t, w, "Undo")
	h.browserIdle()
	if len(b.items) != 3 {
		t.Fatalf("after Undo the list has %d drafts", len(b.items))
	}

	// Ctrl+F puts the keyboard in the search; Down goes back to the list.
	w.Canvas().Focus(b.list)
	b.list.TypedShortcut(shortcutSearch)
	if w.Canvas().Focused() != b.search {
		t.Fatalf("Ctrl+F focused %T, not the search", w.Canvas().Focused())
	}
	test.Type(b.search, "second")
	h.browserIdle()
	pressKey(t, w, fyne.KeyDown)
	if w.Canvas().Focused() != b.list || b.selected != 0 {
		t.Fatal("Down in the search did not select the first result in the list")
	}

	// Enter opens the selected draft.
	pressKey(t, w, fyne.KeyReturn)
	h.waitFor("the editor", func() bool { return h.ui.editor != nil })
	if e := h.ui.editor; e.d.Title != "Second agreement" {
		t.Fatalf("Enter opened %q", e.d.Title)
	}
}

func TestTrashByKeyboard(t *testing.T) {
	h := newHarness(t)
	id := h.exampleInList()
	if err := h.store.Delete(id); err != nil {
		t.Fatal(err)
	}
	w := h.ui.win
	menuAction(t, w, shortcutTrash)()
	h.waitFor("the trash", func() bool { return h.ui.browser != nil && h.ui.browser.inTrash && h.ui.browser.idle() })
	b := h.ui.browser
	w.Canvas().Focus(b.list)
	pressKey(t, w, fyne.KeyDown)
	pressKey(t, w, fyne.KeyReturn) // restores
	h.browserIdle()
	if l, _ := h.store.List(""); len(l) != 1 {
		t.Fatal("Enter in the trash did not restore the draft")
	}
	pressKey(t, w, fyne.KeyEscape)
	h.browserIdle()
	if b.inTrash || len(b.items) != 1 {
		t.Fatalf("Escape left the trash showing %+v", b.items)
	}
}

// gatedShelf holds Create until released and counts the creates.
type gatedShelf struct {
	shelf
	gate    chan struct{}
	mu      sync.Mutex
	creates int
}

func (g *gatedShelf) Create(d draft.Draft) (int64, error) {
	g.mu.Lock()
	g.creates++
	g.mu.Unlock()
	<-g.gate
	return g.shelf.Create(d)
}

func TestBrowserCallsRunOffTheUIGoroutine(t *testing.T) {
	h := newHarness(t)
	if _, err := h.store.Create(draft.Example(h.ui.t)); err != nil {
		t.Fatal(err)
	}
	sh := &gatedShelf{shelf: h.store, gate: make(chan struct{})}
	var opened []int64
	b := newBrowserScreen(browserDeps{shelf: sh, template: h.ui.t, win: h.ui.win, do: h.do,
		open: func(id int64) { opened = append(opened, id) }})
	h.ui.win.SetContent(b.content)
	b.reload()
	h.waitFor("the list", b.idle)

	// New returns at once while the library holds the create.
	b.newBlank()
	b.newBlank() // a second click while the first runs
	h.waitFor("the create to start", func() bool { sh.mu.Lock(); defer sh.mu.Unlock(); return sh.creates == 1 })
	if !b.working {
		t.Fatal("the browser does not know a create is under way")
	}
	// The list still answers meanwhile: a search shows its results.
	test.Type(b.search, "nothing like this")
	h.waitFor("the search", func() bool { return b.loaded == b.loads })
	if len(b.items) != 0 {
		t.Fatalf("the search shows %d drafts while a create runs", len(b.items))
	}
	close(sh.gate)
	h.waitFor("the new draft to open", func() bool { return len(opened) > 0 })
	h.drain()
	if sh.creates != 1 || len(opened) != 1 {
		t.Fatalf("two clicks on New made %d drafts and opened %d", sh.creates, len(opened))
	}
	if sd, err := h.store.Get(opened[0]); err != nil || sd.Content.Title != placeholderTitle {
		t.Fatalf("opened %+v, %v; want the new blank draft", sd.Summary, err)
	}
}

func TestMenusOpenFromTheKeyboard(t *testing.T) {
	h := newHarness(t)
	w := h.ui.win
	w.Resize(fyne.NewSize(1000, 700))

	// Alt+D opens Draft; Escape closes it.
	menuAction(t, w, shortcutDraftMenu)()
	pop, ok := w.Canvas().Focused().(*widget.PopUpMenu)
	if !ok {
		t.Fatalf("Alt+D focused %T, not a menu", w.Canvas().Focused())
	}
	if got := menuLabels(pop); !slices.Contains(got, "History…") {
		t.Fatalf("Alt+D opened a menu of %q, not Draft", got)
	}
	pressKey(t, w, fyne.KeyEscape)
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape did not close the menu")
	}

	// F10 opens File, where Down and Enter run "New agreement".
	h.browserIdle()
	w.Canvas().Unfocus()
	unguarded(w.Canvas()).(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF10})
	pop, ok = w.Canvas().Focused().(*widget.PopUpMenu)
	if !ok || menuLabels(pop)[0] != "New agreement" {
		t.Fatalf("F10 focused %T, not the File menu", w.Canvas().Focused())
	}
	pressKey(t, w, fyne.KeyDown)
	pressKey(t, w, fyne.KeyReturn)
	h.waitFor("the new agreement", func() bool { return h.ui.editor != nil })

	// F10 in a text field opens File too.
	e := h.ui.editor
	w.Canvas().Focus(e.field("customer_name").focus)
	pressKey(t, w, fyne.KeyF10)
	if _, ok := w.Canvas().Focused().(*widget.PopUpMenu); !ok {
		t.Fatalf("F10 in a text field focused %T, not the File menu", w.Canvas().Focused())
	}
}

// menuLabels are the labels of a pop-up menu's items.
func menuLabels(p *widget.PopUpMenu) []string {
	var labels []string
	for _, o := range test.LaidOutObjects(p) {
		if t, ok := o.(*canvas.Text); ok && t.Visible() && strings.TrimSpace(t.Text) != "" {
			labels = append(labels, t.Text)
		}
	}
	return labels
}

func TestSuggestionsAndReviewByKeyboard(t *testing.T) {
	h := newHarness(t)
	e := h.openBlank()
	w := e.ui.win
	pricing := e.groupIndex("pricing")
	e.showGroup(pricing)
	if got, ok := e.d.Answers["rate"]; ok && got.Text != "" {
		t.Fatalf("a blank agreement starts with a rate of %+v", got)
	}
	menuAction(t, w, shortcutAcceptSuggested)()
	if got := e.d.Answers["rate"]; got.Text != "24.50" || got.Unit != "GBP" {
		t.Fatalf("Ctrl+Shift+A left the rate at %+v, want the suggested 24.50", got)
	}
	if got := e.tabItems[pricing].Text; strings.HasSuffix(got, "✓") {
		t.Fatalf("pricing is %q before it is confirmed", got)
	}
	menuAction(t, w, shortcutConfirmGroup)()
	if got := e.tabItems[pricing].Text; !strings.HasSuffix(got, "✓") {
		t.Fatalf("pricing after Ctrl+Shift+R is labelled %q", got)
	}
	if e.reviewBars[pricing].toggle.Text != "Mark as not reviewed" {
		t.Fatalf("the review bar says %q once confirmed by key", e.reviewBars[pricing].toggle.Text)
	}
}

// The list is read off the UI goroutine, so the browser shows a frame or
// more before it knows whether there are drafts: it must not show the
// welcome for a first run, nor the empty trash, meanwhile.
func TestTheListShowsNoEmptyTextBeforeItIsRead(t *testing.T) {
	h := newHarness(t)
	h.exampleInList()
	h.ui.ShowBrowser()
	b := h.ui.browser
	if b == nil {
		t.Fatal("ShowBrowser showed no drafts list")
	}
	if b.empty.Visible() || b.trashEmpty.Visible() {
		t.Fatalf("before the list is read it shows the welcome (%v) or the empty trash (%v)", b.empty.Visible(), b.trashEmpty.Visible())
	}
	h.browserIdle()
	if b.empty.Visible() || b.trashEmpty.Visible() || len(b.items) != 1 {
		t.Fatalf("with one draft the list shows the welcome (%v) or the empty trash (%v), %d rows", b.empty.Visible(), b.trashEmpty.Visible(), len(b.items))
	}
}
