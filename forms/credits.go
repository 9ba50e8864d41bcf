package forms

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/credits"
	"pactwright/app/draft"
	"pactwright/app/money"
	"pactwright/app/template"
)

// CreditsEngine is the part of the agreement engine the service-credit
// panel needs: the draft's credit rules with the clause numbers it prints,
// and the one-page statement as PDF. adapt.Renderer has it; a Renderer
// without it leaves the panel out with a message.
type CreditsEngine interface {
	CreditRules(d draft.Draft) (credits.Rules, credits.Parties, error)
	CreditStatementPDF(res credits.Result, p credits.Parties) ([]byte, error)
}

// TermsSource gives the terms of library draft id in force on day: the
// signed agreement and the signed amendments in force then, or the
// working copy, said to be draft terms, for a draft never signed. The
// command line reads credits through the same use case (adapt.Documents
// implements it), so both judge a month against the same terms.
type TermsSource interface {
	TermsInForce(id int64, day time.Time) (terms draft.Draft, basis string, err error)
}

// creditsDialog is the service-credit calculator for one draft, with the
// rules its agreement sets.
type creditsDialog struct {
	win    fyne.Window
	engine CreditsEngine
	draft  draftTasks
	say    messages
	do     func(func()) // runs on the UI goroutine
	// snap is the draft when the dialog opened: its rules, and its
	// customer for the statement's file name.
	snap     draft.Draft
	openFile func(exts []string, got func(name string, data []byte))
	now      func() time.Time
	// terms, when the build has them, replace snap's answers with the
	// terms in force today.
	terms TermsSource
	id    int64
}

// showCredits opens the calculator, if this build has it. The Pricing
// tab's button calls it as well as the menu.
func (e *editor) showCredits() {
	ce, ok := e.ui.opts.Renderer.(CreditsEngine)
	if !ok {
		e.ui.showError(errors.New("the service-credit calculator is not available in this build"))
		return
	}
	d := &creditsDialog{win: e.ui.win, engine: ce, draft: e.shown(), say: e.ui, do: e.ui.opts.Do,
		snap: e.snapshot(), openFile: e.ui.openFile, now: e.ui.now, id: e.id}
	d.terms, _ = e.ui.opts.Documents.(TermsSource)
	d.open()
}

// open reads the draft's rules off the UI goroutine (composing the
// agreement numbers its clauses), then shows the panel, unless the draft
// has left the screen meanwhile.
func (d *creditsDialog) open() {
	go func() {
		terms, basis, err := d.snap, "", error(nil)
		if d.terms != nil {
			terms, basis, err = d.terms.TermsInForce(d.id, d.now())
		}
		var rules credits.Rules
		var parties credits.Parties
		if err == nil {
			rules, parties, err = d.engine.CreditRules(terms)
		}
		d.draft.later(func() {
			if err != nil {
				d.say.showError(fmt.Errorf("service credits: %w", err))
				return
			}
			p := newCreditsPanel(rules, d.openFile, func(res credits.Result) { d.saveStatement(res, parties) })
			p.basis.SetText(termsLine(basis))
			dlg := dialog.NewCustom("Service credits for a month", "Close", p.content, d.win)
			dlg.Resize(fyne.NewSize(820, 680))
			dlg.Show()
		})
	}()
}

// creditsPanel is the calculator's form: the month's charges and one
// figure per measure in, the credits and the position out, recomputed on
// every keystroke (a few microseconds: see BenchmarkCalculateMonth).
type creditsPanel struct {
	rules   credits.Rules
	month   *widget.Entry
	charges *widget.Entry
	figures []*widget.Entry // one per rules.Measures
	results []*widget.Label // one per rules.Measures: met, missed, the credit
	summary *widget.Label
	basis   *widget.Label // which terms judge the month: signed, as amended, or not yet agreed
	export  *widget.Button
	last    credits.Result  // the latest good calculation, for the statement
	earlier []credits.Month // months before the one on screen, from a CSV: the chronic-failure window
	content fyne.CanvasObject
}

