package forms

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/answers"
)

// A HIGH finding keeps the PDF a DRAFT until the user accepts it with a
// reason, from the findings panel; the reason is saved with the draft, and
// withdrawing it blocks the export again.
func TestAcceptingAHighRiskFromTheFindings(t *testing.T) {
	h := newHarness(t)
	e := h.openConfirmedExample()
	if !e.report.Signable() {
		t.Fatalf("the confirmed example is not signable: %v", e.report.Blockers())
	}
	// Agents in the Philippines while data must stay in the UK: HIGH.
	e.d.Answers["delivery_country"] = answers.Value{Text: "philippines"}
	e.recompute()
	if e.report.Signable() || len(e.report.OpenRisks()) != 1 {
		t.Fatalf("one open HIGH risk expected, blockers %v", e.report.Blockers())
	}
	accept := findingsButton(e, "Accept this risk…")
	if accept == nil {
		t.Fatal("the HIGH finding offers no way to accept it")
	}
	test.Tap(accept)
	w := e.ui.win
	var reason *widget.Entry
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if en, ok := o.(*widget.Entry); ok && en.MultiLine {
			reason = en
		}
	}
	if reason == nil {
		t.Fatalf("the accept dialog asks for no reason:\n%s", overlayText(w))
	}
	test.Type(reason, "Our processor agreement with the Manila site is signed separately")
	tapOverlayButton(t, w, "Accept the risk")
	if len(e.d.Accepted) != 1 || !e.report.Signable() {
		t.Fatalf("after accepting: %d accepted, blockers %v", len(e.d.Accepted), e.report.Blockers())
	}
	h.waitFor("the accepted risk saved to the library", func() bool {
		sd, err := h.store.Get(e.id)
		return err == nil && len(sd.Content.Accepted) == 1 && sd.Content.Accepted[0].Reason == "Our processor agreement with the Manila site is signed separately"
	})
	withdraw := findingsButton(e, "Withdraw")
	if withdraw == nil {
		t.Fatal("an accepted risk cannot be withdrawn")
	}
	test.Tap(withdraw)
	if len(e.d.Accepted) != 0 || e.report.Signable() {
		t.Fatalf("after withdrawing: %d accepted, signable %v", len(e.d.Accepted), e.report.Signable())
	}
}

func findingsButton(e *editor, text string) *widget.Button {
	for _, o := range test.LaidOutObjects(e.side.findingsBox) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	return nil
}
