package forms

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// cullMargin is how much of the viewport's height is kept painted above
// and below it. Every frame paints what is kept, and a first visit shapes
// all its text, so little: a row that scrolls in is painted then. A whole
// viewport either side, as before, made a first visit paint three screens.
const cullMargin = 0.25

// culler stacks the rows of a long list inside a container.Scroll, as a
// VBox does, and hides the rows well outside the scroll's viewport. Fyne
// 2.7 paints every visible object, scrolled out of view or not, and the
// first paint of a string shapes it into a texture: a form's first visit
// painted all its fields, most below the fold. A hidden row is not painted.
//
// Each row sits in a holder (a Stack of one object): the holder's
// visibility is the culling, the row's own stays what its owner says (a
// field hidden by its condition). The layout stacks a row by its MinSize
// whether its holder is culled or not, and leaves out only rows hidden by
// their owner, so culling never moves anything.
//
// Rows within a quarter of the viewport's height above and below the view
// are kept (cullMargin), and two rows more at either end: Fyne's Tab skips
// hidden objects, so the next row that takes the focus after the last
// kept one must be there for Tab to reach (two: a row between may take
// none, as a checklist's group heading), and focusing it scrolls it into
// view (scrollIntoView), which culls around it.
type culler struct {
	scroll *container.Scroll
	box    *fyne.Container // the holders, laid out by the culler
	// culledMin is each culled row's minimum size, measured when the
	// list was last laid out (by index in box.Objects, with the row it
	// belongs to). Fyne asks every container on screen for its MinSize on
	// every frame, and the form's box is asked again through each of its
	// parents: measuring all its rows each time, culled or not, was half
	// of every frame's work on a long form. A row culled is off screen,
	// so a change in its height may wait for the next layout, or for the
	// row to come back into view, when it is measured again.
	culledMin []measured
}

// measured is a row's minimum size, remembered for the row it belongs to.
type measured struct {
	row  fyne.CanvasObject
	size fyne.Size
}

// newCuller makes an empty list for s; put box (or a container of it) in
// s, and stack watch() over s so that a resize culls.
func newCuller(s *container.Scroll) *culler {
	c := &culler{scroll: s}
	c.box = container.New(c)
	s.OnScrolled = func(fyne.Position) { c.update() }
	return c
}

// add appends o as a row and returns its holder: the object whose
// position in box is the row's.
func (c *culler) add(o fyne.CanvasObject) *fyne.Container {
	h := container.NewStack(o)
	// Not box.Add: that lays the list out again for every row.
	c.box.Objects = append(c.box.Objects, h)
	return h
}

// row is the object a holder holds.
func row(h fyne.CanvasObject) fyne.CanvasObject { return h.(*fyne.Container).Objects[0] }

// MinSize is a VBox's: rows hidden by their owner take no room. A row
// culled counts with its size at the last layout (culledMin).
func (c *culler) MinSize(objects []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	var size fyne.Size
	n := 0
	for i, h := range objects {
		r := row(h)
		if !r.Visible() {
			continue
		}
		m := c.rowMin(i, h)
		size.Width = max(size.Width, m.Width)
		size.Height += m.Height
		n++
	}
	if n > 1 {
		size.Height += pad * float32(n-1)
	}
	return size
}

// rowMin is the minimum size of row i, held in h: measured now if it is
// in view, else as measured at the last layout.
func (c *culler) rowMin(i int, h fyne.CanvasObject) fyne.Size {
	r := row(h)
	if !h.Visible() && i < len(c.culledMin) && c.culledMin[i].row == r {
		return c.culledMin[i].size
	}
	return r.MinSize()
}

