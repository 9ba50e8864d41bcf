package forms

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// A table's rows take the shape the width allows, widest first:
//
//   - rowOneLine: every cell on one line, the headings above their columns,
//     the row's buttons at the end of the line;
//   - rowTwoLines: the first column (the widest: the measure, the item, the
//     service) and the buttons on one line, the other columns under it;
//   - rowCards: a card per row, each cell on a line of its own beside its
//     heading, the buttons under them; the headings above the table go.
//
// So the move and delete buttons and every cell stay in sight down to the
// narrowest window, and a wide window still reads as a table. Columns get
// at least their minimum width (enough to show their longest option or
// value) and share any extra by their weight.
type tableShape int

const (
	rowOneLine tableShape = iota
	rowTwoLines
	rowCards
)

// captionMaxWidth caps a card's heading column: longer headings ("Credit
// if missed (% of monthly fees)") wrap rather than narrow the cells.
const captionMaxWidth = 150

// tableColumns is what the header and the rows of one table share, so
// their columns line up and they take the same shape.
type tableColumns struct {
	mins     []float32 // minimum width of each column
	weights  []float32 // share of extra width, from the template's Column.Width
	buttons  float32   // width of the row buttons, reserved in the header too
	captions float32   // width of a card's heading column
	// width is the width the table was last laid out at: it sets the shape,
	// and so the height the rows ask for.
	width float32
}

func newTableColumns(mins, weights []float32, buttons, captions float32) *tableColumns {
	return &tableColumns{mins: mins, weights: weights, buttons: buttons, captions: min(captions, captionMaxWidth)}
}

// shapeWidth is the narrowest width that shows shape s without cutting
// any cell short.
func (c *tableColumns) shapeWidth(s tableShape) float32 {
	pad := theme.Padding()
	switch s {
	case rowOneLine:
		return c.lineWidth(0)
	case rowTwoLines:
		return max(c.mins[0]+pad+c.buttons, c.lineWidth(1))
	}
	var widest float32
	for _, m := range c.mins {
		widest = max(widest, m)
	}
	return max(c.captions+pad+widest, c.buttons)
}

// lineWidth is the minimum width of columns from..end plus the buttons.
func (c *tableColumns) lineWidth(from int) float32 {
	pad := theme.Padding()
	w := c.buttons
	for _, m := range c.mins[from:] {
		w += m + pad
	}
	return w
}

// shapes are the shapes a table can take, the one preferred first: a
// table of one column has nothing to put on a second line.
func (c *tableColumns) shapes() []tableShape {
	if len(c.mins) > 1 {
		return []tableShape{rowOneLine, rowTwoLines, rowCards}
	}
	return []tableShape{rowOneLine, rowCards}
}

// shape is the first shape that fits width, else the narrowest.
func (c *tableColumns) shape(width float32) tableShape {
	narrowest := rowOneLine
	for _, s := range c.shapes() {
		if c.shapeWidth(s) <= width {
			return s
		}
		if c.shapeWidth(s) < c.shapeWidth(narrowest) {
			narrowest = s
		}
	}
	return narrowest
}

// minWidth is the narrowest width any shape needs: less and cells shrink.
func (c *tableColumns) minWidth() float32 {
	return c.shapeWidth(c.shape(0))
}

// placeLines lays cells and the buttons' slot out as rowOneLine or rowTwoLines.
func (c *tableColumns) placeLines(s tableShape, cells []fyne.CanvasObject, btn fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	cellsWidth := size.Width - c.buttons - pad
	btn.Move(fyne.NewPos(size.Width-c.buttons, 0))
	if s == rowOneLine {
		h := lineHeight(append([]fyne.CanvasObject{btn}, cells...))
		btn.Resize(fyne.NewSize(c.buttons, h))
		c.spread(cells, 0, 0, cellsWidth, h)
		return
	}
	h1 := max(cells[0].MinSize().Height, btn.MinSize().Height)
	btn.Resize(fyne.NewSize(c.buttons, h1))
	cells[0].Move(fyne.NewPos(0, 0))
	cells[0].Resize(fyne.NewSize(cellsWidth, h1))
	c.spread(cells[1:], 1, h1+pad, cellsWidth, lineHeight(cells[1:]))
}

// linesHeight is the height of cells and the buttons as rowOneLine or rowTwoLines.
func (c *tableColumns) linesHeight(s tableShape, cells []fyne.CanvasObject, btn fyne.CanvasObject) float32 {
	if s == rowOneLine {
		return max(lineHeight(cells), btn.MinSize().Height)
	}
	return max(cells[0].MinSize().Height, btn.MinSize().Height) + theme.Padding() + lineHeight(cells[1:])
}

