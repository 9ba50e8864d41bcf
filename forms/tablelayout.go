package forms

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// tableFormWidth is the width a table can count on at the default window
// size (1280×800: the tabs down the left and the side panel take the rest).
// A table whose cells need more than this in one line puts its first column
// on a line of its own, so no cell is cut short at the default size.
const tableFormWidth = 620

// tableLayout places one table row: its cells, then the row's buttons as the
// last object. The header and every row of a table share one tableLayout, so
// their columns line up. Columns get at least their minimum width (enough to
// show their longest option or value) and share any extra by their weight.
//
// When the minimums do not fit in tableFormWidth, the row wraps: the first
// column (the widest: the measure, the item, the service) and the buttons on
// the first line, the remaining columns under it.
type tableLayout struct {
	mins    []float32 // minimum width of each column
	weights []float32 // share of extra width, from the template's Column.Width
	buttons float32   // width of the row buttons, reserved in the header too
	wrap    bool
}

func newTableLayout(mins, weights []float32, buttons float32) *tableLayout {
	l := &tableLayout{buttons: buttons}
	l.setColumns(mins, weights)
	return l
}

// setColumns changes the column minimums (after rows are added or loaded)
// and decides once whether rows wrap, so typing never reflows the table.
func (l *tableLayout) setColumns(mins, weights []float32) {
	l.mins, l.weights = mins, weights
	l.wrap = len(mins) > 1 && l.lineWidth(0) > tableFormWidth
}

// lineWidth is the minimum width of columns from..end plus the buttons.
func (l *tableLayout) lineWidth(from int) float32 {
	pad := theme.Padding()
	w := l.buttons
	for _, m := range l.mins[from:] {
		w += m + pad
	}
	return w
}

func (l *tableLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) != len(l.mins)+1 {
		return
	}
	pad := theme.Padding()
	cells, btn := objs[:len(objs)-1], objs[len(objs)-1]
	cellsWidth := size.Width - l.buttons - pad
	btn.Move(fyne.NewPos(size.Width-l.buttons, 0))
	if !l.wrap {
		h := lineHeight(objs)
		btn.Resize(fyne.NewSize(l.buttons, h))
		l.spread(cells, 0, 0, cellsWidth, h)
		return
	}
	h1 := max(cells[0].MinSize().Height, btn.MinSize().Height)
	btn.Resize(fyne.NewSize(l.buttons, h1))
	cells[0].Move(fyne.NewPos(0, 0))
	cells[0].Resize(fyne.NewSize(cellsWidth, h1))
	l.spread(cells[1:], 1, h1+pad, cellsWidth, lineHeight(cells[1:]))
}

// spread lays cells (columns first..) across width at height y: each gets
// its minimum, then a share of what is left by weight. If even the minimums
// do not fit (a window made very narrow), they shrink in proportion.
func (l *tableLayout) spread(cells []fyne.CanvasObject, first int, y, width, h float32) {
	pad := theme.Padding()
	mins, weights := l.mins[first:], l.weights[first:]
	var minSum, wSum float32
	for i := range cells {
		minSum += mins[i]
		wSum += weights[i]
	}
	avail := width - pad*float32(len(cells)-1)
	extra := avail - minSum
	x := float32(0)
	for i, c := range cells {
		w := mins[i] + extra*weights[i]/wSum
		if extra < 0 {
			w = avail * mins[i] / minSum
		}
		c.Move(fyne.NewPos(x, y))
		c.Resize(fyne.NewSize(w, h))
		x += w + pad
	}
}

func lineHeight(objs []fyne.CanvasObject) float32 {
	var h float32
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return h
}

func (l *tableLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) != len(l.mins)+1 {
		return fyne.Size{}
	}
	cells, btn := objs[:len(objs)-1], objs[len(objs)-1]
	if !l.wrap {
		return fyne.NewSize(l.lineWidth(0), max(lineHeight(cells), btn.MinSize().Height))
	}
	h1 := max(cells[0].MinSize().Height, btn.MinSize().Height)
	w := max(l.mins[0]+theme.Padding()+l.buttons, l.lineWidth(1))
	return fyne.NewSize(w, h1+theme.Padding()+lineHeight(cells[1:]))
}
