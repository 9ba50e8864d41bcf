package forms

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// The drafts browser by keyboard. The list has the keyboard when the
// browser shows; these keys act on its selected draft. New blank and New
// from example are File menu items with shortcuts, which work anywhere.
const browserKeysHelp = "Keys: Up and Down choose an agreement, Enter opens it, F2 renames, Ctrl+D duplicates, " +
	"Delete moves it to the trash, Ctrl+F searches, Ctrl+T shows the trash. In the trash, Enter restores, " +
	"Delete deletes forever and Escape goes back. Ctrl+N starts a blank agreement, F10 opens the menus."

var (
	shortcutDuplicate  = &desktop.CustomShortcut{KeyName: fyne.KeyD, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSearch     = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutTrash      = &desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutNewBlank   = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutNewExample = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
)

// draftList is the list of drafts: Up and Down move the selection (not
// only the focus, as Fyne's list does), so Enter and the other keys act
// on the draft the user sees chosen.
type draftList struct {
	widget.List
	b *browser
}

func newDraftList(b *browser) *draftList {
	l := &draftList{b: b}
	l.Length = func() int { return len(b.items) }
	l.CreateItem = func() fyne.CanvasObject {
		return newDraftRow(&l.List, func() {
			if !b.inTrash {
				b.openSelected()
			}
		})
	}
	l.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) {
		s := b.items[i]
		r := o.(*draftRow)
		r.id = i
		r.title.SetText(s.Title)
		r.detail.SetText(describe(s))
	}
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey moves the selection and acts on the selected draft.
func (l *draftList) TypedKey(k *fyne.KeyEvent) {
	b := l.b
	switch k.Name {
	case fyne.KeyDown, fyne.KeyUp:
		l.moveSelection(k)
	case fyne.KeyReturn, fyne.KeyEnter:
		if b.inTrash {
			b.restore()
		} else {
			b.openSelected()
		}
	case fyne.KeyDelete:
		if b.inTrash {
			b.purge()
		} else {
			b.delete()
		}
	case fyne.KeyF2:
		if !b.inTrash {
			b.rename()
		}
	case fyne.KeyEscape, fyne.KeyBackspace:
		if b.inTrash {
			b.showTrash(false)
		}
	default:
		if !openMenuOnF10(l, k) {
			l.List.TypedKey(k)
		}
	}
}

// moveSelection selects the draft above or below the selected one; the
// first key selects the first draft, where Fyne's focus mark starts.
func (l *draftList) moveSelection(k *fyne.KeyEvent) {
	n, sel := len(l.b.items), l.b.selected
	if n == 0 {
		return
	}
	if sel < 0 {
		l.Select(0)
		return
	}
	next := sel + 1
	if k.Name == fyne.KeyUp {
		next = sel - 1
	}
	if next < 0 || next >= n {
		return
	}
	l.List.TypedKey(k) // moves Fyne's focus mark along
	l.Select(next)
}

// TypedShortcut runs the browser's shortcuts while the list has the keyboard.
func (l *draftList) TypedShortcut(s fyne.Shortcut) { l.b.shortcut(s) }

// shortcut runs the browser shortcut s, from the list or the search field.
func (b *browser) shortcut(s fyne.Shortcut) bool {
	switch s.ShortcutName() {
	case shortcutDuplicate.ShortcutName():
		if !b.inTrash {
			b.duplicate()
		}
	case shortcutSearch.ShortcutName():
		b.win.Canvas().Focus(b.search)
	default:
		return false
	}
	return true
}

// searchEntry is the browser's search field: Down moves into the results
// and F10 opens the menus.
type searchEntry struct {
	widget.Entry
	b *browser
}

func newSearchEntry(b *browser) *searchEntry {
	e := &searchEntry{b: b}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey moves to the list on Down; every other key is the Entry's.
func (e *searchEntry) TypedKey(k *fyne.KeyEvent) {
	switch {
	case k.Name == fyne.KeyDown && len(e.b.items) > 0:
		e.b.win.Canvas().Focus(e.b.list)
		e.b.list.moveSelection(k)
	case openMenuOnF10(e, k):
	default:
		e.Entry.TypedKey(k)
	}
}

// TypedShortcut runs the browser's shortcuts (Ctrl+T…), else the Entry's
// (copy, paste…).
func (e *searchEntry) TypedShortcut(s fyne.Shortcut) {
	if !e.b.shortcut(s) {
		e.Entry.TypedShortcut(s)
	}
}
