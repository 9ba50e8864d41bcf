package forms

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/draft"
	"pactwright/app/template"
)

// speedUI is a window at 1280x800 holding the example, for benchmarks.
func speedUI(b *testing.B) (*UI, int64) {
	a := test.NewTempApp(b)
	tpl := template.CallCentre()
	st := NewMemStore(tpl)
	u := New(Options{App: a, Template: tpl, Store: st, Renderer: &fakeRenderer{}, Do: func(f func()) { f() },
		PreviewDelay: time.Hour, SaveDelay: time.Hour})
	u.win.Resize(fyne.NewSize(1280, 800))
	id, _ := st.Create(draft.Example(tpl))
	return u, id
}

// openNow opens draft id at once, as OpenDraft does once it has read it.
func openNow(b *testing.B, u *UI, st Store, id int64) {
	b.Helper()
	sd, err := st.Get(id)
	if err != nil {
		b.Fatal(err)
	}
	u.showDraft(sd, nil)
}

// BenchmarkOpenDraft is the drafts list to an open draft, laid out (not
// painted: the real window's figure is the smoke test's).
func BenchmarkOpenDraft(b *testing.B) {
	u, id := speedUI(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		openNow(b, u, u.opts.Store, id)
		u.win.Content().Resize(u.win.Canvas().Size())
		b.StopTimer()
		u.ShowBrowser()
		b.StartTimer()
	}
}

// openBuiltAhead opens the example with the forms built ahead, in a
// 1280×800 window, and waits until every form is built.
func openBuiltAhead(t *testing.T, setup ...func(*UI)) (*harness, *editor) {
	t.Helper()
	h := newHarness(t)
	h.ui.opts.BuildAhead = true
	for _, f := range setup {
		f(h.ui)
	}
	h.ui.win.Resize(fyne.NewSize(1280, 800))
	e := h.openExample()
	h.waitFor("every form built", func() bool { return !slices.Contains(e.built, false) })
	return h, e
}

func TestFormsAreBuiltAheadAndLaidOut(t *testing.T) {
	_, e := openBuiltAhead(t)
	// Built while hidden, each form already has the size of the one on
	// screen: showing it lays nothing out.
	want := e.tabItems[0].Content.Size()
	for gi, it := range e.tabItems {
		if got := it.Content.Size(); got != want {
			t.Errorf("form %d built ahead at %v, the form on screen is %v", gi, got, want)
		}
	}
	// The answers are in the fields built ahead.
	conf := e.groupIndex("confidentiality")
	if got := e.entry(t, "breach_notice_hours").Text; got != e.d.Answers.Text("breach_notice_hours") || got == "" {
		t.Fatalf("breach notice field built ahead shows %q", got)
	}
	e.tabs.SelectIndex(conf)
	if !e.tabItems[conf].Content.Visible() {
		t.Fatal("the form built ahead is not shown when its tab is selected")
	}
}

// While the drafts list shows, the editor is made and its forms built
// and laid out ahead, so the first draft opened only fills them in: its
// answers must be in the fields, and nothing left over from the blank
// editor (an empty checklist, a form at size zero).
func TestTheEditorIsPreparedWhileTheListShows(t *testing.T) {
	h := newHarness(t)
	h.ui.opts.BuildAhead = true
	h.ui.win.Resize(fyne.NewSize(1280, 800))
	id, err := h.store.Create(draft.Example(h.ui.t))
	if err != nil {
		t.Fatal(err)
	}
	h.ui.ShowBrowser()
	h.waitFor("the editor prepared, every form built", func() bool {
		return h.ui.kept != nil && !slices.Contains(h.ui.kept.built, false)
	})
	prepared := h.ui.kept
	if prepared.content.Visible() {
		t.Fatal("the editor prepared behind the drafts list is visible")
	}
	conf := prepared.groupIndex("confidentiality")
	if got := prepared.tabItems[conf].Content.Size(); got.Width < 400 || got.Height < 300 {
		t.Fatalf("a form built ahead is %v, not laid out at the window's size", got)
	}
	e := h.openStored(id)
	if e != prepared {
		t.Fatal("opening a draft made another editor instead of the one prepared")
	}
	if !e.content.Visible() || h.ui.browser != nil {
		t.Fatal("the editor does not show after opening the draft")
	}
	if got, want := e.entry(t, "breach_notice_hours").Text, e.d.Answers.Text("breach_notice_hours"); got != want || got == "" {
		t.Fatalf("the prepared form shows breach notice %q, the draft says %q", got, want)
	}
	if !e.report.Complete() && e.side.content == nil || e.report.Applicable == 0 {
		t.Fatal("the checklist was not worked out for the draft opened")
	}
}

// refreshCounter counts the refreshes it is asked for.
type refreshCounter struct {
	widget.Label
	n int
}

func (r *refreshCounter) Refresh() { r.n++; r.Label.Refresh() }

func TestSwitchingTabsDoesNotRefreshHiddenForms(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	c := &refreshCounter{}
	c.ExtendBaseWidget(c)
	conf := e.groupIndex("confidentiality")
	e.buildTab(conf)
	e.scrolls[conf].Content.(*fyne.Container).Add(c)
	c.n = 0
	for gi := range e.tabItems {
		if gi != conf {
			e.tabs.SelectIndex(gi)
		}
	}
	if c.n != 0 {
		t.Fatalf("a widget in a hidden form was refreshed %d times by switching between the other tabs", c.n)
	}
}

func TestCtrlOLeavesTheDraftForTheList(t *testing.T) {
	h := newHarness(t)
	h.openExample()
	var open *fyne.MenuItem
	for _, it := range h.ui.win.MainMenu().Items[0].Items {
		if it.Shortcut != nil && it.Shortcut.ShortcutName() == shortcutOpen.ShortcutName() {
			open = it
		}
	}
	if open == nil || open.Label != "Open… (all drafts)" {
		t.Fatalf("Ctrl+O is %v in the File menu, want Open… (all drafts)", open)
	}
	open.Action()
	h.waitFor("the drafts list", func() bool { return h.ui.editor == nil && h.ui.browser != nil })
}
