package forms

import (
	"fmt"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
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

// In an 800×600 window the service-level table shows each row as a card:
// every cell beside its heading, the move and delete buttons in sight and
// working, and a wrong cell still marked where it is.
func TestTableRowsBecomeCardsInASmallWindow(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	w := e.ui.win
	small := fyne.NewSize(800, 600)
	e.jump("sla_metrics")
	relayout(w, small)
	tf := e.field("sla_metrics").table
	scroll := e.scrolls[e.groupOf("sla_metrics")]
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject
	left := abs(scroll).X
	right := left + scroll.Size().Width
	inSight := func(what string, o fyne.CanvasObject) {
		t.Helper()
		if x := abs(o).X; !o.Visible() || x < left || x+o.Size().Width > right+0.5 || o.Size().Width <= 0 {
			t.Errorf("%s is not in sight: x %.0f–%.0f, the form shows x %.0f–%.0f", what, x, x+o.Size().Width, left, right)
		}
	}
	n := len(tf.field.Columns)
	if tf.head.MinSize().Height != 0 {
		t.Errorf("the headings above the table still take %.0f px with each card showing its own", tf.head.MinSize().Height)
	}
	for ri, row := range tf.body.Objects {
		parts := row.(*fyne.Container).Objects
		for ci, c := range tf.field.Columns {
			heading, cell := parts[n+1+ci].(*widget.Label), parts[ci]
			if heading.Text != c.Label {
				t.Fatalf("row %d: heading %q beside the %s cell", ri+1, heading.Text, c.Label)
			}
			inSight(fmt.Sprintf("row %d: the heading %q", ri+1, c.Label), heading)
			inSight(fmt.Sprintf("row %d: the %s cell", ri+1, c.Label), cell)
			if abs(cell).X < abs(heading).X+heading.Size().Width || abs(cell).Y != abs(heading).Y {
				t.Errorf("row %d: the %s cell is not beside its heading", ri+1, c.Label)
			}
		}
		for _, b := range parts[n].(*fyne.Container).Objects {
			inSight(fmt.Sprintf("row %d: a move or delete button", ri+1), b)
		}
	}
	// Move the first measure down, with its button.
	first := tf.rows[0]["metric"]
	down := tf.body.Objects[0].(*fyne.Container).Objects[n].(*fyne.Container).Objects[1].(*widget.Button)
	test.Tap(down)
	if tf.rows[1]["metric"] != first {
		t.Fatalf("the move-down button left %q first", tf.rows[0]["metric"])
	}
	// A 150% target: its cell is outlined in the error colour, in sight.
	relayout(w, small)
	target := tf.entries[1][0].entry
	target.SetText("150")
	relayout(w, small)
	inSight("the 150% target", target)
	marked := false
	for _, o := range test.WidgetRenderer(target).Objects() {
		if r, ok := o.(*canvas.Rectangle); ok && r.Visible() && r.StrokeWidth > 0 && r.StrokeColor == theme.Color(theme.ColorNameError) {
			marked = true
		}
	}
	if !marked {
		t.Fatal("a 150% target is not outlined in the error colour")
	}
}
