package forms

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// wheelScroll is a form's scroll with the wheel working everywhere over
// it. Fyne gives a wheel turn to the innermost scrollable thing under the
// pointer, and every text field holds a scroller of its own, so over a
// field (most of a form) the wheel did nothing. A transparent layer above
// the form takes the wheel for the whole form; clicks, typing and the
// pointer's shape still reach the widgets beneath, as the layer handles
// nothing else.
type wheelScroll struct {
	widget.BaseWidget
	scroll *container.Scroll
}

func newWheelScroll(s *container.Scroll) fyne.CanvasObject {
	w := &wheelScroll{scroll: s}
	w.ExtendBaseWidget(w)
	return container.NewStack(s, w)
}

// Scrolled scrolls the form, wherever the pointer is over it.
func (w *wheelScroll) Scrolled(ev *fyne.ScrollEvent) { w.scroll.Scrolled(ev) }

// MinSize is nothing: the layer takes the form's size, never adds to it.
func (w *wheelScroll) MinSize() fyne.Size { return fyne.Size{} }

func (w *wheelScroll) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}
