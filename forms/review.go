package forms

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// reviewBar ends each clause group's form: the user confirms there that
// the group's terms are agreed. Until then the group is "to review" on its
// tab, in the checklist and in the PDF's checklist, however complete.
type reviewBar struct {
	box    *fyne.Container
	status *widget.Label
	toggle *widget.Button
}

func (e *editor) newReviewBar(gi int) *reviewBar {
	rb := &reviewBar{status: widget.NewLabel("")}
	rb.status.Wrapping = fyne.TextWrapWord
	rb.toggle = widget.NewButton("", func() { e.setReviewed(gi, !e.reviewed(gi)) })
	rb.box = container.NewVBox(widget.NewSeparator(), textAndButton(rb.status, rb.toggle))
	return rb
}

// reviewed reports whether the user confirmed group gi.
func (e *editor) reviewed(gi int) bool { return slices.Contains(e.d.Reviewed, e.t.Groups[gi].ID) }

// setReviewed records that the user confirmed group gi (or takes it back)
// and saves it with the answers.
func (e *editor) setReviewed(gi int, on bool) {
	id := e.t.Groups[gi].ID
	if on {
		e.d.Confirm(e.t, id)
	} else {
		e.d.Reviewed = slices.DeleteFunc(slices.Clone(e.d.Reviewed), func(g string) bool { return g == id })
	}
	e.recompute()
	e.saver.Changed(e.snapshot())
}

// showReview brings group gi's review bar up to date, once its tab is built.
func (e *editor) showReview(gi int) {
	rb := e.reviewBars[gi]
	if rb == nil {
		return
	}
	name := e.t.Groups[gi].Name
	text, button, icon := "Review the terms above, then confirm that they are what the parties agreed.", "Confirm "+name, theme.ConfirmIcon()
	if e.reviewed(gi) {
		text, button, icon = "You confirmed these terms as agreed.", "Mark as not reviewed", theme.ContentUndoIcon()
	}
	if rb.status.Text != text {
		rb.status.SetText(text)
		rb.toggle.SetText(button)
		rb.toggle.SetIcon(icon)
	}
}

// confirmShownGroup confirms the clause group on screen as reviewed
// (Draft ▸ Confirm this group, for the keyboard), as its review bar's
// button does; unlike the button, it never takes a confirmation back.
func (e *editor) confirmShownGroup() {
	gi := e.tabs.SelectedIndex()
	if gi < 0 {
		return
	}
	e.setReviewed(gi, true)
}
