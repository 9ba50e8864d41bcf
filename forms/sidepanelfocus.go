package forms

import (
	"fyne.io/fyne/v2"

	"pactwright/app/check"
)

// Where the keyboard goes in the side panel (Go ▸ Checklist, Findings):
// the panel knows its rows, so it says which one to focus.

// firstChecklistRow is the first row still needing work (incomplete,
// else to review), else the first row.
func (p *sidePanel) firstChecklistRow() fyne.Focusable {
	var review, first *tapLabel
	for _, rows := range p.elements {
		for _, r := range rows {
			switch {
			case r.status == check.Incomplete:
				return r.label
			case review == nil && r.status == check.ToReview:
				review = r.label
			case first == nil:
				first = r.label
			}
		}
	}
	if review != nil {
		return review
	}
	if first == nil {
		return nil // no rows: a typed nil would not compare equal to nil
	}
	return first
}

// firstFinding is the first finding's row, if there is one.
func (p *sidePanel) firstFinding() fyne.Focusable {
	for _, o := range p.findingsBox.Objects {
		if c, ok := o.(*fyne.Container); ok {
			for _, in := range c.Objects {
				if l, ok := in.(*tapLabel); ok {
					return l
				}
			}
		}
	}
	return nil
}
