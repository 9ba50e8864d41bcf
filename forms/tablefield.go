package forms

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
	body        *fyne.Container
	onChange    func([]answers.Row)
	onFocusable func(fyne.Focusable)
}

func newTableField(f *template.Field, onChange func([]answers.Row)) *tableField {
	tf := &tableField{field: f, onChange: onChange, body: container.NewVBox()}
	head := make([]fyne.CanvasObject, len(f.Columns))
	for i, c := range f.Columns {
		l := widget.NewLabelWithStyle(c.Label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Wrapping = fyne.TextWrapWord
		head[i] = l
	}
	add := widget.NewButtonWithIcon("Add row", theme.ContentAddIcon(), func() {
		tf.rows = append(tf.rows, answers.Row{})
		tf.rebuild()
		tf.emit()
	})
	tf.box = container.NewVBox(tf.row(head, nil), tf.body, container.NewHBox(add))
	return tf
}

func (tf *tableField) weights() []float32 {
	w := make([]float32, len(tf.field.Columns))
	for i, c := range tf.field.Columns {
		w[i] = float32(max(c.Width, 0.5))
		if c.Kind == template.Choice {
			// A select needs room for its arrow and a readable word or two.
			w[i] = max(w[i], 1.5)
		}
	}
	return w
}

// row lays cells out by the columns' relative widths, followed by the row buttons.
func (tf *tableField) row(cells []fyne.CanvasObject, buttons fyne.CanvasObject) fyne.CanvasObject {
	if buttons == nil {
		// The header reserves the buttons' width so columns line up.
		b := tf.buttons(-1)
		b.Hide()
		buttons = container.NewStack(b)
	}
	return container.NewBorder(nil, nil, nil, buttons, container.New(&ratioLayout{weights: tf.weights()}, cells...))
}

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

func (tf *tableField) setRows(v answers.Value) {
	tf.rows = v.Clone().Rows
	tf.rebuild()
}

func (tf *tableField) rebuild() {
	objs := make([]fyne.CanvasObject, 0, len(tf.rows))
	var first fyne.Focusable
	for i, r := range tf.rows {
		cells := make([]fyne.CanvasObject, len(tf.field.Columns))
		for ci, c := range tf.field.Columns {
			cells[ci] = tf.cell(i, c, r[c.ID])
			if first == nil {
				if fo, ok := cells[ci].(fyne.Focusable); ok {
					first = fo
				}
			}
		}
		objs = append(objs, tf.row(cells, tf.buttons(i)))
	}
	tf.body.Objects = objs
	tf.body.Refresh()
	if tf.onFocusable != nil {
		tf.onFocusable(first)
	}
}

func (tf *tableField) cell(i int, c template.Column, text string) fyne.CanvasObject {
	set := func(s string) {
		if i < len(tf.rows) {
			tf.rows[i][c.ID] = s
			tf.emit()
		}
	}
	if c.Kind == template.Choice {
		s := widget.NewSelect(optionLabels(c.Options), nil)
		if text != "" {
			s.SetSelected(template.OptionLabel(c.Options, text))
		}
		s.OnChanged = func(l string) { set(optionID(c.Options, l)) }
		return s
	}
	e := widget.NewEntry()
	e.SetText(text)
	if c.Kind == template.Percent {
		e.SetPlaceHolder("%")
	}
	e.OnChanged = set
	return e
}

// ratioLayout gives each object a share of the width proportional to its weight.
type ratioLayout struct{ weights []float32 }

func (l *ratioLayout) total() float32 {
	var t float32
	for _, w := range l.weights {
		t += w
	}
	return t
}

func (l *ratioLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	avail := size.Width - pad*float32(len(objs)-1)
	x := float32(0)
	for i, o := range objs {
		w := avail * l.weights[i] / l.total()
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}

func (l *ratioLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h, w float32
	for _, o := range objs {
		m := o.MinSize()
		h = max(h, m.Height)
		w += min(m.Width, 60)
	}
	return fyne.NewSize(w, h)
}
