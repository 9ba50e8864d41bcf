package forms

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// quietTab holds the content of one tab of a container.AppTabs and keeps
// the tabs from redrawing it for nothing.
//
// AppTabs refreshes the content of every tab, shown or not, each time a
// tab is selected or a tab's label changes: with the nine clause groups
// built, that re-measured every word of every form, and selecting a tab
// took 150–500 ms of work for an unchanged screen. The widgets inside
// refresh themselves when their own state changes, and a theme change
// reaches them through the canvas tree (Fyne walks every object), so the
// tabs' blanket refresh has nothing to do here and quietTab drops it.
//
// It also remembers its minimum size while hidden: the tabs ask every
// tab's minimum size on each frame that lays anything out, and working
// it out walks every label of the form.
type quietTab struct {
	widget.BaseWidget
	content fyne.CanvasObject
	min     fyne.Size // the content's minimum size when last asked while shown
	hasMin  bool
}

func newQuietTab(content fyne.CanvasObject) *quietTab {
	q := &quietTab{content: content}
	q.ExtendBaseWidget(q)
	return q
}

func (q *quietTab) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(q.content)
}

// Refresh only asks for the tab to be drawn again (as after Show), without
// refreshing what it holds: see the type's comment.
func (q *quietTab) Refresh() { canvas.Refresh(q) }

// MinSize is the content's, as last seen while shown: hidden, nothing in
// it is laid out, and its answers only change how tall it is.
func (q *quietTab) MinSize() fyne.Size {
	if q.Visible() || !q.hasMin {
		q.measure()
	}
	return q.min
}

// measure works out the content's minimum size afresh.
func (q *quietTab) measure() { q.min, q.hasMin = q.content.MinSize(), true }
