package forms_test

import (
	"strings"
	"testing"

	"pactwright/app/agreement"
	"pactwright/app/template"
	"pactwright/app/usecase"
	"pactwright/forms"
	"pactwright/render/docx/docxtest"
)

// TestRealLibraryCompareWord: File ▸ Compare with a returned Word file
// shows their changes and comment, and its button makes the proposed
// answer change, which the editor then shows, and keeps their rewrite of
// a clause as negotiated wording when the user chooses Keep; Draft ▸
// Negotiated wording… lists it and drops it again.
func TestRealLibraryCompareWord(t *testing.T) {
	ui, lib, id, q := realUI(t)
	eng, err := agreement.NewEngine(template.CallCentre())
	if err != nil {
		t.Fatal(err)
	}
	svc := &usecase.Service{Library: lib, Engine: eng}
	var sent []byte
	if _, err := svc.Export(usecase.ExportRequest{Draft: id, Format: usecase.Word, Version: -1, Write: func(b []byte) error { sent = b; return nil }}); err != nil {
		t.Fatal(err)
	}
	back := docxtest.TrackReplace(t, sent, "pw_pricing_invoices_and_payment", "30", "45", "We need 45 days.")
	back = docxtest.Rewrite(t, back, "pw_general_subcontracting", "No subcontracting.")
	ui.ChooseFileWith("back.docx", back)
	ui.StartCompareWord()
	waitOverlay(t, ui, q, "proposes: Days to pay an invoice 30 days → 45 days")
	if text := forms.OverlayText(ui.Window()); !containsAll(text, "within [-30-]{+45+} days", "Tom Reid on 4.5", "We need 45 days.", "No answers produce their wording of clause 8.10: keep it as negotiated wording, or reject it?") {
		t.Fatalf("the comparison shows:\n%s", text)
	}
	forms.TapOverlayRadio(t, ui.Window(), "Keep their wording")
	forms.TapOverlayButton(t, ui.Window(), "Apply")
	waitUI(t, q, "the editor showing the answer change", func() bool { return ui.FieldText(t, "payment_days") == "45" })
	d, err := lib.Get(id)
	if err != nil || d.Content.Answers["payment_days"].Text != "45" || d.Content.Negotiated["general.subcontracting"].Text != "No subcontracting." {
		t.Fatalf("the library holds %+v, %+v (%v)", d.Content.Answers["payment_days"], d.Content.Negotiated, err)
	}

	ui.StartShowWording()
	waitOverlay(t, ui, q, "No subcontracting.")
	forms.TapOverlayButton(t, ui.Window(), "Use Pactwright's wording for 8.10")
	waitUI(t, q, "the negotiated wording dropped", func() bool {
		d, err := lib.Get(id)
		return err == nil && len(d.Content.Negotiated) == 0 && ui.Idle()
	})
}

func containsAll(s string, subs ...string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}
