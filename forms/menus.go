package forms

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"

	"pactwright/app/draft"
)

// draftActions is what the menus and their shortcuts ask of the open
// draft: the editor has them, and the menus know nothing else of it.
type draftActions interface {
	draftDialogs
	draftMoves
}

// draftDialogs are the File and Draft menus' actions on the open draft.
type draftDialogs interface {
	saveVersion()
	exportPDF()
	exportWord()
	compareWord()
	showWording()
	exportJSON()
	showHistory()
	showCompare()
	compareSigned()
	markSigned()
	amend()
	showCredits()
	showCalendar()
	showMarket()
	// acceptShownSuggestions takes the suggested values of the clause
	// group on screen; confirmShownGroup confirms it as reviewed.
	acceptShownSuggestions()
	confirmShownGroup()
}

// draftMoves are the Go menu's: moving between the clause groups and into
// the side panel (keyboard.go).
type draftMoves interface {
	nextGroup()
	previousGroup()
	showGroup(gi int)
	focusChecklist()
	focusFindings()
	showPreview()
	toggleSidePanel()
}

var _ draftActions = (*editor)(nil)

// mainMenu builds File and Draft. Items that need an open draft say so
// when used from the browser rather than silently doing nothing.
func (u *UI) mainMenu() *fyne.MainMenu {
	draftItem := func(label string, act func(draftActions)) *fyne.MenuItem {
		return fyne.NewMenuItem(label, u.onDraft(act))
	}
	file := fyne.NewMenu("File",
		shortcutItem("New agreement", shortcutNewBlank, func() { u.inBrowser((*browser).newBlank) }),
		shortcutItem("New from the example", shortcutNewExample, func() { u.inBrowser((*browser).newExample) }),
		shortcutItem("Open… (all drafts)", shortcutOpen, u.ShowBrowser),
		fyne.NewMenuItem("Open library…", u.showOpenLibrary),
		shortcutItem("Deleted agreements (trash)", shortcutTrash, func() { u.inBrowser(func(b *browser) { b.showTrash(true) }) }),
		fyne.NewMenuItemSeparator(),
		u.draftShortcut("Save version…", shortcutS, draftActions.saveVersion),
		u.draftShortcut("Export PDF…", shortcutE, draftActions.exportPDF),
		draftItem("Export Word for markup…", draftActions.exportWord),
		draftItem("Compare with a returned Word file…", draftActions.compareWord),
		draftItem("Export JSON…", draftActions.exportJSON),
		fyne.NewMenuItem("Import JSON or PDF…", u.importDialog),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Settings…", u.showSettings),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Close", u.close),
	)
	drafts := fyne.NewMenu("Draft",
		draftItem("History…", draftActions.showHistory),
		draftItem("Compare with…", draftActions.showCompare),
		draftItem("Compare with signed…", draftActions.compareSigned),
		draftItem("Mark as signed…", draftActions.markSigned),
		draftItem("Amend…", draftActions.amend),
		draftItem("Service credits…", draftActions.showCredits),
		draftItem("Calendar of obligations…", draftActions.showCalendar),
		draftItem("Market position…", draftActions.showMarket),
		draftItem("Negotiated wording…", draftActions.showWording),
		fyne.NewMenuItemSeparator(),
		u.draftShortcut("Use the suggested values in this group", shortcutAcceptSuggested, draftActions.acceptShownSuggestions),
		u.draftShortcut("Confirm this group as reviewed", shortcutConfirmGroup, draftActions.confirmShownGroup),
	)
	return fyne.NewMainMenu(file, drafts, u.goMenu())
}

// draftShortcut is a menu item with a shortcut that acts on the open draft.
func (u *UI) draftShortcut(label string, sc fyne.Shortcut, act func(draftActions)) *fyne.MenuItem {
	return shortcutItem(label, sc, u.onDraft(act))
}

// shortcutItem is a menu item with a shortcut.
func shortcutItem(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, action)
	it.Shortcut = sc
	return it
}

var (
	shortcutS = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutE = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	// Ctrl+O leaves the draft for the drafts list, to open or switch to another.
	shortcutOpen = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}

	shortcutAcceptSuggested = &desktop.CustomShortcut{KeyName: fyne.KeyA, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutConfirmGroup    = &desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
)

func (u *UI) addShortcuts() {
	u.win.Canvas().AddShortcut(shortcutS, func(fyne.Shortcut) { u.onDraft(draftActions.saveVersion)() })
	u.win.Canvas().AddShortcut(shortcutE, func(fyne.Shortcut) { u.onDraft(draftActions.exportPDF)() })
	// The browser's search key, when nothing has the focus (an empty list).
	u.win.Canvas().AddShortcut(shortcutSearch, func(s fyne.Shortcut) {
		if u.browser != nil {
			u.browser.shortcut(s)
		}
	})
	// F10 reaches the canvas only when nothing has the focus; text fields
	// and the drafts list pass it on themselves (openMenuOnF10). So does
	// Escape in a dialog whose buttons do not have the focus: it closes
	// the dialog as its Cancel or Close button would.
	u.win.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		switch k.Name {
		case fyne.KeyF10:
			openMenu(u.win, 0)
		case fyne.KeyEscape:
			u.guard.c.escape()
		}
	})
}

// onDraft is a menu action that runs act on the open draft, or says
// there is none (the drafts list is on screen).
func (u *UI) onDraft(act func(draftActions)) func() {
	return func() {
		if u.editor == nil {
			dialog.ShowInformation("No agreement open", "Open an agreement from the list first.", u.win)
			return
		}
		act(u.editor)
	}
}

// inBrowser shows the drafts browser (leaving the editor once its
// answers are saved) and runs f on it.
func (u *UI) inBrowser(f func(*browser)) {
	u.showBrowser(func() {
		if u.browser != nil {
			f(u.browser)
		}
	})
}

// exportJSON writes the draft in the interchange format.
func (e *editor) exportJSON() {
	data, err := draft.Marshal(e.t, e.snapshot())
	if err != nil {
		e.ui.showError(err)
		return
	}
	e.ui.saveFile(exportName(e.d.Answers, e.ui.now(), "json"), "export JSON", data)
}

// acceptShownSuggestions takes the suggested values of the clause group on screen.
func (e *editor) acceptShownSuggestions() { e.acceptSuggestions(e.tabs.SelectedIndex()) }
