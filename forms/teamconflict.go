package forms

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// conflictText is the "Draft changed elsewhere" message: who saved first
// and when, and where the user's answers were kept, as the library's
// refusal (err) says it, then what each choice does.
func conflictText(err error) string {
	text := "Another window changed this draft after you opened it."
	if err != nil {
		text += "\nNot saved: " + err.Error() + "."
	}
	return text + "\n\nKeep my version writes what you see here over their answers.\n" +
		"Load their version shows their answers; yours stay in the conflict copy named above, if one was made."
}

// conflictBody is conflictText in a label that wraps: the library's
// refusal is a long line.
func conflictBody(err error) *widget.Label {
	l := widget.NewLabel(conflictText(err))
	l.Wrapping = fyne.TextWrapWord
	return l
}

// conflictSize fits the wrapped message in a window of the smallest size.
var conflictSize = fyne.NewSize(640, 320)
