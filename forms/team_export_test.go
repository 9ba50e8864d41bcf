package forms

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Hooks for the team tests in package forms_test (see export_test.go).

// App is the app the window belongs to.
func (u *UI) App() fyne.App { return u.opts.App }

// OverlayLabels is overlayText with a form's row labels (canvas texts) too.
func OverlayLabels(w fyne.Window) string {
	text := overlayText(w)
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if c, ok := o.(*canvas.Text); ok {
			text += c.Text + "\n"
		}
	}
	return text
}

// ShowSettings opens File ▸ Settings….
func (u *UI) ShowSettings() { u.showSettings() }

// ShowHistory opens the open draft's History.
func (u *UI) ShowHistory() { u.editor.showHistory() }

// TypeInSetting types text into the Settings entry whose placeholder
// starts the name field (the only entry in the dialog).
func (u *UI) TypeInSetting(t *testing.T, text string) {
	t.Helper()
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if e, ok := o.(*widget.Entry); ok {
			e.SetText(text)
			return
		}
	}
	t.Fatalf("no text field in the dialog:\n%s", overlayText(u.win))
}

// ListedTitles is the titles the drafts list shows now.
func (u *UI) ListedTitles() []string {
	if u.browser == nil {
		return nil
	}
	titles := make([]string, len(u.browser.items))
	for i, s := range u.browser.items {
		titles[i] = s.Title
	}
	return titles
}

// StopWatch ends the window's watch of the library, as closing it does.
func (u *UI) StopWatch() { u.stopWatch() }

// StopEditor stops the open editor without saving (a test's end).
func (u *UI) StopEditor() {
	if u.editor != nil {
		u.editor.stop()
	}
}

// OpenLibraryWith runs File ▸ Open library… with what the user typed and
// waits for nothing: done reports the outcome on the UI goroutine.
func (u *UI) OpenLibraryWith(location, password string, done func(error)) {
	u.openLibrary(location, password, done)
}

// ShowOpenLibrary opens the File ▸ Open library… dialog.
func (u *UI) ShowOpenLibrary() { u.showOpenLibrary() }