func newCreditsPanel(rules credits.Rules, openFile func([]string, func(string, []byte)), export func(credits.Result)) *creditsPanel {
	p := &creditsPanel{rules: rules, month: widget.NewEntry(), charges: widget.NewEntry(), summary: widget.NewLabel(""), basis: widget.NewLabel("")}
	p.basis.Wrapping = fyne.TextWrapWord
	p.summary.Wrapping = fyne.TextWrapWord
	p.month.SetPlaceHolder("YYYY-MM, for example 2027-03")
	p.charges.SetPlaceHolder("the month's invoiced charges, for example 42000.00")
	grid := container.NewGridWithColumns(4, bold("Measure"), bold("Target"), bold("Measured"), bold("Result"))
	for _, m := range rules.Measures {
		in := widget.NewEntry()
		in.SetPlaceHolder(m.Unit)
		res := widget.NewLabel("")
		res.Wrapping = fyne.TextWrapWord
		p.figures, p.results = append(p.figures, in), append(p.results, res)
		label := widget.NewLabel(m.Label)
		label.Wrapping = fyne.TextWrapWord
		target := widget.NewLabel(m.TargetText)
		target.Wrapping = fyne.TextWrapWord
		grid.Add(label)
		grid.Add(target)
		grid.Add(in)
		grid.Add(res)
	}
	for _, en := range append([]*widget.Entry{p.month, p.charges}, p.figures...) {
		en.OnChanged = func(string) { p.recalc() }
	}
	load := widget.NewButton("Load figures from a CSV…", func() {
		openFile([]string{".csv"}, func(name string, data []byte) { p.loadCSV(name, data) })
	})
	p.export = widget.NewButton("Save the statement as PDF…", func() { export(p.last) })
	p.export.Disable()
	intro := widget.NewLabel("Type the month's figures from the Provider's report, or load a CSV with the columns metric and value (and month, for several months; a row \"charges\" gives the month's charges). Credits follow " +
		rules.Clause(credits.KeyServiceCredits) + " and " + rules.Clause(credits.KeySchedule) + " of this agreement.")
	intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem("Month", p.month), widget.NewFormItem("Charges ("+rules.Currency+")", p.charges))
	p.content = container.NewBorder(container.NewVBox(intro, p.basis, form), container.NewVBox(p.summary, container.NewHBox(load, p.export)), nil, nil,
		container.NewVScroll(grid))
	p.recalc()
	return p
}

// termsLine says which terms the calculator reads, or nothing when the
// build cannot tell.
func termsLine(basis string) string {
	if basis == "" {
		return ""
	}
	return "Judged on the terms in force today: " + basis + "."
}

func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// monthOnScreen reads the entries; a problem names the box and why.
func (p *creditsPanel) monthOnScreen() (credits.Month, error) {
	m := credits.Month{Period: strings.TrimSpace(p.month.Text), Figures: map[string]money.Decimal{}}
	if strings.TrimSpace(p.charges.Text) == "" {
		return m, errors.New("enter the month's charges: every credit is a share of them")
	}
	var err error
	if m.Charges, err = credits.ParseFigure(p.charges.Text); err != nil {
		return m, fmt.Errorf("charges %v", err)
	}
	for i, ms := range p.rules.Measures {
		text := strings.TrimSpace(p.figures[i].Text)
		if text == "" {
			continue
		}
		v, err := credits.ParseFigure(text)
		if err != nil {
			return m, fmt.Errorf("%s: %q %v", ms.Label, p.figures[i].Text, err)
		}
		m.Figures[ms.ID] = v
	}
	return m, nil
}

// recalc judges the figures on screen, with any earlier months loaded from
// a CSV before them for the chronic-failure window.
func (p *creditsPanel) recalc() {
	p.export.Disable()
	m, err := p.monthOnScreen()
	if err == nil {
		var res credits.Result
		if res, err = credits.Calculate(p.rules, append(append([]credits.Month(nil), p.earlier...), m)); err == nil {
			p.show(res)
			return
		}
	}
	for _, r := range p.results {
		r.SetText("")
	}
	p.summary.SetText(template.Capitalise(err.Error()))
}

func (p *creditsPanel) show(res credits.Result) {
	m := res.Last()
	for i, l := range m.Lines {
		text := p.rules.Result(l)
		if l.Credit.Sign() > 0 {
			text = "Credit " + p.rules.Amount(l.Credit) + ": " + text
		}
		p.results[i].SetText(text)
	}
	p.summary.SetText(strings.Join(p.rules.Summary(m), "\n"))
	p.last = res
	p.export.Enable()
}

// loadCSV fills the form with the last month of a CSV and keeps the
// earlier months for the chronic-failure window.
func (p *creditsPanel) loadCSV(name string, data []byte) {
	months, err := credits.ReadCSV(bytes.NewReader(data))
	if err != nil {
		p.summary.SetText(fmt.Sprintf("%s: %v", name, err))
		return
	}
	last := months[len(months)-1]
	p.earlier = months[:len(months)-1]
	p.month.SetText(last.Period)
	p.charges.SetText(last.Charges.String())
	for i, ms := range p.rules.Measures {
		text := ""
		if v, ok := last.Figures[ms.ID]; ok {
			text = v.String()
		}
		p.figures[i].SetText(text)
	}
	p.recalc()
}

// saveStatement renders the statement off the UI goroutine and asks where
// to save it. How writing the file went is told even if the draft has
// left the screen meanwhile: the file was written, or not, either way.
func (d *creditsDialog) saveStatement(res credits.Result, parties credits.Parties) {
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			if err != nil {
				d.say.showError(err)
			}
			return
		}
		go func() {
			pdf, err := d.engine.CreditStatementPDF(res, parties)
			if err == nil {
				_, err = w.Write(pdf)
			}
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			d.do(func() {
				if err != nil {
					d.say.showError(fmt.Errorf("save the statement: %w", err))
					return
				}
				d.say.inform("Statement saved", "The service credit statement was saved to "+w.URI().Path()+".")
			})
		}()
	}, d.win)
	period := res.Last().Period
	if period == "" {
		period = d.now().Format("2006-01")
	}
	fd.SetFileName(fileName(d.snap.Answers, "service-credits", period+".pdf"))
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	fd.Show()
}
