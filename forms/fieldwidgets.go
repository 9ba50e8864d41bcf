package forms

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/answers"
	"pactwright/app/template"
)

// fieldView is one question on a tab: its label, input widgets, help and
// the inline validation message. The editor owns the answers; a fieldView
// only reports edits through onChange and shows what it is given by set.
type fieldView struct {
	field    *template.Field
	box      *fyne.Container
	row      fyne.CanvasObject // box's holder in the form, where it is laid out (cull.go)
	problem  *widget.Label
	focus    fyne.Focusable // what "jump to field" focuses
	set      func(answers.Value)
	onChange func(id string, v answers.Value)

	table     *tableField   // set for table fields
	reads     *widget.Label // how a number, amount or date reads in the agreement
	amended   *widget.Label // "differs from the signed version", made on first need
	suggested *suggestion   // the typical value of a commercial term, to accept

	loading bool   // set while set() runs so programmatic updates are not edits
	onFocus func() // a field of this view got the keyboard (the editor scrolls to it)
}

// focused runs onFocus, if set: one of the view's entries has the focus.
func (fv *fieldView) focused() {
	if fv.onFocus != nil {
		fv.onFocus()
	}
}

// changed reports an edit unless the widgets are being loaded.
func (fv *fieldView) changed(v answers.Value) {
	fv.showReading(v)
	if fv.loading || fv.onChange == nil {
		return
	}
	fv.onChange(fv.field.ID, v)
}

// load shows v without reporting it back as an edit.
func (fv *fieldView) load(v answers.Value) {
	fv.loading = true
	defer func() { fv.loading = false }()
	fv.set(v)
	fv.showReading(v)
}

// readsDifferently are the kinds whose typed value reads differently in
// the agreement ("5000000" → "£5,000,000", "2027-01-04" → "4 January 2027").
var readsDifferently = []template.Kind{template.Number, template.Percent, template.Money, template.Duration, template.Date}

// showReading shows a valid value as the agreement prints it, through the
// same formatter as the PDF, so the form and the PDF never disagree.
func (fv *fieldView) showReading(v answers.Value) {
	if fv.reads == nil {
		return
	}
	text := ""
	if !v.IsBlank() && fv.field.Validate(v) == nil {
		text = "Reads as: " + fv.field.Display(v)
	}
	if fv.reads.Text != text {
		fv.reads.SetText(text)
	}
	if fv.reads.Visible() != (text != "") {
		if text == "" {
			fv.reads.Hide()
		} else {
			fv.reads.Show()
		}
	}
}

// setProblem shows or hides the validation message.
// setAmended shows or hides the mark saying the answer differs from the
// signed version.
func (fv *fieldView) setAmended(on bool) {
	if fv.amended == nil {
		if !on {
			return
		}
		fv.amended = widget.NewLabel("Differs from the signed version: an amendment will change it")
		fv.amended.Importance = widget.WarningImportance
		fv.amended.SizeName = theme.SizeNameCaptionText
		fv.amended.Wrapping = fyne.TextWrapWord // a narrow window must not grow the form
		fv.box.Objects = slices.Insert(fv.box.Objects, 1, fyne.CanvasObject(fv.amended))
		fv.box.Refresh()
	}
	if on != fv.amended.Visible() {
		if on {
			fv.amended.Show()
		} else {
			fv.amended.Hide()
		}
	}
}

// problemSentence makes a field's problem, written to follow its label
// ("is missing", "needs a currency: …", "amount … is not a number"), a
// sentence that names the field: "Main rate is missing", "Main rate:
// amount … is not a number".
func problemSentence(label, msg string) string {
	for _, verb := range []string{"is ", "needs ", "cannot ", "has ", "should "} {
		if strings.HasPrefix(msg, verb) {
			return label + " " + msg
		}
	}
	return label + ": " + msg
}

func (fv *fieldView) setProblem(msg string) {
	if msg == "" {
		if fv.problem.Visible() {
			fv.problem.Hide()
		}
		return
	}
	msg = "⚠ " + problemSentence(fv.field.Label, msg)
	if fv.problem.Text != msg {
		fv.problem.SetText(msg)
	}
	if !fv.problem.Visible() {
		fv.problem.Show()
	}
}

