package forms

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/draft"
)

// mainMenu builds File and Draft. Items that need an open draft say so
// when used from the browser rather than silently doing nothing.
func (u *UI) mainMenu() *fyne.MainMenu {
	editorItem := u.editorItem
	saveVersion := fyne.NewMenuItem("Save version…", u.withEditor((*editor).saveVersion))
	saveVersion.Shortcut = shortcutS
	exportPDF := fyne.NewMenuItem("Export PDF…", u.withEditor((*editor).exportPDF))
	exportPDF.Shortcut = shortcutE
	file := fyne.NewMenu("File",
		shortcutItem("New agreement", shortcutNewBlank, func() { u.inBrowser((*browser).newBlank) }),
		shortcutItem("New from the example", shortcutNewExample, func() { u.inBrowser((*browser).newExample) }),
		shortcutItem("Open… (all drafts)", shortcutOpen, u.ShowBrowser),
		shortcutItem("Deleted agreements (trash)", shortcutTrash, func() { u.inBrowser(func(b *browser) { b.showTrash(true) }) }),
		fyne.NewMenuItemSeparator(),
		saveVersion,
		exportPDF,
		fyne.NewMenuItem("Export JSON…", u.withEditor((*editor).exportJSON)),
		fyne.NewMenuItem("Import JSON or PDF…", u.importDialog),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Settings…", u.showSettings),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Close", u.close),
	)
	drafts := fyne.NewMenu("Draft",
		fyne.NewMenuItem("History…", u.withEditor((*editor).showHistory)),
		fyne.NewMenuItem("Compare with…", u.withEditor((*editor).showCompare)),
		fyne.NewMenuItem("Compare with signed…", u.withEditor((*editor).compareSigned)),
		fyne.NewMenuItem("Mark as signed…", u.withEditor((*editor).markSigned)),
		fyne.NewMenuItem("Amend…", u.withEditor((*editor).amend)),
		fyne.NewMenuItem("Service credits…", u.withEditor((*editor).showCredits)),
		fyne.NewMenuItem("Calendar of obligations…", u.withEditor((*editor).showCalendar)),
		fyne.NewMenuItem("Market position…", u.withEditor((*editor).showMarket)),
		fyne.NewMenuItemSeparator(),
		editorItem("Use the suggested values in this group", shortcutAcceptSuggested,
			func(e *editor) { e.acceptSuggestions(e.tabs.SelectedIndex()) }),
		editorItem("Confirm this group as reviewed", shortcutConfirmGroup, (*editor).confirmShownGroup),
	)
	return fyne.NewMainMenu(file, drafts, u.goMenu())
}

// editorItem is a menu item with a shortcut that acts on the open draft.
func (u *UI) editorItem(label string, sc fyne.Shortcut, f func(*editor)) *fyne.MenuItem {
	return shortcutItem(label, sc, u.withEditor(f))
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
	u.win.Canvas().AddShortcut(shortcutS, func(fyne.Shortcut) { u.withEditor((*editor).saveVersion)() })
	u.win.Canvas().AddShortcut(shortcutE, func(fyne.Shortcut) { u.withEditor((*editor).exportPDF)() })
	// The browser's search key, when nothing has the focus (an empty list).
	u.win.Canvas().AddShortcut(shortcutSearch, func(s fyne.Shortcut) {
		if u.browser != nil {
			u.browser.shortcut(s)
		}
	})
	// F10 reaches the canvas only when nothing has the focus; text fields
	// and the drafts list pass it on themselves (openMenuOnF10).
	u.win.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyF10 {
			openMenu(u.win, 0)
		}
	})
}

