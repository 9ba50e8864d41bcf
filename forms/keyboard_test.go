package forms

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// menuAction finds the main menu item with shortcut sc.
func menuAction(t *testing.T, w fyne.Window, sc fyne.Shortcut) func() {
	t.Helper()
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() {
				return it.Action
			}
		}
	}
	t.Fatalf("no menu item has the shortcut %s", sc.ShortcutName())
	return nil
}

func TestKeysMoveBetweenGroupsAndIntoTheSidePanel(t *testing.T) {
	h := newHarness(t)
	e, w := h.openWide()

	menuAction(t, w, shortcutNextGroup)()
	if got := e.tabs.SelectedIndex(); got != 1 {
		t.Fatalf("Ctrl+Page Down selected group %d, want 1", got)
	}
	if w.Canvas().Focused() == nil {
		t.Fatal("the keyboard is not in the new group's first field")
	}
	menuAction(t, w, shortcutPrevGroup)()
	menuAction(t, w, shortcutPrevGroup)()
	if got, last := e.tabs.SelectedIndex(), len(e.t.Groups)-1; got != last {
		t.Fatalf("Ctrl+Page Up from the first group selected %d, want the last (%d)", got, last)
	}
	for _, it := range w.MainMenu().Items[2].Items {
		if it.Label == "Pricing & Payment" {
			it.Action()
		}
	}
	if got := e.tabs.SelectedIndex(); got != e.groupIndex("pricing") {
		t.Fatalf("the Pricing & Payment item (Alt+4) selected group %d", got)
	}

	// The checklist: the first row to look at takes the focus; Enter opens it.
	e.entry(t, "breach_notice_hours").SetText("")
	menuAction(t, w, shortcutChecklist)()
	row, ok := w.Canvas().Focused().(*tapLabel)
	if !ok {
		t.Fatalf("Ctrl+Shift+L focused %T, not a checklist row", w.Canvas().Focused())
	}
	pressKey(t, w, fyne.KeyReturn)
	if got := e.tabs.SelectedIndex(); got != e.groupIndex("confidentiality") {
		t.Fatalf("Enter on %q opened group %d, want Confidentiality", row.Text, got)
	}
	if w.Canvas().Focused() != e.field("breach_notice_hours").focus {
		t.Fatal("Enter on the checklist row did not put the keyboard in the missing field")
	}

	e.entry(t, "breach_notice_hours").SetText("96") // a finding: too slow to report a breach
	menuAction(t, w, shortcutFindings)()
	if _, ok := w.Canvas().Focused().(*tapLabel); !ok {
		t.Fatalf("Ctrl+Shift+F focused %T, not a finding", w.Canvas().Focused())
	}
}

func TestTabLeavesMultiLineFields(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	area, ok := e.field("customer_address").focus.(*formEntry)
	if !ok {
		t.Fatalf("the address is a %T, not a text area", e.field("customer_address").focus)
	}
	// The window moves the focus on Tab unless the focused widget takes tabs.
	if area.AcceptsTab() {
		t.Fatal("a multi-line field keeps Tab, trapping the keyboard")
	}
	area.SetText("")
	area.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if area.Text != "\n" {
		t.Fatalf("Enter in a multi-line field gave %q, want a new line", area.Text)
	}
}

func TestSettingsChooseTheTheme(t *testing.T) {
	h := newHarness(t)
	a := h.ui.opts.App
	bg := func() color.Color { return a.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantDark) }
	h.ui.showSettings()
	tapOverlayRadio(t, h.ui.win, "Light")
	if got, want := bg(), theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight); got != want {
		t.Fatalf("after choosing Light the background is %v, want %v", got, want)
	}
	if got := a.Preferences().String(prefTheme); got != "light" {
		t.Fatalf("the choice is stored as %q", got)
	}
	// A new window (the next start) applies the stored choice.
	a.Settings().SetTheme(theme.DefaultTheme())
	New(Options{App: a, Template: h.ui.t, Do: h.do})
	if got, want := bg(), theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight); got != want {
		t.Fatal("the stored theme is not applied at start")
	}
}

