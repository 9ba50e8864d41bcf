package forms

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/answers"
	"pactwright/app/template"
)

// tableField edits a table answer as rows of entries and selects, with
// buttons to add, remove and reorder rows. Structural edits rebuild the
// rows; typing in a cell only updates the answer.
type tableField struct {
	field       *template.Field
	rows        []answers.Row
	box         *fyne.Container
	head        *fyne.Container
	body        *fyne.Container
	cols        *tableColumns         // shared by the header and the rows
	entries     [][]cellEntry         // each row's text cells, to mark the wrong ones
	cells       [][]fyne.CanvasObject // each row's cell widgets, column by column
	onChange    func([]answers.Row)
	onFocusable func(fyne.Focusable)
}

func newTableField(f *template.Field, onChange func([]answers.Row)) *tableField {
	tf := &tableField{field: f, onChange: onChange, body: container.NewVBox()}
	tf.cols = newTableColumns(tf.minWidths(), tf.weights(), tf.buttons(-1).MinSize().Width, tf.captionWidth())
	// The header has no buttons; a spacer takes their slot so columns line up.
	tf.head = container.New(tableHeadLayout{tf.cols}, append(tf.headings(), layout.NewSpacer())...)
	add := widget.NewButtonWithIcon("Add row", theme.ContentAddIcon(), func() {
		tf.rows = append(tf.rows, answers.Row{})
		tf.rebuild()
		tf.emit()
	})
	tf.box = container.NewVBox(tf.head, tf.body, container.NewHBox(add))
	return tf
}

// weights are the columns' relative widths from the template, which the PDF
// table uses too, so the form and the printed schedule look alike.
func (tf *tableField) weights() []float32 {
	w := make([]float32, len(tf.field.Columns))
	for i, c := range tf.field.Columns {
		w[i] = float32(max(c.Width, 0.5))
	}
	return w
}

// headings are the columns' names, above the table or beside a card's cells.
func (tf *tableField) headings() []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, len(tf.field.Columns))
	for i, c := range tf.field.Columns {
		l := widget.NewLabelWithStyle(c.Label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Wrapping = fyne.TextWrapWord
		out[i] = l
	}
	return out
}

// headingWidth is the width of s in the headings' bold text.
func headingWidth(s string) float32 {
	return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{Bold: true}).Width
}

// captionWidth is the width of the longest heading on one line, which a
// card gives its headings if it can (see captionMaxWidth).
func (tf *tableField) captionWidth() float32 {
	var w float32
	for _, c := range tf.field.Columns {
		w = max(w, headingWidth(c.Label))
	}
	return w + 2*theme.InnerPadding()
}

// maxCellWidth caps how wide a text column asks to be, so one long entry
// does not squeeze the others: beyond it, the entry scrolls as entries do.
const maxCellWidth = 300

// minWidths is what each column needs to show its content in full: a
// select's longest option; an entry's longest current value (at least a
// short word or an amount); and room for its heading.
func (tf *tableField) minWidths() []float32 {
	mins := make([]float32, len(tf.field.Columns))
	for i, c := range tf.field.Columns {
		// A heading wraps within its column, in three lines at most
		// ("Credit if / missed (% of / monthly fees)") and never mid-word.
		w := max(headingWidth(longestWord(c.Label)), headingWidth(c.Label)/3) + 2*theme.InnerPadding()
		if c.Kind == template.Choice {
			w = max(w, selectWidth(append(optionLabels(c.Options), choosePlaceholder)))
		} else {
			w = max(w, entryWidth("0000.00"))
			for _, r := range tf.rows {
				w = max(w, min(entryWidth(r[c.ID]), maxCellWidth))
			}
		}
		mins[i] = w
	}
	return mins
}

func longestWord(s string) string {
	long := ""
	for _, w := range strings.Fields(s) {
		if len(w) > len(long) {
			long = w
		}
	}
	return long
}

// choosePlaceholder is what an empty choice cell shows.
const choosePlaceholder = "(choose)"

func (tf *tableField) buttons(i int) *fyne.Container {
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { tf.move(i, -1) })
	down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { tf.move(i, 1) })
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		tf.rows = append(tf.rows[:i:i], tf.rows[i+1:]...)
		tf.rebuild()
		tf.emit()
	})
	if i == 0 {
		up.Disable()
	}
	if i == len(tf.rows)-1 {
		down.Disable()
	}
	return container.NewHBox(up, down, del)
}

func (tf *tableField) move(i, by int) {
	j := i + by
	if j < 0 || j >= len(tf.rows) {
		return
	}
	tf.rows[i], tf.rows[j] = tf.rows[j], tf.rows[i]
	tf.rebuild()
	tf.emit()
}

