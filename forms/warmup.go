package forms

import (
	"image"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// Painting the editor once, out of sight, before a draft opens in it.
//
// Fyne makes the render state of an object, and the texture of each string
// and icon it draws, on the first frame that draws it. Opening the first
// draft after starting the app drew an editor never drawn before, which
// kept that opening at 115–145 ms even with the editor built and filled
// ahead (UI.prepareEditor, readyfor.go). So once the kept editor has been
// filled with the draft selected in the list, it is shown for one frame
// beneath the list, which an opaque background hides, and hidden again as
// soon as it has been painted: the opening then draws what was drawn
// already (54–64 ms). The background is there only for that frame, as
// a rectangle the size of the window slows every frame it is painted in
// (software OpenGL under Xvfb: 30–40 ms on the drafts list's). For that
// frame, Tab could reach the editor's fields from the list; the
// background takes the clicks and scrolls that reach it.

// warmUpLimit ends a warm-up whose frame never comes (a window that draws
// nothing, as in the tests' driver). UI.warmUpLimit holds it; tests
// lengthen it to see the paint end the warm-up.
const warmUpLimit = time.Second

// warmUp shows the kept editor e beneath the drafts list until it has
// been painted once. On the UI goroutine, while the list shows.
func (u *UI) warmUp(e *editor) {
	if u.editor != nil || u.kept != e || u.browser == nil || e.warming {
		return
	}
	e.warming = true
	u.browser.cover.Show()
	e.content.Show()
	e.paintProbe.Refresh() // drawn afresh, so it reports this frame
	u.win.Canvas().Refresh(u.screens)
	time.AfterFunc(u.warmUpLimit, func() { u.opts.Do(func() { u.warmedUp(e) }) })
}

// warmedUp hides the editor again once it has been painted, unless a
// draft opened in it meanwhile.
func (u *UI) warmedUp(e *editor) {
	if !e.warming {
		return
	}
	e.warming = false
	if u.browser != nil {
		u.browser.cover.Hide()
	}
	if u.editor == nil && u.kept == e {
		e.content.Hide()
		u.win.Canvas().Refresh(u.screens)
	}
}

// newPaintProbe is an invisible 1×1 raster that calls painted each time
// Fyne draws it afresh (the first time, and after each Refresh). The call
// comes from the painter in the middle of a frame, so painted must only
// queue work.
func newPaintProbe(painted func()) *canvas.Raster {
	blank := image.NewNRGBA(image.Rect(0, 0, 1, 1))
	r := canvas.NewRaster(func(int, int) image.Image {
		painted()
		return blank
	})
	r.SetMinSize(fyne.NewSize(1, 1))
	return r
}

// listCover is the theme's background colour (panelBackground, as behind
// the side panel opened over the form) that also takes the taps and
// scrolls that reach it. Beneath the drafts list, it hides an editor
// warming up under the list, and nothing done over the list's empty parts
// reaches that editor.
type listCover struct {
	panelBackground
}

func newListCover() *listCover {
	c := &listCover{}
	c.ExtendBaseWidget(c)
	return c
}

func (*listCover) Tapped(*fyne.PointEvent)          {}
func (*listCover) TappedSecondary(*fyne.PointEvent) {}
func (*listCover) Scrolled(*fyne.ScrollEvent)       {}