// Layout stacks the rows as a VBox does, measuring every row afresh,
// then culls.
func (c *culler) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	y := float32(0)
	if cap(c.culledMin) < len(objects) {
		c.culledMin = make([]measured, len(objects))
	}
	c.culledMin = c.culledMin[:len(objects)]
	for i, h := range objects {
		r := row(h)
		if !r.Visible() {
			continue
		}
		m := r.MinSize()
		c.culledMin[i] = measured{r, m}
		height := m.Height
		h.Move(fyne.NewPos(0, y))
		h.Resize(fyne.NewSize(size.Width, height))
		y += height + pad
	}
	c.cull(objects)
}

// update culls for the scroll's present offset and size: called when it
// scrolls, when it is resized, and after the editor scrolls it.
func (c *culler) update() { c.cull(c.box.Objects) }

// cull shows the holders near the viewport and hides the rest.
func (c *culler) cull(objects []fyne.CanvasObject) {
	view := c.scroll.Size().Height
	// Not laid out yet: show everything, so that focusing any field works
	// until the first layout culls.
	lo, hi := 0, len(objects)-1
	if view > 0 {
		// The view's top in box's coordinates. The scroll moves its
		// content by the offset: box's own position counts only when it
		// sits inside the content (a form in its padding).
		inset := c.box.Position().Y
		if c.scroll.Content == c.box {
			inset = 0
		}
		top := c.scroll.Offset.Y - inset - view*cullMargin
		bottom := c.scroll.Offset.Y - inset + view*(1+cullMargin)
		lo, hi = len(objects), -1
		for i, h := range objects {
			if !row(h).Visible() {
				continue
			}
			y := h.Position().Y
			if y+h.Size().Height >= top && y <= bottom {
				lo, hi = min(lo, i), max(hi, i)
			}
		}
		// Two shown rows more at either end, for Tab and Shift+Tab.
		lo = neighbour(objects, neighbour(objects, lo, -1), -1)
		hi = neighbour(objects, neighbour(objects, hi, +1), +1)
	}
	changed := false
	for i, h := range objects {
		want := i >= lo && i <= hi
		if want != h.Visible() {
			changed = true
			if want {
				h.Show()
			} else {
				h.Hide()
			}
		}
	}
	if changed {
		canvas.Refresh(c.box)
	}
}

// neighbour is the index of the next row from i in direction dir that its
// owner shows, or i if there is none.
func neighbour(objects []fyne.CanvasObject, i, dir int) int {
	if i < 0 || i >= len(objects) {
		return i
	}
	for j := i + dir; j >= 0 && j < len(objects); j += dir {
		if row(objects[j]).Visible() {
			return j
		}
	}
	return i
}

// scrollTo scrolls the list to y and culls around the new view: the
// scroll's own ScrollToOffset does not call OnScrolled, so every move the
// program makes goes through here.
func (c *culler) scrollTo(y float32) {
	c.scroll.ScrollToOffset(fyne.NewPos(0, y))
	c.update()
}

// scrollIntoView scrolls so that o, a row of the list, shows whole (or its
// top, if it is taller than the view).
func (c *culler) scrollIntoView(o fyne.CanvasObject) {
	top, bottom := o.Position().Y, o.Position().Y+o.Size().Height
	s := c.scroll
	view := s.Size().Height
	switch {
	case top < s.Offset.Y || bottom-top > view:
		c.scrollTo(top)
	case bottom > s.Offset.Y+view:
		c.scrollTo(bottom - view)
	default:
		c.update()
	}
}

// watch is a layer to stack over the scroll: it takes no room and culls
// when it is resized with the scroll. A taller window shows more of the
// list without laying the list out again.
func (c *culler) watch() fyne.CanvasObject {
	w := &resizeWatch{onResize: c.update}
	w.ExtendBaseWidget(w)
	return w
}

// resizeWatch runs onResize after every change of its size.
type resizeWatch struct {
	widget.BaseWidget
	onResize func()
}

func (w *resizeWatch) Resize(s fyne.Size) {
	if s == w.Size() {
		return
	}
	w.BaseWidget.Resize(s)
	w.onResize()
}

func (w *resizeWatch) MinSize() fyne.Size { return fyne.Size{} }

func (w *resizeWatch) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}
