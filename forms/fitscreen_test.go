package forms

import (
	"testing"

	"fyne.io/fyne/v2"

	"pactwright/app/draft"
)

func TestTheWindowOpensWithinTheScreen(t *testing.T) {
	for _, c := range []struct {
		name                 string
		remembered, workArea fyne.Size
		want                 fyne.Size
	}{
		{"first start, large screen", fyne.Size{}, fyne.NewSize(1920, 1050), fyne.NewSize(1280, 800)},
		{"first start, 1366×768 laptop less its panel", fyne.Size{}, fyne.NewSize(1366, 740), fyne.NewSize(1229.4, 666)},
		{"first start, 800×600", fyne.Size{}, fyne.NewSize(800, 600), fyne.NewSize(720, 540)},
		{"first start, screen unknown", fyne.Size{}, fyne.Size{}, fyne.NewSize(1280, 800)},
		{"remembered, fits", fyne.NewSize(1000, 700), fyne.NewSize(1366, 740), fyne.NewSize(1000, 700)},
		{"remembered on a larger monitor", fyne.NewSize(1900, 1000), fyne.NewSize(1366, 740), fyne.NewSize(1366, 740)},
		{"remembered, screen unknown", fyne.NewSize(1900, 1000), fyne.Size{}, fyne.NewSize(1900, 1000)},
	} {
		got := windowSize(c.remembered, c.workArea)
		if d := got.Subtract(c.want); d.Width*d.Width > 0.01 || d.Height*d.Height > 0.01 {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// The drafts list, and the trash, work in an 800×600 window: every button
// shows, none is cut off, the window need not grow.
func TestTheDraftsListFits800x600(t *testing.T) {
	small := fyne.NewSize(800, 600)
	h := newHarness(t)
	long := draft.Example(h.ui.t)
	long.Title = "Brightside Home Goods customer service outsourcing, second site, evenings and weekends"
	if _, err := h.store.Create(long); err != nil {
		t.Fatal(err)
	}
	h.exampleInList()
	w := h.ui.win
	for _, trash := range []bool{false, true} {
		h.ui.browser.showTrash(trash)
		h.browserIdle()
		relayout(w, small)
		if need := windowNeeds(w); need.Width > small.Width || need.Height > small.Height {
			t.Errorf("trash %v: the drafts list needs a %.0f×%.0f window", trash, need.Width, need.Height)
		}
		for _, p := range drawnOutside(w.Canvas().Content(), w.Canvas().Size()) {
			t.Errorf("trash %v: %s", trash, p)
		}
	}
}
