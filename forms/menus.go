package forms

import (
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/draft"
)

// mainMenu builds File and Draft. Items that need an open draft say so
// when used from the browser rather than silently doing nothing.
func (u *UI) mainMenu() *fyne.MainMenu {
	saveVersion := fyne.NewMenuItem("Save version…", u.withEditor((*editor).saveVersion))
	saveVersion.Shortcut = shortcutS
	exportPDF := fyne.NewMenuItem("Export PDF…", u.withEditor((*editor).exportPDF))
	exportPDF.Shortcut = shortcutE
	file := fyne.NewMenu("File",
		fyne.NewMenuItem("New agreement", func() { u.ShowBrowser(); u.newFromMenu() }),
		fyne.NewMenuItem("Open… (all drafts)", u.ShowBrowser),
		fyne.NewMenuItemSeparator(),
		saveVersion,
		exportPDF,
		fyne.NewMenuItem("Export JSON…", u.withEditor((*editor).exportJSON)),
		fyne.NewMenuItem("Import JSON…", u.importDialog),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Close", u.close),
	)
	drafts := fyne.NewMenu("Draft",
		fyne.NewMenuItem("History…", u.withEditor((*editor).showHistory)),
		fyne.NewMenuItem("Compare with signed…", u.withEditor((*editor).compareSigned)),
		fyne.NewMenuItem("Mark as signed…", u.withEditor((*editor).markSigned)),
		fyne.NewMenuItem("Amend…", u.withEditor((*editor).amend)),
	)
	return fyne.NewMainMenu(file, drafts)
}

var (
	shortcutS = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutE = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
)

func (u *UI) addShortcuts() {
	u.win.Canvas().AddShortcut(shortcutS, func(fyne.Shortcut) { u.withEditor((*editor).saveVersion)() })
	u.win.Canvas().AddShortcut(shortcutE, func(fyne.Shortcut) { u.withEditor((*editor).exportPDF)() })
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

func (u *UI) newFromMenu() {
	if u.browser != nil {
		u.browser.newBlank()
	}
}

// saveVersion asks for a note and stores a named revision.
func (e *editor) saveVersion() {
	note := widget.NewEntry()
	note.SetPlaceHolder("e.g. Sent to provider for review")
	dialog.ShowForm("Save version", "Save", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Note", note),
	}, func(ok bool) {
		if !ok {
			return
		}
		if err := e.saver.Flush(); err != nil {
			e.ui.showError(fmt.Errorf("save version: %w", err))
			return
		}
		r, err := e.ui.opts.Store.SaveRevision(e.id, note.Text)
		if err != nil {
			e.ui.showError(fmt.Errorf("save version: %w", err))
			return
		}
		e.status.SetText(fmt.Sprintf("Saved as version %d", r.Number))
	}, e.ui.win)
}

// exportJSON writes the draft in the interchange format.
func (e *editor) exportJSON() {
	data, err := draft.Marshal(e.t, e.snapshot())
	if err != nil {
		e.ui.showError(err)
		return
	}
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			e.ui.showError(err)
			return
		}
		if w == nil {
			return
		}
		if _, err := w.Write(data); err != nil {
			w.Close()
			e.ui.showError(fmt.Errorf("export JSON to %s: %w", w.URI().Path(), err))
			return
		}
		if err := w.Close(); err != nil {
			e.ui.showError(fmt.Errorf("export JSON to %s: %w", w.URI().Path(), err))
		}
	}, e.ui.win)
	fd.SetFileName(exportName(e.d.Answers, e.ui.now(), "json"))
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	fd.Show()
}

// markSigned records the signed PDF's fingerprint so later changes can be
// compared with what was signed.
func (e *editor) markSigned() {
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			e.ui.showError(err)
			return
		}
		if r == nil {
			return
		}
		defer r.Close()
		e.recordSigned(r.URI().Name(), r)
	}, e.ui.win)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	dialog.ShowInformation("Mark as signed", "Choose the signed PDF. Its fingerprint is stored so that any later change can be compared with exactly what was signed.", e.ui.win)
	fd.Show()
}

// recordSigned records the signed PDF read from r: the library checks it
// comes from one of this draft's exports and keeps its fingerprint.
func (e *editor) recordSigned(name string, r io.Reader) {
	pdf, err := io.ReadAll(r)
	if err != nil {
		e.ui.showError(fmt.Errorf("read %s: %w", name, err))
		return
	}
	if err := e.saver.Flush(); err != nil {
		e.ui.showError(fmt.Errorf("mark as signed: %w", err))
		return
	}
	rev, err := e.ui.opts.Store.MarkSigned(e.id, pdf)
	if err != nil {
		e.ui.showError(fmt.Errorf("mark as signed: %w", err))
		return
	}
	e.signed = true
	dialog.ShowInformation("Marked as signed", fmt.Sprintf("Version %d is recorded as the signed agreement (%s).\nLater changes can be reviewed with Draft → Compare with signed.", rev.Number, name), e.ui.win)
}

// amend starts a round of changes to a signed agreement.
func (e *editor) amend() {
	if !e.signed {
		dialog.ShowInformation("Not signed yet", "Amend is for agreements already marked as signed. This draft can simply be edited.", e.ui.win)
		return
	}
	if err := e.saver.Flush(); err != nil {
		e.ui.showError(fmt.Errorf("amend: %w", err))
		return
	}
	if _, err := e.ui.opts.Store.SaveRevision(e.id, "Amendment started"); err != nil {
		e.ui.showError(fmt.Errorf("amend: %w", err))
		return
	}
	dialog.ShowInformation("Amending", "Edit the terms that change. Draft → Compare with signed shows every change since signature; export a new PDF for both parties to sign.", e.ui.win)
}