// newFieldView builds the widgets for f. win is needed for the date picker popup.
func newFieldView(f *template.Field, win func() fyne.Window, onChange func(string, answers.Value)) *fieldView {
	fv := &fieldView{field: f, onChange: onChange}
	title := widget.NewLabelWithStyle(f.Label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	if f.Required {
		title.SetText(f.Label + " *")
	}
	input := fv.buildInput(win)

	help := widget.NewLabel(strings.TrimSpace(f.Help + " " + f.LimitSentence()))
	help.Wrapping = fyne.TextWrapWord
	help.SizeName = theme.SizeNameCaptionText

	fv.problem = widget.NewLabel("")
	fv.problem.Wrapping = fyne.TextWrapWord
	fv.problem.Importance = widget.DangerImportance
	fv.problem.SizeName = theme.SizeNameCaptionText
	fv.problem.Hide()

	fv.box = container.NewVBox(title, input, fv.problem)
	fv.addSuggestion()
	if slices.Contains(readsDifferently, f.Kind) {
		fv.reads = widget.NewLabel("")
		fv.reads.SizeName = theme.SizeNameCaptionText
		fv.reads.Hide()
		fv.box.Add(fv.reads)
	}
	if help.Text != "" {
		fv.box.Add(help)
	}
	fv.box.Add(widget.NewSeparator())
	return fv
}

// narrow keeps short inputs (numbers, dates) from stretching across the
// whole form, which reads oddly on a wide window, without asking for
// twice their width in a narrow one.
func narrow(o fyne.CanvasObject) fyne.CanvasObject {
	return container.New(halfWidthLayout{}, o)
}

// kindInputs builds the input widgets for each field kind. Together with
// the kind's validation, display and JSON shape in app/template, this is
// the whole of what a kind means; TestEveryKindHasAWidget keeps it
// complete, so a kind can never silently fall back to a plain entry.
var kindInputs = map[template.Kind]func(fv *fieldView, win func() fyne.Window) fyne.CanvasObject{
	template.Text:        (*fieldView).textInput,
	template.LongText:    (*fieldView).longTextInput,
	template.Number:      (*fieldView).numberInput,
	template.Percent:     (*fieldView).numberInput,
	template.Money:       (*fieldView).unitInput,
	template.Duration:    (*fieldView).unitInput,
	template.Date:        (*fieldView).dateInput,
	template.Choice:      (*fieldView).choiceInput,
	template.MultiChoice: (*fieldView).multiChoiceInput,
	template.YesNo:       (*fieldView).yesNoInput,
	template.Table:       (*fieldView).tableInput,
}

func (fv *fieldView) buildInput(win func() fyne.Window) fyne.CanvasObject {
	build, ok := kindInputs[fv.field.Kind]
	if !ok {
		// Unreachable while the kinds test passes; say so rather than
		// offer an input that would store the wrong shape.
		return widget.NewLabel("This question cannot be answered in this version of the app.")
	}
	return build(fv, win)
}

func (fv *fieldView) textInput(func() fyne.Window) fyne.CanvasObject {
	e := newFormEntry(false, fv.focused)
	if fv.field.Format == "email" {
		e.SetPlaceHolder("name@example.com")
	}
	e.OnChanged = func(s string) { fv.changed(answers.Value{Text: s}) }
	fv.focus, fv.set = e, func(v answers.Value) { e.SetText(v.Text) }
	return e
}

// longTextInput is a multi-line entry that holds at most the field's
// limit. Text typed or pasted past it is not added: the entry keeps what
// fits, up to the last whole word, so the agreement never ends a clause
// mid-word, and says so underneath; more is refused until the text is
// shortened.
func (fv *fieldView) longTextInput(func() fyne.Window) fyne.CanvasObject {
	e := newFormEntry(true, fv.focused)
	e.SetMinRowsVisible(3)
	over := widget.NewLabel("")
	over.Wrapping = fyne.TextWrapWord
	over.Importance = widget.DangerImportance
	over.SizeName = theme.SizeNameCaptionText
	over.Hide()
	kept := ""       // the text as last accepted
	full := false    // the limit was reached: no more until the text is shortened
	cutting := false // while the entry takes back the kept text
	keep := func(text string) {
		cutting = true
		setTextCursorAtEnd(&e.Entry, text) // runs OnChanged, which ignores it
		cutting = false
	}
	e.OnChanged = func(s string) {
		switch n := utf8.RuneCountInString(s); {
		case cutting:
			return
		case fv.loading: // a stored answer is shown as it is; Check reports one too long
			full = false
			over.Hide()
		case full && n > utf8.RuneCountInString(kept):
			keep(kept)
			return
		case n > fv.field.CharLimit() && fv.field.CharLimit() > 0:
			cut, _ := fv.field.CutToLimit(s)
			over.SetText(fmt.Sprintf("⚠ %s holds up to %s: what you typed or pasted after %q was not added.",
				fv.field.Label, template.Count(fv.field.CharLimit(), "characters"), lastWords(cut)))
			over.Show()
			full = true
			keep(cut)
			s = cut
		case full:
			full = false // shortened: room again
			over.Hide()
		}
		kept = s
		fv.changed(answers.Value{Text: s})
	}
	e.full = func() bool { return full }
	fv.focus, fv.set = e, func(v answers.Value) { e.SetText(v.Text) }
	return container.NewVBox(e, over)
}

// lastWords is the end of text, a few words, to say where it stops.
func lastWords(text string) string {
	words := strings.Fields(text)
	if len(words) > 4 {
		words = words[len(words)-4:]
	}
	return "…" + strings.Join(words, " ")
}

// setTextCursorAtEnd puts text in e with the cursor after its last
// character. (Entry.SetText keeps the cursor where it was, within the
// text, and rows count wrapped lines: a place past the end is moved to it.)
func setTextCursorAtEnd(e *widget.Entry, text string) {
	e.CursorRow, e.CursorColumn = math.MaxInt32, math.MaxInt32
	e.SetText(text)
}

func (fv *fieldView) numberInput(func() fyne.Window) fyne.CanvasObject {
	e := newFormEntry(false, fv.focused)
	e.OnChanged = func(s string) { fv.changed(answers.Value{Text: s}) }
	fv.focus, fv.set = e, func(v answers.Value) { e.SetText(v.Text) }
	return narrow(container.NewBorder(nil, nil, nil, widget.NewLabel(fv.field.Unit), e))
}

// unitInput is an amount or a number with a unit chosen beside it.
func (fv *fieldView) unitInput(func() fyne.Window) fyne.CanvasObject {
	f := fv.field
	e := newFormEntry(false, fv.focused)
	units := template.Currencies()
	if f.Kind == template.Duration {
		units = f.Units
	}
	sel := widget.NewSelect(units, nil)
	sel.PlaceHolder = "(unit)"
	// A blank amount shows the currency it will be in (the one its
	// suggested value is in) rather than "(unit)"; typing an amount
	// chooses that currency unless the user has chosen another.
	currency := ""
	if f.Kind == template.Money {
		e.SetPlaceHolder("0.00")
		if slices.Contains(units, f.Default.Unit) {
			currency = f.Default.Unit
			sel.PlaceHolder = currency
		}
	}
	value := func() answers.Value { return answers.Value{Text: e.Text, Unit: sel.Selected} }
	e.OnChanged = func(text string) {
		if currency != "" && sel.Selected == "" && strings.TrimSpace(text) != "" && !fv.loading {
			sel.SetSelected(currency) // reports the value, currency included
			return
		}
		fv.changed(value())
	}
	sel.OnChanged = func(string) { fv.changed(value()) }
	fv.focus = e
	fv.set = func(v answers.Value) {
		e.SetText(v.Text)
		if v.Unit == "" {
			sel.ClearSelected()
		} else {
			sel.SetSelected(v.Unit)
		}
	}
	return narrow(container.NewBorder(nil, nil, nil, fitSelect(sel), e))
}

func (fv *fieldView) dateInput(win func() fyne.Window) fyne.CanvasObject {
	e := newFormEntry(false, fv.focused)
	e.SetPlaceHolder("YYYY-MM-DD")
	e.OnChanged = func(s string) { fv.changed(answers.Value{Text: s}) }
	var pop *widget.PopUp
	pick := widget.NewButtonWithIcon("", theme.CalendarIcon(), func() {
		start := time.Now()
		if t, err := time.Parse(template.DateLayout, strings.TrimSpace(e.Text)); err == nil {
			start = t
		}
		cal := widget.NewCalendar(start, func(t time.Time) {
			e.SetText(t.Format(template.DateLayout))
			if pop != nil {
				pop.Hide()
			}
		})
		w := win()
		pop = widget.NewPopUp(cal, w.Canvas())
		pop.ShowAtRelativePosition(fyne.NewPos(0, e.Size().Height), e)
	})
	fv.focus, fv.set = e, func(v answers.Value) { e.SetText(v.Text) }
	return narrow(container.NewBorder(nil, nil, nil, pick, e))
}

func (fv *fieldView) choiceInput(func() fyne.Window) fyne.CanvasObject {
	f := fv.field
	labels := optionLabels(f.Options)
	if len(f.Options) <= 4 {
		r := widget.NewRadioGroup(labels, func(l string) { fv.changed(answers.Value{Text: optionID(f.Options, l)}) })
		fv.set = func(v answers.Value) { r.SetSelected(template.OptionLabel(f.Options, v.Text)) }
		fv.focus = nil
		return r
	}
	s := widget.NewSelect(labels, func(l string) { fv.changed(answers.Value{Text: optionID(f.Options, l)}) })
	s.PlaceHolder = "(choose one)"
	fv.focus = s
	fv.set = func(v answers.Value) {
		if v.Text == "" {
			s.ClearSelected()
		} else {
			s.SetSelected(template.OptionLabel(f.Options, v.Text))
		}
	}
	return narrow(fitSelect(s))
}

func (fv *fieldView) multiChoiceInput(func() fyne.Window) fyne.CanvasObject {
	f := fv.field
	cg := widget.NewCheckGroup(optionLabels(f.Options), func(sel []string) {
		// Keep template order so the saved answer does not depend on click order.
		var items []string
		for _, o := range f.Options {
			if slices.Contains(sel, o.Label) {
				items = append(items, o.ID)
			}
		}
		fv.changed(answers.Value{Items: items})
	})
	fv.set = func(v answers.Value) {
		var sel []string
		for _, id := range v.Items {
			sel = append(sel, template.OptionLabel(f.Options, id))
		}
		if !slices.Equal(sel, cg.Selected) { // unlike a radio's, it redraws anyway
			cg.SetSelected(sel)
		}
	}
	return cg
}

func (fv *fieldView) yesNoInput(func() fyne.Window) fyne.CanvasObject {
	// A radio rather than a check box, so "not answered yet" is visible.
	r := widget.NewRadioGroup([]string{"Yes", "No"}, func(l string) {
		fv.changed(answers.Value{Text: strings.ToLower(l)})
	})
	r.Horizontal = true
	fv.set = func(v answers.Value) {
		switch v.Text {
		case answers.Yes:
			r.SetSelected("Yes")
		case answers.No:
			r.SetSelected("No")
		default:
			r.SetSelected("")
		}
	}
	return r
}

func (fv *fieldView) tableInput(func() fyne.Window) fyne.CanvasObject {
	tf := newTableField(fv.field, func(rows []answers.Row) { fv.changed(answers.Value{Rows: rows}) })
	fv.set = tf.setRows
	fv.table = tf
	fv.focus = nil
	tf.onFocusable = func(o fyne.Focusable) { fv.focus = o }
	return tf.box
}

func optionLabels(opts []template.Option) []string {
	out := make([]string, len(opts))
	for i, o := range opts {
		out[i] = o.Label
	}
	return out
}

func optionID(opts []template.Option, label string) string {
	for _, o := range opts {
		if o.Label == label {
			return o.ID
		}
	}
	return label
}
