package forms

import "testing"

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
