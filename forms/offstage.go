package forms

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"pactwright/app/draft"
)

// Painting the forms and the preview not on screen once, beyond the
// window's edge.
//
// Fyne makes the texture of each string and icon on the first frame that
// draws it, and a clause group's first visit drew a form never drawn
// before: 68–148 ms, where a second visit took 25–84 ms. So once the
// forms are built (buildahead.go), each one not on screen is painted for
// one frame on an off-stage: a container laid out far past the window's
// right edge, which the window never shows and the pointer never reaches.
// Fyne paints every visible object whatever its place, so the form's
// textures are made there, and OpenGL draws nothing outside the window.
// The first visit then draws what was drawn already. The preview is
// made ahead too, off the UI goroutine, and painted the same way, so that
// its first opening shows it at once (and the fresh one made then
// replaces it if the answers changed meanwhile).
//
// Fyne frees a texture not drawn for a minute (its cache's lifetime): a
// user who spent more than a minute on the first group found the second
// drawn afresh (69–140 ms after 80 s). So the round is made again every
// repaintEvery while the draft is open: about half a second of CPU per
// round, in short turns, which took an idle window with a draft open
// from 21 to 32 ms of CPU a second.

// repaintEvery is how often the rounds come: well within the textures'
// minute.
const repaintEvery = 45 * time.Second

// offstageGap is how far past its right edge offstageLayout puts the
// stage: farther than any screen is wide, wherever in the window the
// layout sits.
const offstageGap = 1 << 14

// offstageLayout gives its first object the whole size and puts the rest
// far past its right edge, at the same size.
type offstageLayout struct{}

func (offstageLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for i, o := range objects {
		o.Resize(size)
		if i == 0 {
			o.Move(fyne.NewPos(0, 0))
		} else {
			o.Move(fyne.NewPos(size.Width+offstageGap, 0))
		}
	}
}

func (offstageLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	if len(objects) == 0 {
		return fyne.Size{}
	}
	return objects[0].MinSize()
}

// offstage holds what is painted out of sight, one object at a time.
type offstage struct {
	stage *fyne.Container // past the window's edge; its objects keep their own places
	probe *canvas.Raster  // reports each frame that painted the stage
	done  chan struct{}   // closed by the probe's report
	// focused is what had the keyboard when the stage was filled. Tab
	// walks every visible object, the stage's too, so for that frame it
	// could reach a field out of sight; clear gives the keyboard back.
	focused fyne.Focusable
	driver  fyne.Driver // finds where an object is drawn
}

func newOffstage(do func(func()), driver fyne.Driver) *offstage {
	s := &offstage{stage: container.NewWithoutLayout(), driver: driver}
	s.stage.Hide() // while empty: nothing to walk, nothing out of the window
	s.probe = newPaintProbe(func() {
		go do(func() {
			if s.done != nil {
				close(s.done)
				s.done = nil
			}
		})
	})
	s.probe.Resize(fyne.NewSize(1, 1)) // the stage lays nothing out, and a raster of no size is not drawn
	return s
}

// withStage puts the off-stage beside main, past its right edge.
func (s *offstage) withStage(main fyne.CanvasObject) fyne.CanvasObject {
	return container.New(offstageLayout{}, main, s.stage)
}

// paint shows o off-stage until the next frame has painted it, and
// returns a channel closed then. On the UI goroutine.
func (s *offstage) paint(c fyne.Canvas, o fyne.CanvasObject) <-chan struct{} {
	done := make(chan struct{})
	s.done, s.focused = done, c.Focused()
	s.stage.Objects = []fyne.CanvasObject{o, s.probe}
	s.stage.Show()
	// Through the window's canvas: the stage, hidden until now, and the
	// probe are not yet known as on it, and canvas.Refresh would find no
	// canvas to draw. Refreshing the probe makes it drawn afresh.
	c.Refresh(s.probe)
	c.Refresh(s.stage)
	return done
}

// clear empties the stage, and gives the keyboard back if Tab took it
// onto the stage meanwhile. On the UI goroutine.
func (s *offstage) clear(c fyne.Canvas) {
	if f := c.Focused(); f != nil && f != s.focused && s.holds(c, f) {
		if s.focused != nil {
			c.Focus(s.focused)
		} else {
			c.Unfocus()
		}
	}
	s.stage.Objects = nil
	s.stage.Hide()
	s.done, s.focused = nil, nil
}