// spread lays cells (columns first..) across width at height y: each gets
// its minimum, then a share of what is left by weight. If even the minimums
// do not fit (a window made very narrow), they shrink in proportion.
func (c *tableColumns) spread(cells []fyne.CanvasObject, first int, y, width, h float32) {
	pad := theme.Padding()
	mins, weights := c.mins[first:], c.weights[first:]
	var minSum, wSum float32
	for i := range cells {
		minSum += mins[i]
		wSum += weights[i]
	}
	avail := width - pad*float32(len(cells)-1)
	extra := avail - minSum
	x := float32(0)
	for i, o := range cells {
		w := mins[i] + extra*weights[i]/wSum
		if extra < 0 {
			w = avail * mins[i] / minSum
		}
		o.Move(fyne.NewPos(x, y))
		o.Resize(fyne.NewSize(w, h))
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

// setShown shows or hides objs, touching only those that change.
func setShown(on bool, objs ...fyne.CanvasObject) {
	for _, o := range objs {
		switch {
		case on && !o.Visible():
			o.Show()
		case !on && o.Visible():
			o.Hide()
		}
	}
}

// tableRowLayout places one row: its n cells, the row's buttons, the n
// headings a card shows beside the cells, and a rule under the row.
type tableRowLayout struct{ cols *tableColumns }

func (l tableRowLayout) parts(objs []fyne.CanvasObject) (cells []fyne.CanvasObject, btn fyne.CanvasObject, captions []fyne.CanvasObject, rule fyne.CanvasObject, ok bool) {
	n := len(l.cols.mins)
	if len(objs) != 2*n+2 {
		return nil, nil, nil, nil, false
	}
	return objs[:n], objs[n], objs[n+1 : 2*n+1], objs[2*n+1], true
}

func (l tableRowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	cells, btn, captions, rule, ok := l.parts(objs)
	if !ok {
		return
	}
	c := l.cols
	c.width = size.Width
	s := c.shape(size.Width)
	setShown(s == rowCards, captions...)
	// Rows of more than one line need a rule between them to read as rows.
	setShown(s != rowOneLine, rule)
	ruleH := rule.MinSize().Height
	rule.Move(fyne.NewPos(0, size.Height-ruleH))
	rule.Resize(fyne.NewSize(size.Width, ruleH))
	if s != rowCards {
		c.placeLines(s, cells, btn, size)
		return
	}
	pad := theme.Padding()
	x := c.captions + pad
	y := float32(0)
	for i, cell := range cells {
		// A heading's wrapped height is known once it has its width.
		captions[i].Resize(fyne.NewSize(c.captions, captions[i].Size().Height))
		h := max(captions[i].MinSize().Height, cell.MinSize().Height)
		captions[i].Move(fyne.NewPos(0, y))
		captions[i].Resize(fyne.NewSize(c.captions, h))
		cell.Move(fyne.NewPos(x, y))
		cell.Resize(fyne.NewSize(size.Width-x, cell.MinSize().Height)) // a heading in two lines makes no entry taller
		y += h + pad
	}
	btn.Move(fyne.NewPos(size.Width-c.buttons, y))
	btn.Resize(fyne.NewSize(c.buttons, btn.MinSize().Height))
}

func (l tableRowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	cells, btn, captions, rule, ok := l.parts(objs)
	if !ok {
		return fyne.Size{}
	}
	c := l.cols
	pad := theme.Padding()
	s := c.shape(c.width)
	if s == rowOneLine {
		return fyne.NewSize(c.minWidth(), c.linesHeight(s, cells, btn))
	}
	h := pad + rule.MinSize().Height
	if s == rowTwoLines {
		return fyne.NewSize(c.minWidth(), c.linesHeight(s, cells, btn)+h)
	}
	for i, cell := range cells {
		h += max(captions[i].MinSize().Height, cell.MinSize().Height) + pad
	}
	return fyne.NewSize(c.minWidth(), h+btn.MinSize().Height)
}

// tableHeadLayout places the headings above the columns: n headings and
// a spacer in the buttons' slot. Cards show their headings beside the
// cells instead, so the header then takes no room.
type tableHeadLayout struct{ cols *tableColumns }

func (l tableHeadLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	n := len(l.cols.mins)
	if len(objs) != n+1 {
		return
	}
	l.cols.width = size.Width
	s := l.cols.shape(size.Width)
	setShown(s != rowCards, objs[:n]...)
	if s != rowCards {
		l.cols.placeLines(s, objs[:n], objs[n], size)
	}
}

func (l tableHeadLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	n := len(l.cols.mins)
	s := l.cols.shape(l.cols.width)
	if len(objs) != n+1 || s == rowCards {
		return fyne.NewSize(l.cols.minWidth(), 0)
	}
	return fyne.NewSize(l.cols.minWidth(), l.cols.linesHeight(s, objs[:n], objs[n]))
}
