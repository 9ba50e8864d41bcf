package forms

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/template"
)

// suggestion is the line under an empty commercial term (a rate, a cap, a
// service target): the typical value, and a button to accept it. The
// value is only in the agreement once the user accepts it or types their
// own, so nobody signs a price they never looked at.
type suggestion struct {
	box *fyne.Container
	use *widget.Button
}

// addSuggestion gives a suggested field its suggestion line, shown while
// the field is empty. Accepting fills the field as if the user had typed it.
func (fv *fieldView) addSuggestion() {
	f := fv.field
	if !f.Suggested {
		return
	}
	text := widget.NewLabel("Suggested: " + suggestionText(f) + ". Not in the agreement until you accept it or enter your own.")
	text.Wrapping = fyne.TextWrapWord
	text.SizeName = theme.SizeNameCaptionText
	use := widget.NewButtonWithIcon("Use suggested", theme.ConfirmIcon(), fv.acceptSuggestion)
	fv.suggested = &suggestion{box: textAndButton(text, use), use: use}
	// Beneath the input, above the problem message.
	fv.box.Objects = append(fv.box.Objects[:2:2], append([]fyne.CanvasObject{fv.suggested.box}, fv.box.Objects[2:]...)...)
}

// suggestionText is the suggested value as the agreement would print it.
func suggestionText(f *template.Field) string {
	if f.Kind != template.Table {
		return f.Display(f.Default)
	}
	rows := make([]string, len(f.Default.Rows))
	for i, r := range f.Default.Rows {
		rows[i] = f.DisplayRow(r)
	}
	return strings.Join(rows, "; ")
}

// showSuggestion shows the suggestion line while the field is empty.
func (fv *fieldView) showSuggestion(empty bool) {
	if fv.suggested == nil || fv.suggested.box.Visible() == empty {
		return
	}
	if empty {
		fv.suggested.box.Show()
	} else {
		fv.suggested.box.Hide()
	}
}

// acceptSuggestion fills the field with its suggested value, as if the
// user had typed it.
func (fv *fieldView) acceptSuggestion() {
	v := fv.field.Default.Clone()
	fv.load(v)
	if fv.onChange != nil {
		fv.onChange(fv.field.ID, v)
	}
}

// acceptSuggestions fills every empty suggested field shown in group gi
// with its suggested value (Draft ▸ Use the suggested values, for the
// keyboard): the same as pressing each "Use suggested" in turn.
func (e *editor) acceptSuggestions(gi int) {
	e.buildTab(gi)
	for _, f := range e.t.Groups[gi].Fields {
		fv := e.fields[f.ID]
		if fv != nil && fv.box.Visible() && fv.suggested != nil && fv.suggested.box.Visible() {
			fv.acceptSuggestion()
		}
	}
}
