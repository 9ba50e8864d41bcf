package forms

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/credits"
	"pactwright/app/draft"
	"pactwright/app/template"
)

// creditsRenderer adds the calculator to the fake engine, reading the
// rules from the answers as the real engine does, with made-up numbers.
type creditsRenderer struct{ fakeRenderer }

func (creditsRenderer) CreditRules(d draft.Draft) (credits.Rules, credits.Parties, error) {
	r, err := credits.FromAnswers(d.Answers, map[string]string{credits.KeyServiceCredits: "clause 3.5", credits.KeyChronic: "clause 3.6"})
	return r, credits.Parties{Customer: d.Answers.Text("customer_name")}, err
}

func (creditsRenderer) CreditStatementPDF(credits.Result, credits.Parties) ([]byte, error) {
	return []byte("%PDF-1.7\n%%EOF\n"), nil
}

func examplePanel(t *testing.T) (*creditsPanel, *[]credits.Result) {
	t.Helper()
	test.NewTempApp(t)
	rules, _, err := creditsRenderer{}.CreditRules(draft.Example(template.CallCentre()))
	if err != nil {
		t.Fatal(err)
	}
	var exported []credits.Result
	p := newCreditsPanel(rules, func([]string, func(string, []byte)) {}, func(r credits.Result) { exported = append(exported, r) })
	return p, &exported
}

func (p *creditsPanel) figure(id string) (*widget.Entry, *widget.Label) {
	for i, m := range p.rules.Measures {
		if m.ID == id {
			return p.figures[i], p.results[i]
		}
	}
	return nil, nil
}

func TestCreditsPanelWorksOutTheMonthAsYouType(t *testing.T) {
	p, exported := examplePanel(t)
	if !p.export.Disabled() || !strings.Contains(p.summary.Text, "Enter the month's charges") {
		t.Errorf("before any figure: export enabled %v, summary %q", !p.export.Disabled(), p.summary.Text)
	}
	test.Type(p.charges, "42,000.00")
	sl, slResult := p.figure("service_level")
	ab, abResult := p.figure("abandonment")
	test.Type(sl, "76%")
	test.Type(ab, "6")
	if slResult.Text != "Credit £2,100.00: MISSED, counts towards chronic failure (1 of 3 in the last 6 months)" || abResult.Text != "Credit £1,680.00: MISSED, counts towards chronic failure (1 of 3 in the last 6 months)" {
		t.Errorf("results %q and %q", slResult.Text, abResult.Text)
	}
	if want := "Credits £3,780.00; deduct £3,780.00 from the next invoice (clause 3.5)."; !strings.Contains(p.summary.Text, want) {
		t.Errorf("summary %q lacks %q", p.summary.Text, want)
	}
	asa, asaResult := p.figure("asa")
	test.Type(asa, "fast")
	if !strings.Contains(p.summary.Text, `Average speed of answer: "fast" is not a number`) || !p.export.Disabled() || asaResult.Text != "" {
		t.Errorf("a word for a figure: summary %q, export enabled %v", p.summary.Text, !p.export.Disabled())
	}
	asa.SetText("25")
	test.Tap(p.export)
	if len(*exported) != 1 || (*exported)[0].Last().Payable.String() != "3780.00" {
		t.Errorf("exported %+v", *exported)
	}
}

func TestCreditsPanelLoadsSeveralMonths(t *testing.T) {
	p, _ := examplePanel(t)
	csv := "month,metric,value\n"
	for _, m := range []string{"2027-01", "2027-02", "2027-03"} {
		csv += m + ",charges,42000\n" + m + ",service_level,70\n" + m + ",asa,20\n"
	}
	p.loadCSV("q1.csv", []byte(csv))
	if p.month.Text != "2027-03" || p.charges.Text != "42000" || len(p.earlier) != 2 {
		t.Errorf("loaded month %q charges %q, %d earlier months", p.month.Text, p.charges.Text, len(p.earlier))
	}
	if !strings.Contains(p.summary.Text, "CHRONIC FAILURE (clause 3.6): Calls answered within the answer time missed in 3 of the last 6 months") {
		t.Errorf("summary %q", p.summary.Text)
	}
	p.loadCSV("bad.csv", []byte("metric\n"))
	if !strings.Contains(p.summary.Text, "bad.csv: figures file, line 1") {
		t.Errorf("a bad file: %q", p.summary.Text)
	}
}

func TestServiceLevelsTabOpensTheCalculator(t *testing.T) {
	h, e := aftersignHarness(t)
	gi := e.groupIndex("service_levels")
	e.tabs.SelectIndex(gi)
	var button *widget.Button
	walk(e.scrolls[gi].Content, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && strings.Contains(b.Text, "service credits") {
			button = b
		}
	})
	if button == nil {
		t.Fatal("the Service Levels tab has no service-credit button")
	}
	test.Tap(button)
	h.waitFor("the calculator", func() bool { return len(h.ui.win.Canvas().Overlays().List()) > 0 })
	var found bool
	walk(h.ui.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == "at least 80% within 20 seconds" {
			found = true
		}
	})
	if !found {
		t.Error("the calculator does not show Schedule 1's target for the service level")
	}
}

// walk visits o and everything inside it.
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	visit(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, child := range c.Objects {
			walk(child, visit)
		}
	case fyne.Widget:
		r := test.WidgetRenderer(c)
		for _, child := range r.Objects() {
			walk(child, visit)
		}
	}
}

// signedTerms is a Documents that knows the signed terms: the example as
// signed, at 80%, whatever the working copy now says.
type signedTerms struct{ fakeDocs }

func (signedTerms) TermsInForce(int64, time.Time) (draft.Draft, string, error) {
	return draft.Example(template.CallCentre()), "the signed agreement (revision 2)", nil
}

// signedTermsHarness opens the example in a window whose Documents knows
// the signed terms (signedTerms).
func signedTermsHarness(t *testing.T) (*harness, *editor) {
	a := test.NewTempApp(t)
	tpl := template.CallCentre()
	h := &harness{t: t, store: NewMemStore(tpl), r: &fakeRenderer{}}
	h.ui = New(Options{App: a, Template: tpl, Store: h.store, Renderer: &creditsRenderer{}, Documents: signedTerms{fakeDocs{h.store, h.r}}, Do: h.do,
		SaveDelay: 50 * time.Millisecond, PreviewDelay: 10 * time.Millisecond})
	e := h.openExample()
	t.Cleanup(e.stop)
	return h, e
}

// TestCalculatorJudgesOnTheSignedTerms: with the working copy at 85% (an
// amendment not yet signed), the calculator reads the signed 80% and
// says which terms it reads.
func TestCalculatorJudgesOnTheSignedTerms(t *testing.T) {
	h, e := signedTermsHarness(t)
	rows := e.d.Answers["sla_metrics"].Rows
	for i, r := range rows {
		if r["metric"] == "service_level" {
			rows[i]["target"] = "85"
		}
	}
	e.showCredits()
	h.waitFor("the calculator", func() bool { return len(h.ui.win.Canvas().Overlays().List()) > 0 })
	var target, basis bool
	walk(h.ui.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			target = target || l.Text == "at least 80% within 20 seconds"
			basis = basis || l.Text == "Judged on the terms in force today: the signed agreement (revision 2)."
		}
	})
	if !target || !basis {
		t.Errorf("signed target shown %v, terms named %v", target, basis)
	}
}
