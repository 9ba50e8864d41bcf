package forms

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// MarkupReader reads a Word file the other side returned and makes the
// answer changes it proposes (see docs/word.md). adapt.Documents has it;
// Documents without it cannot read Word files.
type MarkupReader interface {
	ReadMarkup(id int64, name string, file []byte) (MarkupReport, error)
	ApplyMarkup(id int64, r MarkupReport) (applied int, err error)
}

// MarkupReport is a returned Word file compared with the draft.
type MarkupReport struct {
	Text      string // the comparison, as the command line prints it
	Proposals int    // answer changes it proposes
	Changes   any    // what ApplyMarkup applies, opaque to the window
}

// compareWord is File ▸ Compare with a returned Word file…: it reads the
// file the user picks off the UI goroutine and shows the comparison.
func (e *editor) compareWord() {
	reader, ok := e.ui.opts.Documents.(MarkupReader)
	if !ok {
		e.ui.showError(errors.New("this window cannot read Word files: use pactwright markup ID FILE.docx"))
		return
	}
	e.ui.openFile([]string{".docx"}, func(name string, data []byte) {
		var r MarkupReport
		e.inBackground(func() (err error) {
			r, err = reader.ReadMarkup(e.id, name, data)
			return err
		}, func(err error) {
			if err != nil {
				e.ui.showError(err)
				return
			}
			e.showMarkup(reader, r)
		})
	})
}

// showMarkup shows the comparison; when it proposes answer changes, one
// button makes them.
func (e *editor) showMarkup(reader MarkupReader, r MarkupReport) {
	text := widget.NewLabel(r.Text)
	text.Wrapping = fyne.TextWrapWord
	text.Selectable = true
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(720, 420))
	if r.Proposals == 0 {
		dialog.ShowCustom("Their markup", "Close", scroll, e.ui.win)
		return
	}
	apply := fmt.Sprintf("Apply %d answer change", r.Proposals)
	if r.Proposals > 1 {
		apply += "s"
	}
	dialog.ShowCustomConfirm("Their markup", apply, "Close", scroll, func(ok bool) {
		if ok {
			e.applyMarkup(reader, r)
		}
	}, e.ui.win)
}

// applyMarkup saves what is on screen, makes the answer changes in the
// library, and shows the draft as the library then holds it.
func (e *editor) applyMarkup(reader MarkupReader, r MarkupReport) {
	u := e.ui
	e.flushThen(false, func(_ int64, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		var sd StoredDraft
		e.inBackground(func() error {
			if _, err := reader.ApplyMarkup(e.id, r); err != nil {
				return err
			}
			var err error
			sd, err = u.opts.Store.Get(e.id)
			return err
		}, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			u.closeEditor() // nothing is pending: it was just saved
			u.showDraft(sd, func() {})
		})
	})
}
