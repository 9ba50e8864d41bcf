package forms

import (
	"os"
	"testing"

	"fyne.io/fyne/v2"
)

// Hooks for the end-to-end test in package forms_test, which wires the real
// library and engine through forms/adapt (an import package forms itself
// may not have) and so cannot reach unexported names.

// OverlayText is overlayText for forms_test.
func OverlayText(w fyne.Window) string { return overlayText(w) }

// SetField types text into the open draft's entry for field id.
func (u *UI) SetField(t *testing.T, id, text string) {
	t.Helper()
	u.editor.entry(t, id).SetText(text)
}

// StartExportPDF runs File → Export PDF up to its first dialog.
func (u *UI) StartExportPDF() { u.editor.exportPDF() }

// ExportPDFTo exports the open draft to path as the save dialog would.
func (u *UI) ExportPDFTo(path string, done func(error)) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	u.editor.exportDialog().exportTo(f, path, ExportAgreement, done)
	return nil
}

// TapOverlayButton is tapOverlayButton for forms_test.
func TapOverlayButton(t *testing.T, w fyne.Window, text string) { tapOverlayButton(t, w, text) }

// StartMarkSigned runs Draft → Mark as signed up to its first dialog.
func (u *UI) StartMarkSigned() { u.editor.markSigned() }

// ChooseFileWith makes the next file choices pick name holding data.
func (u *UI) ChooseFileWith(name string, data []byte) {
	u.openFile = func(_ []string, got func(string, []byte)) { got(name, data) }
}
