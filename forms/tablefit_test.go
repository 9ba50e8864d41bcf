package forms

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// At the default window size no table select may cut its choice short
// ("Calls answered withi…", "Mont…") and no entry may hide its value.
func TestTableCellsReadableAtDefaultSize(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	e.ui.win.Resize(fyne.NewSize(1280, 800))
	for _, id := range []string{"sla_metrics", "additional_services", "exit_items", "escalation_ladder"} {
		fv := e.field(id)
		e.jump(id)
		checked := 0
		for _, o := range test.LaidOutObjects(fv.table.body) {
			switch w := o.(type) {
			case *widget.Select:
				need := selectWidth(append([]string{w.PlaceHolder}, w.Options...))
				if w.Size().Width+0.5 < need {
					t.Errorf("%s: select showing %q is %.0f wide, needs %.0f", id, w.Selected, w.Size().Width, need)
				}
				checked++
			case *widget.Entry:
				if need := entryWidth(w.Text); w.Size().Width+0.5 < need {
					t.Errorf("%s: entry %q is %.0f wide, needs %.0f", id, w.Text, w.Size().Width, need)
				}
				checked++
			}
		}
		// Cells that fit only because the window grew, or the side panel
		// shrank, do not count.
		if got := e.ui.win.Canvas().Size().Width; got > 1280 {
			t.Errorf("%s: the window grew to %.0f wide to fit the table", id, got)
		}
		if got := e.sideTabs.Size().Width; got < 300 {
			t.Errorf("%s: the side panel shrank to %.0f wide", id, got)
		}
		if tw, sw := fv.table.box.Size().Width, e.scrolls[e.groupOf(id)].Size().Width; tw > sw {
			t.Errorf("%s: the table is %.0f wide, cut off by its %.0f wide tab", id, tw, sw)
		}
		if checked == 0 {
			t.Errorf("%s: no cells laid out", id)
		}
	}
}
