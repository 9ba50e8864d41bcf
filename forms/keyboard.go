package forms

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// The keyboard: everything the mouse does has a key. Moving between
// clause groups and into the side panel are menu items with shortcuts:
// Fyne runs a main menu's shortcuts even while a text field has the
// focus, which canvas shortcuts are not.

var (
	shortcutNextGroup = &desktop.CustomShortcut{KeyName: fyne.KeyPageDown, Modifier: fyne.KeyModifierControl}
	shortcutPrevGroup = &desktop.CustomShortcut{KeyName: fyne.KeyPageUp, Modifier: fyne.KeyModifierControl}
	shortcutChecklist = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutFindings  = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutPreview   = &desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
)

// goMenu moves between the clause groups (Ctrl+Page Up/Down, Alt+1…9) and
// into the checklist and findings, whose rows Enter or Space then opens.
func (u *UI) goMenu() *fyne.Menu {
	item := u.draftShortcut
	items := []*fyne.MenuItem{
		item("Next clause group", shortcutNextGroup, draftActions.nextGroup),
		item("Previous clause group", shortcutPrevGroup, draftActions.previousGroup),
		fyne.NewMenuItemSeparator(),
	}
	for i, g := range u.t.Groups {
		if i == 9 {
			break
		}
		key := fyne.KeyName(fmt.Sprint(i + 1))
		items = append(items, item(g.Name, &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierAlt},
			func(a draftActions) { a.showGroup(i) }))
	}
	items = append(items, fyne.NewMenuItemSeparator(),
		item("Checklist", shortcutChecklist, draftActions.focusChecklist),
		item("Findings", shortcutFindings, draftActions.focusFindings),
		item("Preview", shortcutPreview, draftActions.showPreview),
		item("Show or hide the side panel", shortcutSidePanel, draftActions.toggleSidePanel),
		fyne.NewMenuItemSeparator(),
	)
	items = append(items, menuKeyItems(u.win)...)
	return fyne.NewMenu("Go", items...)
}

func (e *editor) nextGroup()     { e.showGroup(e.tabs.SelectedIndex() + 1) }
func (e *editor) previousGroup() { e.showGroup(e.tabs.SelectedIndex() - 1) }

// showGroup selects clause group gi (wrapping around at either end) and
// puts the keyboard in its first field.
func (e *editor) showGroup(gi int) {
	n := len(e.t.Groups)
	gi = (gi%n + n) % n
	e.buildTab(gi)
	e.tabs.SelectIndex(gi)
	e.cullers[gi].scrollTo(0)
	for _, f := range e.t.Groups[gi].Fields {
		if fv := e.fields[f.ID]; fv != nil && fv.box.Visible() && fv.focus != nil {
			e.ui.win.Canvas().Focus(fv.focus)
			return
		}
	}
}

// focusChecklist puts the keyboard on the checklist's first row that
// needs work, in sight.
func (e *editor) focusChecklist() { e.focusSide(e.side.firstChecklistRow()) }

// focusFindings puts the keyboard on the first finding, in sight.
func (e *editor) focusFindings() { e.focusSide(e.side.firstFinding()) }

// focusSide shows the checklist tab of the side panel and focuses o.
func (e *editor) focusSide(o fyne.Focusable) {
	e.showSideTab(e.checklistItem())
	if o != nil {
		// A culled checklist row cannot take the focus: show it first.
		if l, ok := o.(*tapLabel); ok && l.onFocus != nil {
			l.onFocus()
		}
		e.ui.win.Canvas().Focus(o)
	}
}

// formEntry is a form's text field. Tab and Shift+Tab always leave it,
// multi-line ones included: a tab character has no place in an
// agreement, and Fyne's multi-line entry would keep the keyboard inside
// for good (Enter adds a line). Gaining the focus runs onFocus, which
// scrolls the field into view.
type formEntry struct {
	widget.Entry
	onFocus func()
	// full, when set and true, drops typed characters at once: the field
	// is at its limit, and the entry need not re-wrap its text for a
	// keystroke it would refuse.
	full func() bool
	// stuck is where a typed space left the cursor behind, or -1.
	stuck int
}

// TypedRune is the Entry's, unless the field is full and nothing is
// selected to be replaced.
//
// Fyne 2.7.1's word-wrapped entry cannot put its cursor after a space
// typed where a line wraps: the cursor stays before it, and what is typed
// next goes in front of the space, joining two words ("catalogueorders")
// and pushing the space to the end of the text. So a space that left the
// cursor behind is remembered, and the next character typed there is put
// where the cursor should have been.
func (e *formEntry) TypedRune(r rune) {
	if e.refuses() {
		return
	}
	at := e.CursorTextOffset()
	if e.stuck >= 0 && at == e.stuck && e.SelectedText() == "" {
		e.stuck = -1
		if text := []rune(e.Text); at < len(text) && text[at] == ' ' {
			e.insertAfterStuckSpace(text, at+1, r)
			return
		}
	}
	e.stuck = -1
	e.Entry.TypedRune(r)
	if e.MultiLine && e.CursorTextOffset() == at {
		e.stuck = at
	}
}

// insertAfterStuckSpace puts r at offset pos of text and the cursor after it.
func (e *formEntry) insertAfterStuckSpace(text []rune, pos int, r rune) {
	text = append(text[:pos:pos], append([]rune{r}, text[pos:]...)...)
	e.stuck = -1
	if pos == len(text)-1 { // at the end: the cursor goes to the end
		setTextCursorAtEnd(&e.Entry, string(text))
		return
	}
	e.SetText(string(text))
	for e.CursorTextOffset() < pos+1 {
		before := e.CursorTextOffset()
		e.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
		if e.CursorTextOffset() == before {
			break
		}
	}
}

func (e *formEntry) refuses() bool {
	return e.full != nil && e.full() && e.SelectedText() == ""
}

func newFormEntry(multiLine bool, onFocus func()) *formEntry {
	e := &formEntry{onFocus: onFocus, stuck: -1}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey opens the File menu on F10; every other key is the Entry's.
func (e *formEntry) TypedKey(k *fyne.KeyEvent) {
	if (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && e.MultiLine && e.refuses() {
		return // a new line is a character too
	}
	if !openMenuOnF10(e, k) {
		e.Entry.TypedKey(k)
	}
}

// AcceptsTab is false: Tab moves the focus on.
func (e *formEntry) AcceptsTab() bool { return false }

// FocusGained is the Entry's, then onFocus.
func (e *formEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.onFocus != nil {
		e.onFocus()
	}
}

// scrollIntoView scrolls group gi's form so that o, a field's row in the
// form, shows whole (or its top, if it is taller than the form).
func (e *editor) scrollIntoView(gi int, o fyne.CanvasObject) {
	e.cullers[gi].scrollIntoView(o)
}
