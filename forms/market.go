package forms

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/answers"
	"pactwright/app/check"
	"pactwright/app/template"
)

// marketView holds the market-position lines of the built tabs: one under
// each field that has a typical range in the template, and one at the foot
// of each tab summing up the group and the whole agreement.
type marketView struct {
	fields map[string]*widget.Label // by field id
	groups map[string]*widget.Label // by group id
}

// addMarket puts the market lines into the form of group gi as it is
// built. The ranges come from the template (Field.Market and the measures'
// ranges), never from the widgets.
func (e *editor) addMarket(gi int, form *culler) {
	if e.market == nil {
		e.market = &marketView{fields: map[string]*widget.Label{}, groups: map[string]*widget.Label{}}
	}
	g := &e.t.Groups[gi]
	placed := false
	for fi := range g.Fields {
		f := &g.Fields[fi]
		if f.Market == nil && f.ID != "sla_metrics" {
			continue
		}
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		e.market.fields[f.ID] = l
		e.fields[f.ID].box.Add(l)
		placed = true
	}
	if placed {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Wrapping = fyne.TextWrapWord
		e.market.groups[g.ID] = l
		form.add(l) // at the foot of the tab, so the fields stay where people know them
	}
	e.refreshMarket()
}

// refreshMarket places every term again: a few microseconds, so it runs
// with the checklist on every edit.
func (e *editor) refreshMarket() {
	if e.market == nil {
		return
	}
	r := check.Market(e.t, e.d.Answers)
	lines := map[string][]string{}
	leans := map[string]check.Lean{}
	for _, p := range r.Terms {
		words := p.Words()
		if p.Row > 0 {
			words = p.Sentence()
		}
		lines[p.Field] = append(lines[p.Field], words)
		if leans[p.Field] == "" || p.Lean != check.Typical {
			leans[p.Field] = p.Lean
		}
	}
	for id, l := range e.market.fields {
		text := ""
		if len(lines[id]) > 0 {
			text = "Market: " + strings.Join(lines[id], "\nMarket: ")
		}
		// In the text colour, which meets 4.5:1 on the background in both
		// themes: Fyne's low-importance grey (about 1.5:1) read as
		// disabled, and its warning orange is about 2:1 on white. A term
		// that favours one side is bold instead.
		style := fyne.TextStyle{Italic: true}
		if leans[id] == check.FavoursCustomer || leans[id] == check.FavoursProvider {
			style = fyne.TextStyle{Bold: true}
		}
		if l.Importance != widget.MediumImportance || l.TextStyle != style {
			l.Importance, l.TextStyle = widget.MediumImportance, style
			l.Refresh()
		}
		setLabel(l, text)
	}
	tallies := map[string]check.Tally{}
	for _, t := range r.Groups {
		tallies[t.ID] = t
	}
	for id, l := range e.market.groups {
		text := ""
		if t, ok := tallies[id]; ok {
			text = "Against the market, this group: " + t.Summary() + ". The whole agreement: " + r.Total.Summary() + "."
		}
		setLabel(l, text)
	}
}

// setLabel changes a label's text, hiding it while it has none. Labels
// that already say it are left alone: re-laying out wrapped text on every
// keystroke would cost more than placing the terms.
func setLabel(l *widget.Label, text string) {
	if text == "" {
		l.Hide()
		return
	}
	if l.Text != text {
		l.SetText(text)
	}
	l.Show()
}

func (e *editor) showMarket() { showMarketPosition(e.ui.win, e.t, e.d.Answers) }

// showMarketPosition lists every term of answers that template t places
// against the market, by group, with the summaries. It reads the answers
// once, as it opens, so it needs nothing of the editor after that.
func showMarketPosition(win fyne.Window, t *template.Template, a answers.Answers) {
	r := check.Market(t, a)
	var b strings.Builder
	b.WriteString("The whole agreement: " + r.Total.Summary() + ".\n")
	for _, g := range r.Groups {
		b.WriteString("\n" + g.Name + ": " + g.Summary() + ".\n")
		for _, p := range r.Terms {
			if grp, ok := t.GroupOf(p.Field); ok && grp.ID == g.ID {
				b.WriteString("  • " + p.Sentence() + "\n")
			}
		}
	}
	l := widget.NewLabel(b.String())
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Where each term sits against the market", "Close", container.NewVScroll(l), win)
	d.Resize(fyne.NewSize(760, 600))
	d.Show()
}