func (u *UI) withEditor(f func(*editor)) func() {
	return func() {
		if u.editor == nil {
			dialog.ShowInformation("No agreement open", "Open an agreement from the list first.", u.win)
			return
		}
		f(u.editor)
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

// saveVersion asks for a note and stores a named revision, then says
// which version it became: a save the user asked for deserves an answer.
func (e *editor) saveVersion() {
	note := newDialogEntry("e.g. Sent to provider for review")
	askForm(e.ui.win, "Save version", "Save", []formField{{"Note", note}}, func(ok bool) {
		if !ok {
			return
		}
		var r Revision
		store, id, text := e.ui.opts.Store, e.id, note.Text
		e.afterSave("save version", func(int64) (err error) {
			r, err = store.SaveRevision(id, text)
			return err
		}, func(err error) {
			if err != nil {
				e.ui.showError(fmt.Errorf("save version: %w", err))
				return
			}
			e.status.SetText(fmt.Sprintf("Saved as version %d", r.Number))
			e.ui.inform("Version saved", savedVersionText(r))
		})
	})
}

// savedVersionText confirms a saved version in words.
func savedVersionText(r Revision) string {
	text := fmt.Sprintf("Saved as version %d", r.Number)
	if r.Note != "" {
		text += fmt.Sprintf(" (%q)", r.Note)
	}
	return text + ". Draft → History… lists it and can bring it back."
}

// exportJSON writes the draft in the interchange format.
func (e *editor) exportJSON() {
	data, err := draft.Marshal(e.t, e.snapshot())
	if err != nil {
		e.ui.showError(err)
		return
	}
	e.ui.askSaveFile(exportName(e.d.Answers, e.ui.now(), "json"), ".json", func(w fyne.URIWriteCloser) {
		if _, err := w.Write(data); err != nil {
			w.Close()
			e.ui.showError(fmt.Errorf("export JSON to %s: %w", w.URI().Path(), err))
			return
		}
		if err := w.Close(); err != nil {
			e.ui.showError(fmt.Errorf("export JSON to %s: %w", w.URI().Path(), err))
		}
	})
}

// markSigned asks how the agreement was signed: digitally, as a PDF that
// grew from one of this draft's exports, or on paper, when the latest
// export is what was signed.
func (e *editor) markSigned() {
	msg := widget.NewLabel("How was the agreement signed?\n\n" +
		"Digitally: choose the signed PDF. It must be a PDF exported from this agreement (signing only adds to the file). " +
		"Its fingerprint is kept, so the file can be recognised later.\n\n" +
		"On paper: the latest PDF exported from this agreement is recorded as what was signed " +
		"(the current answers, if it was never exported).\n\n" +
		"Either way, later changes can be compared with exactly what was signed.")
	msg.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	choose := widget.NewButtonWithIcon("Choose the signed PDF…", theme.FileIcon(), func() {
		d.Hide()
		e.ui.openFile([]string{".pdf"}, e.recordSigned)
	})
	choose.Importance = widget.HighImportance
	paper := widget.NewButtonWithIcon("Signed on paper", theme.DocumentIcon(), func() {
		d.Hide()
		e.recordSigned("", nil)
	})
	d = dialog.NewCustom("Mark as signed", "Cancel", container.NewVBox(msg, container.NewCenter(container.NewHBox(choose, paper))), e.ui.win)
	d.Resize(fyne.NewSize(560, 340))
	d.Show()
}

// recordSigned records the draft as signed: as the PDF named name when pdf
// is not nil (the store checks it comes from one of this draft's exports
// and keeps its fingerprint), else as signed on paper.
func (e *editor) recordSigned(name string, pdf []byte) {
	var signed Signed
	var since []Change
	docs, store, id := e.ui.opts.Documents, e.ui.opts.Store, e.id
	e.afterSave("mark as signed", func(int64) (err error) {
		if signed, err = docs.MarkSigned(id, pdf); err != nil {
			return err
		}
		// What the user sees but did not sign; the record stands without it.
		since, _ = store.DiffSigned(id)
		return nil
	}, func(err error) { e.signedAs(name, pdf != nil, signed, since, err) })
}

// unsignedChanges warns that answers on screen are not what was signed,
// naming the first few.
func unsignedChanges(since []Change) string {
	if len(since) == 0 {
		return ""
	}
	var names []string
	for i, c := range since {
		if i == 3 {
			names = append(names, fmt.Sprintf("and %d more", len(since)-3))
			break
		}
		names = append(names, c.Label)
	}
	return fmt.Sprintf("\n\nCareful: your current answers differ from what was signed in %d place(s): %s. "+
		"They are not part of the signed agreement. Compare with signed shows them; Draft → Amend… makes them binding, "+
		"or change them back.", len(since), strings.Join(names, ", "))
}

// signedAs tells the user how recordSigned went.
func (e *editor) signedAs(name string, digital bool, signed Signed, since []Change, err error) {
	switch {
	case errors.Is(err, ErrNotExported):
		e.ui.inform("Not a PDF of this agreement", fmt.Sprintf("%s was not exported from this agreement, so it cannot be recorded as its signed copy.\n\n"+
			"Choose the PDF you exported from Pactwright and had signed: a signature only adds to the file, so it is still recognised. "+
			"A PDF saved again or printed to PDF by another program is not; if that is all you have, choose Signed on paper instead.\n\n"+
			"Details: %v", name, err))
		return
	case err != nil:
		e.ui.showError(fmt.Errorf("mark as signed: %w", err))
		return
	}
	e.signed = true
	e.loadInForce()
	how := "signed on paper"
	if digital {
		how = "signed as " + name
	}
	what := "the signed agreement"
	if signed.Amendment > 0 {
		what = fmt.Sprintf("the agreement as amended by the signed Amendment No. %d", signed.Amendment)
	}
	e.ui.inform("Marked as signed", fmt.Sprintf("Version %d is recorded as %s (%s).\n"+
		"Later changes can be reviewed with Draft → Compare with signed, and made binding with Draft → Amend….", signed.Revision, what, how)+
		unsignedChanges(since))
}

// loadInForce reads the terms now signed, off the UI goroutine, and marks
// the answers that differ from them.
// It runs quietly: without the marks the editor still works.
func (e *editor) loadInForce() {
	store, do, id, session := e.ui.opts.Store, e.ui.opts.Do, e.id, e.session
	go func() {
		sd, err := store.Get(id)
		do(func() {
			if err == nil && sd.Signed != nil && e.live(session) {
				e.inForce = sd.Signed.Answers
				e.recompute()
			}
		})
	}()
}

// amend starts (or updates) the amendment of a signed agreement: it asks
// when the amendment takes effect and why, and explains what comes next.
func (e *editor) amend() {
	if !e.signed {
		dialog.ShowInformation("Not signed yet", "Amend is for agreements already marked as signed. This draft can simply be edited.", e.ui.win)
		return
	}
	effective := newDialogEntry("YYYY-MM-DD, e.g. " + e.ui.now().AddDate(0, 1, 0).Format("2006-01-02"))
	reason := newDialogEntry("optional, e.g. Higher volumes from the summer")
	askForm(e.ui.win, "Amend the signed agreement", "Start amendment", []formField{
		{"Takes effect on", effective},
		{"Reason", reason},
	}, func(ok bool) {
		if ok {
			e.startAmendment(effective.Text, reason.Text)
		}
	})
}

// startAmendment records when the amendment takes effect and why, once
// the answers on screen are saved.
func (e *editor) startAmendment(effective, reason string) {
	var msg string
	docs, id := e.ui.opts.Documents, e.id
	e.afterSave("amend", func(int64) (err error) {
		msg, err = docs.Amend(id, effective, reason)
		return err
	}, func(err error) {
		if err != nil {
			e.ui.showError(fmt.Errorf("amend: %w", err))
			return
		}
		e.ui.inform("Amending", msg+"\n\nEdit the terms that change; Draft → Compare with signed shows every change since signature. "+
			"Then File → Export PDF… → Amendment makes the amendment for both parties to sign.")
	})
}
