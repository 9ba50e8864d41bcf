package forms

import (
	"testing"

	"fyne.io/fyne/v2"
)

// StartCompareWord runs File → Compare with a returned Word file.
func (u *UI) StartCompareWord() { u.editor.compareWord() }

// FieldText is what the open draft's entry for field id shows, "" while
// no draft is open.
func (u *UI) FieldText(t *testing.T, id string) string {
	t.Helper()
	if u.editor == nil {
		return ""
	}
	return u.editor.entry(t, id).Text
}

// StartShowWording runs Draft → Negotiated wording….
func (u *UI) StartShowWording() { u.editor.showWording() }

// TapOverlayRadio chooses option in the topmost dialog's first choice.
func TapOverlayRadio(t *testing.T, w fyne.Window, option string) { tapOverlayRadio(t, w, option) }

// Idle reports whether no work the window waits for is under way.
func (u *UI) Idle() bool { return !u.busy }