func (tf *tableField) emit() {
	out := make([]answers.Row, len(tf.rows))
	for i, r := range tf.rows {
		out[i] = answers.Row{}
		for k, v := range r {
			out[i][k] = v
		}
	}
	tf.onChange(out)
}

// setRows shows the rows of v. When the table has as many rows already,
// as when a draft opens in the editor kept from the one before
// (editor.open), the cells take the new values in place: making every
// row's widgets anew was most of the time a draft took to open.
func (tf *tableField) setRows(v answers.Value) {
	rows := v.Clone().Rows
	if len(rows) != len(tf.cells) {
		tf.rows = rows
		tf.rebuild()
		return
	}
	tf.rows = rows
	for i, r := range rows {
		for ci, c := range tf.field.Columns {
			switch w := tf.cells[i][ci].(type) {
			case *widget.Select:
				if r[c.ID] == "" {
					w.ClearSelected()
				} else {
					w.SetSelected(template.OptionLabel(c.Options, r[c.ID]))
				}
			case *widget.Entry:
				w.SetText(r[c.ID]) // and forgets the last draft's undo history
			}
		}
		tf.revalidateRow(i)
	}
	if mins := tf.minWidths(); !slices.Equal(mins, tf.cols.mins) {
		tf.cols.mins = mins
		tf.head.Refresh()
		tf.body.Refresh()
	}
}

// rebuild makes the rows' widgets again after a structural change. It is
// also when the column widths are re-measured, never while typing, so the
// table does not reflow under the user's cursor.
func (tf *tableField) rebuild() {
	tf.cols.mins = tf.minWidths()
	tf.entries = make([][]cellEntry, len(tf.rows))
	tf.cells = make([][]fyne.CanvasObject, len(tf.rows))
	objs := make([]fyne.CanvasObject, 0, len(tf.rows))
	var first fyne.Focusable
	for i, r := range tf.rows {
		cells := make([]fyne.CanvasObject, len(tf.field.Columns))
		for ci, c := range tf.field.Columns {
			var fo fyne.Focusable
			cells[ci], fo = tf.cell(i, c, r[c.ID])
			if first == nil {
				first = fo
			}
		}
		// The parts tableRowLayout places: the cells, the buttons, the
		// headings a card shows beside its cells, the rule under the row.
		tf.cells[i] = cells
		parts := append(slices.Clip(cells), tf.buttons(i))
		parts = append(parts, tf.headings()...)
		parts = append(parts, widget.NewSeparator())
		objs = append(objs, container.New(tableRowLayout{tf.cols}, parts...))
	}
	tf.head.Refresh()
	tf.body.Objects = objs
	tf.body.Refresh()
	if tf.onFocusable != nil {
		tf.onFocusable(first)
	}
}

// cell makes the widget for one cell and returns it with what takes the focus.
func (tf *tableField) cell(i int, c template.Column, text string) (fyne.CanvasObject, fyne.Focusable) {
	set := func(s string) {
		if i < len(tf.rows) {
			tf.rows[i][c.ID] = s
			tf.emit()
		}
	}
	if c.Kind == template.Choice {
		s := widget.NewSelect(optionLabels(c.Options), nil)
		s.PlaceHolder = choosePlaceholder
		if text != "" {
			s.SetSelected(template.OptionLabel(c.Options, text))
		}
		s.OnChanged = func(l string) {
			set(optionID(c.Options, l))
			tf.revalidateRow(i)
		}
		return s, s
	}
	e := widget.NewEntry()
	if c.Kind == template.Percent {
		e.SetPlaceHolder("%")
	}
	// A cell that is wrong is marked where it is, not only in the message
	// under the table; a blank one is the row's business (required or not).
	// No Validator: Fyne would tick every valid cell, which is noise.
	e.AlwaysShowValidationError = true
	check := func(s string) error {
		if strings.TrimSpace(s) == "" || i >= len(tf.rows) {
			return nil
		}
		return c.ValidateInRow(strings.TrimSpace(s), tf.rows[i])
	}
	e.SetText(text)
	e.SetValidationError(check(text))
	e.OnChanged = func(s string) {
		set(s)
		tf.revalidateRow(i)
	}
	tf.entries[i] = append(tf.entries[i], cellEntry{e, check})
	return e, e
}

// cellEntry is a text cell and the rule its value must meet.
type cellEntry struct {
	entry *widget.Entry
	check func(string) error
}

// revalidateRow re-checks row i's cells: one cell's rule can depend on
// another's (a target is a percentage when the unit says so).
func (tf *tableField) revalidateRow(i int) {
	if i < len(tf.entries) {
		for _, c := range tf.entries[i] {
			c.entry.SetValidationError(c.check(c.entry.Text))
		}
	}
}
