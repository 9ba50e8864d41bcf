package forms

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// draftRow is one row of the drafts list: its title and a line about
// it. A click selects the row, as in any list; a double click opens the
// draft, as a file manager opens a file.
type draftRow struct {
	widget.BaseWidget
	title, detail *widget.Label
	id            widget.ListItemID
	list          *widget.List
	open          func() // opens the selected draft; nil in the trash
}

func newDraftRow(list *widget.List, open func()) *draftRow {
	r := &draftRow{list: list, open: open}
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

// Tapped selects the row: the row takes the click the list item would
// otherwise have had.
func (r *draftRow) Tapped(*fyne.PointEvent) { r.list.Select(r.id) }

// DoubleTapped selects the row and opens its draft.
func (r *draftRow) DoubleTapped(*fyne.PointEvent) {
	r.list.Select(r.id)
	if r.open != nil {
		r.open()
	}
}
