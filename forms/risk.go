package forms

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/check"
	"pactwright/app/draft"
)

// riskRow is what follows a HIGH finding in the side panel: a button to
// keep the risk with a reason (a HIGH finding otherwise keeps the PDF a
// DRAFT), or, once kept, the reason and a way to take it back.
func (p *sidePanel) riskRow(f check.Finding) fyne.CanvasObject {
	switch {
	case f.Accepted != "" && p.withdraw != nil:
		reason := widget.NewLabel("Accepted as a risk: " + f.Accepted)
		reason.Wrapping = fyne.TextWrapWord
		return container.NewBorder(nil, nil, nil, widget.NewButton("Withdraw", func() { p.withdraw(f) }), reason)
	case f.Severity == check.High && f.Accepted == "" && p.accept != nil:
		return container.NewHBox(widget.NewButton("Accept this risk…", func() { p.accept(f) }))
	}
	return nil
}

// askAcceptRisk asks why the user keeps a HIGH finding and records it with
// the draft (draft.AcceptRisk, as `pactwright accept-risk` does).
func (e *editor) askAcceptRisk(f check.Finding) {
	reason := widget.NewMultiLineEntry()
	reason.SetPlaceHolder("For example: our insurer covers this; agreed with the provider on 3 March")
	reason.Wrapping = fyne.TextWrapWord
	reason.Validator = func(s string) error {
		probe := draft.Draft{}
		return probe.AcceptRisk(f.Field, f.Message, s, time.Now())
	}
	explain := widget.NewLabel(f.Message + "\n\nA PDF for signature is possible once each high-risk finding is fixed or accepted. Say why this term is acceptable to you: the reason is kept with the draft and its history, and is not printed in the agreement.")
	explain.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewForm("Accept this risk?", "Accept the risk", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("", explain), widget.NewFormItem("Your reason", reason)},
		func(ok bool) {
			if !ok || e.d.AcceptRisk(f.Field, f.Message, reason.Text, time.Now()) != nil {
				return
			}
			e.recompute()
			e.saver.Changed(e.snapshot())
		}, e.ui.win)
	dlg.Resize(fyne.NewSize(560, 380))
	dlg.Show()
	e.ui.win.Canvas().Focus(reason)
}

// withdrawRisk forgets an accepted risk: the finding blocks again.
func (e *editor) withdrawRisk(f check.Finding) {
	e.d.WithdrawRisk(f.Field, f.Message)
	e.recompute()
	e.saver.Changed(e.snapshot())
}
