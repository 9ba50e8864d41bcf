package forms

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"pactwright/app/answers"
	"pactwright/app/template"
)

// TestEveryKindHasAllItsParts: each field kind has its validation, display
// and JSON shape in app/template and its widget here; a new kind that
// lacks any part fails, naming it.
func TestEveryKindHasAllItsParts(t *testing.T) {
	for _, k := range template.FieldKinds() {
		if !template.HasBehaviour(k) {
			t.Errorf("kind %q lacks validation, display or JSON in app/template", k)
		}
		if _, ok := kindInputs[k]; !ok {
			t.Errorf("kind %q has no widget in forms", k)
		}
	}
	for _, g := range template.CallCentre().Groups {
		for _, f := range g.Fields {
			if _, ok := kindInputs[f.Kind]; !ok || !template.HasBehaviour(f.Kind) {
				t.Errorf("field %s has kind %q, which is not fully defined", f.ID, f.Kind)
			}
		}
	}
}

// TestFormShowsValuesAsTheAgreementPrintsThem: an amount typed as 5000000
// reads "£5,000,000" under the field, as in the PDF.
func TestFormShowsValuesAsTheAgreementPrintsThem(t *testing.T) {
	test.NewTempApp(t)
	tpl := template.CallCentre()
	cases := []struct {
		id   string
		v    answers.Value
		want string
	}{
		{"insurance_liability", answers.Value{Text: "5000000", Unit: "GBP"}, "Reads as: £5,000,000"},
		{"agents", answers.Value{Text: "1"}, "Reads as: 1 full-time agent"},
		{"effective_date", answers.Value{Text: "2027-01-04"}, "Reads as: 4 January 2027"},
		{"credit_cap", answers.Value{Text: "12.5%"}, "Reads as: 12.5%"},
		{"effective_date", answers.Value{Text: "2027-02-30"}, ""}, // invalid: the problem message speaks instead
	}
	for _, c := range cases {
		f, _ := tpl.Field(c.id)
		fv := newFieldView(f, func() fyne.Window { return nil }, nil)
		fv.load(c.v)
		if fv.reads.Text != c.want || fv.reads.Visible() != (c.want != "") {
			t.Errorf("%s %+v: reads %q (visible %v), want %q", c.id, c.v, fv.reads.Text, fv.reads.Visible(), c.want)
		}
	}
}