// tapOverlayRadio chooses option in the radio group of the topmost dialog.
func tapOverlayRadio(t *testing.T, w fyne.Window, option string) {
	t.Helper()
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if r, ok := o.(*widget.RadioGroup); ok {
			r.SetSelected(option)
			return
		}
	}
	t.Fatalf("no choices in the dialog:\n%s", overlayText(w))
}

func TestWheelScrollsTheFormOverATextField(t *testing.T) {
	h := newHarness(t)
	e, w := h.openWide()
	name := e.field("customer_name").focus.(fyne.CanvasObject)
	over := fyne.CurrentApp().Driver().AbsolutePositionForObject(name).AddXY(20, 10)
	if over.Y < 60 {
		t.Fatalf("the customer's name is not laid out in the form (at %v)", over)
	}
	test.Scroll(w.Canvas(), over, 0, -120)
	if got := e.scrolls[0].Offset.Y; got <= 0 {
		t.Fatalf("the wheel over a text field moved the form by %.0f", got)
	}
}

func TestSidePanelPutsAwayAndIsRemembered(t *testing.T) {
	h := newHarness(t)
	e, w := h.openWide()
	before := e.tabs.Size().Width
	menuAction(t, w, shortcutSidePanel)()
	h.waitFor("the layout", func() bool { return e.tabs.Size().Width > before })
	if e.sideTabs.Visible() && e.sideTabs.Size().Width > 0 && !e.sideArea.hidden() {
		t.Fatal("the side panel is still shown")
	}
	if e.sideButton.Text != "Show checklist ▸" {
		t.Fatalf("the button says %q once the panel is away", e.sideButton.Text)
	}
	// The next editor starts without it.
	h.showBrowser()
	e = h.openBlank()
	if !e.sideArea.hidden() {
		t.Fatal("the side panel came back in the next editor")
	}
	test.Tap(e.sideButton)
	if e.sideArea.hidden() {
		t.Fatal("the button did not bring the side panel back")
	}
}

func TestFocusScrollsTheFieldIntoView(t *testing.T) {
	h := newHarness(t)
	e, w := h.openWide()
	fields := e.t.Groups[0].Fields
	// The last field shown whose entry scrolls it into view (a choice
	// does not).
	var last *fieldView
	for _, f := range fields {
		if fv := e.field(f.ID); fv.box.Visible() {
			if _, ok := fv.focus.(*formEntry); ok {
				last = fv
			}
		}
	}
	first := e.field(fields[0].ID)
	// Tab to it: it is culled (cull.go) until Tab nears it, so it cannot
	// be focused directly from the top.
	w.Canvas().Focus(first.focus)
	inLast := map[fyne.CanvasObject]bool{}
	walk(last.box, func(o fyne.CanvasObject) { inLast[o] = true })
	for i := 0; i < 500 && !inLast[w.Canvas().Focused().(fyne.CanvasObject)]; i++ {
		w.Canvas().FocusNext()
	}
	if !inLast[w.Canvas().Focused().(fyne.CanvasObject)] {
		t.Fatal("Tab did not reach the last field")
	}
	s := e.scrolls[0]
	top, bottom := last.row.Position().Y, last.row.Position().Y+last.row.Size().Height
	if s.Offset.Y <= 0 || s.Offset.Y > top || s.Offset.Y+s.Size().Height < bottom {
		t.Fatalf("the focused field (%.0f to %.0f) is outside the view (%.0f to %.0f)", top, bottom, s.Offset.Y, s.Offset.Y+s.Size().Height)
	}
	// Shift+Tab back to the first field (a culled field cannot be focused
	// directly, and nothing but Tab, a jump or a group's key does).
	for i := 0; i < 500 && w.Canvas().Focused() != first.focus; i++ {
		w.Canvas().FocusPrevious()
	}
	if s.Offset.Y > first.row.Position().Y {
		t.Fatalf("back at the first field the view starts at %.0f", s.Offset.Y)
	}
}