// holds reports whether f is on the stage, past the window's right edge.
// (An object the window does not show at all is at 0,0.)
func (s *offstage) holds(c fyne.Canvas, f fyne.Focusable) bool {
	o, ok := f.(fyne.CanvasObject)
	return ok && len(s.stage.Objects) > 0 && s.driver.AbsolutePositionForObject(o).X >= c.Size().Width
}

// paintAhead paints off-stage, one per frame with a pause between, each
// form not on screen and then the preview, made ahead if it has no text
// yet; and again every repaintEvery, until the draft leaves. It starts
// once built is closed (buildAhead). Called on the UI goroutine; the
// pacing runs on its own goroutine.
func (e *editor) paintAhead(session int, built <-chan struct{}) {
	every := e.ui.repaintEvery
	go func() {
		<-built
		for {
			for gi := range e.tabItems {
				if !e.paintOffstage(session, func() fyne.CanvasObject { return e.unseenForm(gi) }) {
					return
				}
			}
			e.previewAhead(session)
			if !e.paintOffstage(session, e.unseenPreview) {
				return
			}
			time.Sleep(every)
		}
	}()
}

// paintOffstage paints what pick returns off-stage, once, and waits for
// the pause after it. pick runs on the UI goroutine and returns nil for
// nothing to paint. It reports false if the draft has left.
func (e *editor) paintOffstage(session int, pick func() fyne.CanvasObject) bool {
	var painted <-chan struct{}
	var o fyne.CanvasObject
	live := make(chan bool, 1) // never blocks the UI goroutine
	e.ui.opts.Do(func() {
		if !e.live(session) {
			live <- false
			return
		}
		if o = pick(); o != nil {
			o.Show()
			painted = e.offstage.paint(e.ui.win.Canvas(), o)
		}
		live <- true
	})
	if !<-live {
		return false
	}
	if painted == nil {
		return true
	}
	select {
	case <-painted:
	case <-time.After(warmUpLimit):
	}
	e.ui.opts.Do(func() {
		e.offstage.clear(e.ui.win.Canvas())
		if !e.onScreen(o) {
			o.Hide()
		}
	})
	time.Sleep(aheadPause)
	return true
}

// unseenForm is form gi if it is built and not on screen, else nil.
func (e *editor) unseenForm(gi int) fyne.CanvasObject {
	if item := e.tabItems[gi]; e.built[gi] && e.tabs.Selected() != item {
		return item.Content
	}
	return nil
}

// onScreen reports whether o, painted off-stage, is meanwhile the
// selected form or the preview on screen: it then stays visible.
func (e *editor) onScreen(o fyne.CanvasObject) bool {
	if sel := e.tabs.Selected(); sel != nil && sel.Content == o {
		return true
	}
	return o == e.previewItem.Content && e.sideTabs.Selected() == e.previewItem
}

// previewAhead makes the preview of the draft as it is now, off the UI
// goroutine, and puts it in the preview tab, unless the tab shows (it
// then makes its own) or has a preview already.
func (e *editor) previewAhead(session int) {
	wanted := func() bool { return e.live(session) && !e.previewShown() && e.preview.Text() == "" }
	snap := make(chan draft.Draft, 1)
	e.ui.opts.Do(func() {
		if !wanted() {
			close(snap)
			return
		}
		snap <- e.snapshot()
	})
	d, ok := <-snap
	if !ok {
		return
	}
	text := e.ui.opts.Renderer.Preview(d)
	e.ui.opts.Do(func() {
		if wanted() {
			e.preview.SetText(text)
		}
	})
}

// unseenPreview is the preview tab's content, laid out where and as large
// as the checklist shows, if it has a preview and the checklist shows in
// its place; else nil (also while the side panel has no size yet).
func (e *editor) unseenPreview() fyne.CanvasObject {
	shown := e.sideTabs.Selected()
	if shown == nil || shown == e.previewItem || e.preview.Text() == "" || shown.Content.Size().IsZero() {
		return nil
	}
	c := e.previewItem.Content
	c.Move(shown.Content.Position())
	c.Resize(shown.Content.Size())
	return c
}
