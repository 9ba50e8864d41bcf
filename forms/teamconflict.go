package forms

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// conflictText is the "Draft changed elsewhere" message: who saved first
// and when, and where the user's answers were kept, then what each
// choice does.
func conflictText(err error) string {
	who, when, kept := "Someone", "", ""
	var c *Conflict
	if errors.As(err, &c) {
		if c.By != "" {
			who = c.By
		}
		if !c.At.IsZero() {
			when = " at " + c.At.UTC().Format("15:04 UTC on 2 January 2006")
		}
		if c.CopyID != 0 {
			kept = fmt.Sprintf(" Your answers on screen are kept, too, as draft %d, %q.", c.CopyID, c.CopyTitle)
		}
	}
	theirs := "Load their version shows their answers."
	merge := ""
	if kept != "" {
		theirs = "Load their version shows their answers; yours stay in that copy."
		merge = "\nMerge… lets you choose, answer by answer, whose to keep."
	}
	return who + " saved this draft" + when + ", after you opened it, in another window or on another computer." + kept +
		"\n\nKeep my version writes what you see here over their answers; theirs stay in History.\n" + theirs + merge
}

// conflictBody is conflictText in a label that wraps: the library's
// refusal is a long line.
func conflictBody(err error) *widget.Label {
	l := widget.NewLabel(conflictText(err))
	l.Wrapping = fyne.TextWrapWord
	return l
}

// conflictSize fits the wrapped message in a window of the smallest size.
var conflictSize = fyne.NewSize(640, 360)
