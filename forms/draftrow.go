package forms

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// draftRow is one row of the drafts list: its title and a line about
// it. A click selects the row, as in any list; a double click opens the
// draft, as a file manager opens a file.
//
// It tells a double click from a single one itself, rather than being a
// fyne.DoubleTappable: Fyne holds back every click on such a widget for
// the whole double-click time to see whether a second follows, so that
// selecting a row, and opening it, each waited 300 ms.
type draftRow struct {
	widget.BaseWidget
	title, detail *widget.Label
	id            widget.ListItemID
	list          *widget.List
	open          func() // opens the selected draft; nil in the trash

	doubleClick time.Duration    // the desktop's double-click time
	now         func() time.Time // the clock; tests set their own
	lastClick   time.Time        // of the last click on this row's draft
	lastID      widget.ListItemID
}

func newDraftRow(list *widget.List, open func()) *draftRow {
	r := &draftRow{list: list, open: open, now: time.Now,
		doubleClick: fyne.CurrentApp().Driver().DoubleTapDelay()}
	r.title = widget.NewLabelWithStyle("title", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.detail = widget.NewLabel("detail")
	r.detail.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

func (r *draftRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(r.title, r.detail))
}

// Tapped selects the row at once (the row takes the click the list item
// would otherwise have had), and opens its draft when it is the second
// click on it within the double-click time.
func (r *draftRow) Tapped(*fyne.PointEvent) {
	now := r.now()
	second := r.lastID == r.id && !r.lastClick.IsZero() && now.Sub(r.lastClick) <= r.doubleClick
	r.lastClick, r.lastID = now, r.id
	r.list.Select(r.id)
	if second && r.open != nil {
		r.lastClick = time.Time{} // a third click starts again
		r.open()
	}
}
