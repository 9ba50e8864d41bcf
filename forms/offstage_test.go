package forms

import (
	"bytes"
	"image"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// paintedOffstage opens the example with the forms built ahead and
// captures the window until every form not on screen, and the preview,
// have been painted off-stage. Each capture paints a frame (the tests'
// driver paints only then), which lets the next form onto the stage.
// onStage runs for each object on the stage, with the capture that
// painted it. It returns what was painted, in order.
func paintedOffstage(t *testing.T, h *harness, e *editor, onStage func(o fyne.CanvasObject, shot image.Image)) []fyne.CanvasObject {
	t.Helper()
	var painted []fyne.CanvasObject
	h.waitFor("every form and the preview painted off-stage", func() bool {
		shot := h.ui.win.Canvas().Capture()
		if objs := e.offstage.stage.Objects; len(objs) > 0 && !slices.Contains(painted, objs[0]) {
			painted = append(painted, objs[0])
			onStage(objs[0], shot)
		}
		return slices.Contains(painted, e.previewItem.Content) && len(e.offstage.stage.Objects) == 0
	})
	return painted
}

// openBuiltAhead opens the example at 1280×800 with the forms built ahead,
// as the app does, and waits until they are built. setup, if given, runs
// on the UI before it opens.
func openBuiltAhead(t *testing.T, setup ...func(*UI)) (*harness, *editor) {
	t.Helper()
	h := newHarness(t)
	h.ui.opts.BuildAhead = true
	for _, f := range setup {
		f(h.ui)
	}
	h.ui.win.Resize(fyne.NewSize(1280, 800))
	e := h.openExample()
	h.waitFor("every form built", func() bool { return !slices.Contains(e.built, false) })
	return h, e
}

func TestFormsArePaintedOutOfSightBeforeTheirFirstVisit(t *testing.T) {
	h, e := openBuiltAhead(t)
	h.drain()
	still := pixels(h.ui.win.Canvas().Capture())
	reviewed := slices.Clone(e.d.Reviewed)

	painted := paintedOffstage(t, h, e, func(o fyne.CanvasObject, shot image.Image) {
		if at := h.ui.opts.App.Driver().AbsolutePositionForObject(e.offstage.stage); at.X < h.ui.win.Canvas().Size().Width {
			t.Errorf("the off-stage is at x=%v, inside the %v wide window", at.X, h.ui.win.Canvas().Size().Width)
		}
		if !bytes.Equal(pixels(shot), still) {
			t.Errorf("the window's picture changed while a form was painted off-stage")
		}
		if e.tabs.SelectedIndex() != 0 || e.sideTabs.Selected() == e.previewItem {
			t.Errorf("painting off-stage changed the group or side tab shown")
		}
	})

	var want []fyne.CanvasObject
	for _, it := range e.tabItems[1:] {
		want = append(want, it.Content)
	}
	want = append(want, e.previewItem.Content)
	if !slices.Equal(painted, want) {
		t.Fatalf("painted off-stage %d objects, want the 8 forms not shown and then the preview", len(painted))
	}
	for gi, it := range e.tabItems[1:] {
		if it.Content.Visible() {
			t.Errorf("form %d is still visible after it was painted off-stage", gi+1)
		}
	}
	if e.previewItem.Content.Visible() {
		t.Error("the preview is still visible behind the checklist after it was painted off-stage")
	}
	if !slices.Equal(e.d.Reviewed, reviewed) {
		t.Errorf("painting the forms marked groups as seen: reviewed %v, was %v", e.d.Reviewed, reviewed)
	}
	if got := e.preview.Text(); got != "AGREEMENT "+e.d.Title {
		t.Errorf("the preview made ahead reads %q", got)
	}
	// Opening the preview shows the one made ahead at once.
	e.sideTabs.Select(e.previewItem)
	if got := e.preview.Text(); got != "AGREEMENT "+e.d.Title {
		t.Errorf("the preview's first opening shows %q, not the preview made ahead", got)
	}
}

// Fyne frees the textures of what it has not drawn for a minute, so the
// forms not on screen are painted again, round after round, while the
// draft is open, and no more once it has left.
func TestFormsArePaintedAgainWhileTheDraftIsOpen(t *testing.T) {
	h, e := openBuiltAhead(t, func(u *UI) { u.repaintEvery = 50 * time.Millisecond })
	scope := e.tabItems[e.groupIndex("scope")].Content
	var rounds int
	h.waitFor("Scope of Services painted off-stage in three rounds", func() bool {
		h.ui.win.Canvas().Capture()
		if objs := e.offstage.stage.Objects; len(objs) > 0 && objs[0] == scope {
			rounds++
			for len(e.offstage.stage.Objects) > 0 && e.offstage.stage.Objects[0] == scope {
				h.drain() // until this round moves on
				h.ui.win.Canvas().Capture()
			}
		}
		return rounds == 3
	})
	h.ui.ShowBrowser()
	h.browserIdle()
	deadline := time.Now().Add(10 * e.ui.repaintEvery)
	for time.Now().Before(deadline) {
		h.drain()
		h.ui.win.Canvas().Capture()
		if len(e.offstage.stage.Objects) > 0 {
			t.Fatal("a form is painted off-stage after the draft has left")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestTabOntoTheOffstageGivesTheKeyboardBack(t *testing.T) {
	h, e := openBuiltAhead(t)
	c := h.ui.win.Canvas()
	name := e.field("customer_name").focus
	c.Focus(name)
	terms := e.groupIndex("general")
	var away fyne.Focusable
	paintedOffstage(t, h, e, func(o fyne.CanvasObject, _ image.Image) {
		if o != e.tabItems[terms].Content {
			return
		}
		// As Tab from the last field before the stage would, for the
		// one frame a form is on it.
		away = e.field(e.t.Groups[terms].Fields[0].ID).focus
		c.Focus(away)
		if c.Focused() != away {
			t.Fatal("a field on the stage could not take the keyboard: this test tests nothing")
		}
	})
	if away == nil {
		t.Fatal("General Terms was never on the stage")
	}
	if got := c.Focused(); got != name {
		t.Fatalf("after the stage was cleared the keyboard is on %T, not back on the customer's name", got)
	}
}

// pixels is a picture's pixels, to compare two pictures.
func pixels(m image.Image) []byte {
	if rgba, ok := m.(*image.NRGBA); ok {
		return rgba.Pix
	}
	if rgba, ok := m.(*image.RGBA); ok {
		return rgba.Pix
	}
	b := m.Bounds()
	out := make([]byte, 0, b.Dx()*b.Dy()*4)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bb, a := m.At(x, y).RGBA()
			out = append(out, byte(r>>8), byte(g>>8), byte(bb>>8), byte(a>>8))
		}
	}
	return out
}
