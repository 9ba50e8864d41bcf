package forms

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// File ▸ Open library…: another library, by file or by a postgres://
// connection string, replaces the one the window shows. The choice is
// remembered without its password (prefLibrary); the password comes from
// PGPASSWORD or ~/.pgpass, or is typed again.

const prefLibrary = "library.location"

// Library is an open library wired for the window (adapt.Wire).
type Library struct {
	Store     Store
	Documents Documents
	SetAuthor func(name string)
	Watch     func(ctx context.Context, changed func(id int64)) error
	Where     string // the location, any password hidden
	Close     func() error
}

// RememberedLibrary is the library last opened with File ▸ Open
// library…, without its password; "" if none.
func RememberedLibrary(a fyne.App) string { return a.Preferences().String(prefLibrary) }

// showOpenLibrary asks for the library to open.
func (u *UI) showOpenLibrary() {
	where := widget.NewEntry()
	where.SetPlaceHolder("/path/to/library.db or postgres://user@host/db?sslmode=verify-full")
	password := widget.NewPasswordEntry()
	password.SetPlaceHolder("only if the connection string needs one")
	items := []*widget.FormItem{
		widget.NewFormItem("Library file or connection string", where),
		widget.NewFormItem("Password", password),
	}
	d := dialog.NewForm("Open library", "Open", "Cancel", items, func(ok bool) {
		if ok {
			u.openLibrary(where.Text, password.Text, nil)
		}
	}, u.win)
	d.Resize(fyne.NewSize(640, d.MinSize().Height))
	d.Show()
}

// openLibrary opens the library at location off the UI goroutine (a
// server may take seconds to answer), then shows its drafts, once the
// open draft's answers are saved in the library they came from. done, if
// set, runs on the UI goroutine with the outcome.
func (u *UI) openLibrary(location, password string, done func(error)) {
	if u.opts.OpenLibrary == nil {
		return
	}
	open := u.opts.OpenLibrary
	go func() {
		lib, remember, err := open(strings.TrimSpace(location), password)
		u.opts.Do(func() {
			if err != nil {
				u.showError(err)
			} else {
				u.showBrowser(func() { u.switchLibrary(lib, remember) })
			}
			if done != nil {
				done(err)
			}
		})
	}()
}

// switchLibrary makes lib the window's library, with no draft open.
func (u *UI) switchLibrary(lib Library, remember string) {
	u.stopWatch()
	old := u.closeLibrary
	u.opts.Store, u.opts.StoreErr = lib.Store, nil
	if lib.Documents != nil {
		u.opts.Documents = lib.Documents
	}
	u.opts.SetAuthor, u.opts.Watch, u.closeLibrary = lib.SetAuthor, lib.Watch, lib.Close
	u.kept = nil // an editor kept for reuse belongs to the old library
	u.opts.App.Preferences().SetString(prefLibrary, remember)
	u.applyAuthorName()
	u.startWatch()
	u.showBrowser(nil)
	u.win.SetTitle("Pactwright · " + lib.Where)
	if old != nil {
		go old()
	}
}
