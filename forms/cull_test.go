package forms

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// paintedSet is every object the painter would draw under o: Fyne paints
// a visible object whose parents are all visible.
func paintedSet(o fyne.CanvasObject) map[fyne.CanvasObject]bool {
	seen := map[fyne.CanvasObject]bool{}
	var visit func(fyne.CanvasObject)
	visit = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		seen[o] = true
		switch c := o.(type) {
		case *fyne.Container:
			for _, child := range c.Objects {
				visit(child)
			}
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(c).Objects() {
				visit(child)
			}
		}
	}
	visit(o)
	return seen
}

// exampleAtItsLongestForm opens the example in an 800×600 window and
// returns the editor and its longest form's group, built but not shown.
func exampleAtItsLongestForm(t *testing.T) (*editor, int) {
	e := newHarness(t).openExample()
	e.ui.win.Resize(fyne.NewSize(800, 600))
	return e, longestGroup(t, e)
}

// longestGroup builds every form and returns the group whose form is the
// tallest against its view.
func longestGroup(t *testing.T, e *editor) int {
	t.Helper()
	best, tallest := -1, float32(0)
	for gi := range e.t.Groups {
		e.buildTab(gi)
		if h := e.cullers[gi].box.MinSize().Height; h > tallest {
			best, tallest = gi, h
		}
	}
	return best
}

func TestOffScreenFieldsAreNotPaintedUntilScrolledTo(t *testing.T) {
	e, gi := exampleAtItsLongestForm(t)
	w := e.ui.win
	e.showGroup(gi)
	s := e.scrolls[gi]
	view := s.Size().Height
	if view <= 0 || e.cullers[gi].box.Size().Height < 4*view {
		t.Fatalf("group %d's form (%.0f) is not long against its view (%.0f)", gi, e.cullers[gi].box.Size().Height, view)
	}
	var far *fieldView
	for _, f := range e.t.Groups[gi].Fields {
		if fv := e.fields[f.ID]; fv.box.Visible() && !fv.row.Visible() && fv.focus != nil {
			far = fv
			break
		}
	}
	if far == nil || far.row.Position().Y < 2*view {
		t.Fatal("no field is culled, or one is culled near the view")
	}
	painted := paintedSet(w.Canvas().Content())
	if painted[far.box] {
		t.Fatalf("field %s, %.0f down a %.0f view, is painted before it is scrolled to", far.field.ID, far.row.Position().Y, view)
	}
	if first := e.fields[e.t.Groups[gi].Fields[0].ID]; !painted[first.box] {
		t.Fatal("the first field is not painted")
	}
	// The wheel (OnScrolled) brings it back.
	s.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -far.row.Position().Y}})
	if !paintedSet(w.Canvas().Content())[far.box] {
		t.Fatalf("field %s is not painted once scrolled to (offset %.0f)", far.field.ID, s.Offset.Y)
	}
	// So do a taller window and a jump from the checklist.
	s.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: 1e6}})
	if paintedSet(w.Canvas().Content())[far.box] {
		t.Fatal("back at the top the far field is still painted")
	}
	w.Resize(fyne.NewSize(800, 1080))
	w.Resize(fyne.NewSize(800, 600))
	e.jump(far.field.ID)
	if !paintedSet(w.Canvas().Content())[far.box] || w.Canvas().Focused() != far.focus {
		t.Fatalf("a jump to field %s did not show and focus it", far.field.ID)
	}
	// A field hidden by its condition stays hidden whatever the culling.
	for _, f := range e.t.Groups[gi].Fields {
		if fv := e.fields[f.ID]; !e.t.Visible(f.ID, e.d.Answers) && fv.box.Visible() {
			t.Fatalf("field %s is shown against its condition", f.ID)
		}
	}
}

func TestTabReachesEveryFieldOfALongFormInOrder(t *testing.T) {
	e, gi := exampleAtItsLongestForm(t)
	w := e.ui.win
	// Which field each object belongs to, and the fields Tab must visit.
	owner := map[fyne.CanvasObject]string{}
	var want []string
	for _, f := range e.t.Groups[gi].Fields {
		fv := e.fields[f.ID]
		focusable := false
		walk(fv.box, func(o fyne.CanvasObject) {
			owner[o] = f.ID
			_, ok := o.(fyne.Focusable)
			focusable = focusable || ok
		})
		if fv.box.Visible() && focusable {
			want = append(want, f.ID)
		}
	}
	e.showGroup(gi)
	for _, dir := range []string{"Tab", "Shift+Tab"} {
		var got []string
		if dir == "Shift+Tab" {
			// Back from where Tab left the form.
			w.Canvas().FocusPrevious()
		}
		for range 2000 {
			id, ok := owner[w.Canvas().Focused().(fyne.CanvasObject)]
			if !ok {
				break // past the form's fields
			}
			if len(got) == 0 || got[len(got)-1] != id {
				got = append(got, id)
			}
			if dir == "Tab" {
				w.Canvas().FocusNext()
			} else {
				w.Canvas().FocusPrevious()
			}
		}
		if dir == "Shift+Tab" {
			slices.Reverse(got)
		}
		if len(got) != len(want) {
			t.Fatalf("%s visits %d fields of %d:\n got %v\nwant %v", dir, len(got), len(want), got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("%s: field %d is %s, want %s", dir, i, got[i], want[i])
			}
		}
	}
}

func TestChecklistRowsAreCulledAndTabReachesThemAll(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	w := e.ui.win
	w.Resize(fyne.NewSize(1280, 800))
	var labels []*tapLabel
	for _, rows := range e.side.elements {
		for _, r := range rows {
			labels = append(labels, r.label)
		}
	}
	e.focusSide(labels[0])
	if w.Canvas().Focused() != labels[0] {
		t.Fatal("the first checklist row did not take the focus")
	}
	last := labels[len(labels)-1]
	if paintedSet(w.Canvas().Content())[last] {
		t.Fatal("the last checklist row is painted with the list at its top")
	}
	for i, l := range labels[1:] {
		w.Canvas().FocusNext()
		if w.Canvas().Focused() != l {
			t.Fatalf("Tab from checklist row %d went to %T, not the next row", i, w.Canvas().Focused())
		}
	}
	if !paintedSet(w.Canvas().Content())[last] {
		t.Fatal("the focused last row is not painted")
	}
	e.focusSide(labels[0])
	e.focusSide(last) // as Go ▸ Checklist does for a row far down
	if w.Canvas().Focused() != last {
		t.Fatal("a culled checklist row did not take the focus")
	}
}
