package forms

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/dialog"

	"pactwright/app/draft"
)

// Importing a draft is two steps: putting it in the library, which may
// wait on SQLite and so runs off the UI goroutine when the user asked
// from the window, and then opening it, which draws.

// importDialog asks for a draft JSON file or an exported PDF and opens it
// as a new draft, the library's work done off the UI goroutine.
func (u *UI) importDialog() {
	u.openFile([]string{".json", ".pdf"}, u.importInBackground)
}

// importInBackground imports name's bytes off the UI goroutine, then
// opens the draft, or says why it could not.
func (u *UI) importInBackground(name string, data []byte) {
	go func() {
		im, err := u.importStored(name, data)
		u.opts.Do(func() {
			if err == nil {
				err = u.showImported(im)
			}
			if err != nil {
				u.showError(err)
			}
		})
	}()
}

// importBytes imports name's bytes and opens the draft, all on the
// calling goroutine (ImportFile, for the command line's open FILE).
func (u *UI) importBytes(name string, data []byte) (int64, error) {
	im, err := u.importStored(name, data)
	if err != nil {
		return 0, err
	}
	return im.ID, u.showImported(im)
}

// importStored puts the draft in name's bytes into the library: a JSON
// draft as a new draft, a PDF Pactwright exported through Documents,
// which does not copy a draft already in the library. It touches no
// widget, so it may run on any goroutine.
func (u *UI) importStored(name string, data []byte) (Imported, error) {
	if strings.HasSuffix(strings.ToLower(name), ".pdf") {
		im, err := u.opts.Documents.ImportPDF(data)
		if err != nil {
			return Imported{}, fmt.Errorf("import %s: %w", name, err)
		}
		return im, nil
	}
	d, err := draft.Unmarshal(u.t, data)
	if err != nil {
		return Imported{}, fmt.Errorf("import %s: %w", name, err)
	}
	if u.opts.Store == nil {
		return Imported{}, fmt.Errorf("import %s: %w", name, u.opts.StoreErr)
	}
	id, err := u.opts.Store.Create(d)
	if err != nil {
		return Imported{}, fmt.Errorf("import %s: %w", name, err)
	}
	return Imported{ID: id}, nil
}

// showImported opens the draft importStored put in the library and says
// what the PDF import found. A PDF of a draft already in the library is
// not opened at once: the user is offered that draft instead.
func (u *UI) showImported(im Imported) error {
	if im.Existing {
		dialog.ShowConfirm("Already in your library", im.Message+"\n\nOpen it?", func(ok bool) {
			if ok {
				if err := u.OpenDraft(im.ID); err != nil {
					u.showError(err)
				}
			}
		}, u.win)
		return nil
	}
	if err := u.OpenDraft(im.ID); err != nil {
		return err
	}
	if im.Message != "" {
		u.inform("Imported from PDF", im.Message)
	}
	return nil
}
