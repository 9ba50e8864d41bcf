package forms

import (
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The menus by keyboard: Alt+F, Alt+D and Alt+G open File, Draft and Go,
// and F10 opens File, as in most desktop programs. Once a menu is open,
// Up and Down choose an item, Left and Right move between the menus,
// Enter runs the item and Escape closes the menu.
//
// Fyne 2.7 draws the menu bar inside the window and opens it when Alt is
// pressed and released alone, but has no public call to open one menu.
// Its desktop canvas does have ToggleMenu and DismissMenu, so a canvas
// that has them opens its own bar; any other (the test driver) gets a
// pop-up menu of the same items in its place, which is focused and
// answers the same keys except Left and Right.

// menuBarCanvas is the part of Fyne's desktop canvas that opens its menu bar.
type menuBarCanvas interface {
	ToggleMenu()
	DismissMenu() bool
}

var (
	shortcutFileMenu  = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierAlt}
	shortcutDraftMenu = &desktop.CustomShortcut{KeyName: fyne.KeyD, Modifier: fyne.KeyModifierAlt}
	shortcutGoMenu    = &desktop.CustomShortcut{KeyName: fyne.KeyG, Modifier: fyne.KeyModifierAlt}
)

// menuKeyItems are the Go menu's items that open the menus. They are menu
// items, not canvas shortcuts, because Fyne runs a main menu's shortcuts
// even while a text field has the focus.
func menuKeyItems(win fyne.Window) []*fyne.MenuItem {
	var items []*fyne.MenuItem
	for i, label := range []string{"File menu", "Draft menu", "Go menu"} {
		sc := []fyne.Shortcut{shortcutFileMenu, shortcutDraftMenu, shortcutGoMenu}[i]
		items = append(items, shortcutItem(label, sc, func() { openMenu(win, i) }))
	}
	return items
}

// openMenu opens the window's main menu number i (0 is File) and gives
// it the keyboard.
func openMenu(win fyne.Window, i int) {
	mm := win.MainMenu()
	if mm == nil || i < 0 || i >= len(mm.Items) {
		return
	}
	c := unguarded(win.Canvas())
	if bar, ok := c.(menuBarCanvas); ok {
		if runtime.GOOS == "darwin" {
			return // the system's menu bar, with its own keys
		}
		bar.DismissMenu()
		bar.ToggleMenu() // opens File, focused
		for range i {
			if f := c.Focused(); f != nil {
				f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
			}
		}
		return
	}
	x := float32(0)
	for _, m := range mm.Items[:i] {
		x += fyne.MeasureText(m.Label, theme.TextSize(), fyne.TextStyle{}).Width + 4*theme.Padding()
	}
	widget.NewPopUpMenu(mm.Items[i], c).ShowAtPosition(fyne.NewPos(x, 0))
}

// openMenuOnF10 opens the File menu when k is F10 and reports whether it
// did: the focused widget's TypedKey gets F10, so the ones that should
// open the menu ask this first.
func openMenuOnF10(o fyne.CanvasObject, k *fyne.KeyEvent) bool {
	if k.Name != fyne.KeyF10 {
		return false
	}
	if win := windowOf(o); win != nil {
		openMenu(win, 0)
	}
	return true
}

// windowOf is the window that shows o, or nil.
func windowOf(o fyne.CanvasObject) fyne.Window {
	app := fyne.CurrentApp()
	if app == nil {
		return nil
	}
	c := app.Driver().CanvasForObject(o)
	for _, w := range app.Driver().AllWindows() {
		if c != nil && w.Canvas() == c {
			return w
		}
	}
	return nil
}
