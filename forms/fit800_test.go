package forms

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/answers"
)

// The editor must work in an 800×600 window: on every tab, with the side
// panel shown or put away, in both themes, on the example and on a blank
// agreement, the window must not need to grow (Fyne would grow it beyond
// the screen or the user's chosen size) and nothing may be drawn outside
// it or cut off sideways by a form that only scrolls up and down.
func TestEveryTabFits800x600(t *testing.T) {
	small := fyne.NewSize(800, 600)
	opens := []struct {
		name string
		open func(*harness) *editor
	}{{"example", (*harness).openExample}, {"blank", (*harness).openBlank}, {"amended", (*harness).openAmended}}
	for _, o := range opens {
		for _, variant := range []string{"light", "dark"} {
			for _, side := range []bool{true, false} {
				name := fmt.Sprintf("%s/%s/side-panel-%v", o.name, variant, side)
				t.Run(name, func(t *testing.T) {
					h := newHarness(t)
					h.ui.applyTheme(variant)
					e := o.open(h)
					w := e.ui.win
					relayout(w, small)
					e.sideArea.show(side)
					for gi := range e.t.Groups {
						e.tabs.SelectIndex(gi)
						relayout(w, small)
						tab := e.t.Groups[gi].Name
						if e.sideArea.hidden() == side {
							t.Fatalf("tab %q: the side panel is not %s", tab, map[bool]string{true: "shown", false: "put away"}[side])
						}
						if need := windowNeeds(w); need.Width > small.Width || need.Height > small.Height {
							t.Errorf("tab %q needs a %.0f×%.0f window", tab, need.Width, need.Height)
						}
						for _, p := range drawnOutside(w.Canvas().Content(), w.Canvas().Size()) {
							t.Errorf("tab %q: %s", tab, p)
						}
					}
				})
			}
		}
	}
}

// openAmended opens the example as signed, with an answer changed since
// in every clause group that has one: each such tab's label then ends in
// "· amended", the widest labels the tabs carry.
func (h *harness) openAmended() *editor {
	h.t.Helper()
	e := h.openExample()
	signed := e.d.Answers.Clone()
	for _, g := range e.t.Groups {
		for _, f := range g.Fields {
			if v := e.d.Answers[f.ID]; v.Text != "" {
				signed[f.ID] = answers.Value{Text: v.Text + " (as signed)"}
				break
			}
		}
	}
	e.signed, e.inForce = true, signed
	e.recompute()
	for _, it := range e.tabItems {
		if strings.HasPrefix(it.Text, "Dispute Resolution") && !strings.HasSuffix(it.Text, "· amended") {
			h.t.Fatalf("the widest tab reads %q, not amended", it.Text)
		}
	}
	return e
}

// relayout sizes the window to size and lays everything out again, as a
// real window does after a tab shows new content.
func relayout(w fyne.Window, size fyne.Size) {
	w.Resize(size.SubtractWidthHeight(1, 1))
	w.Resize(size)
}

// windowNeeds is the smallest window the content fits in: its minimum
// size, the window's padding round it and, in the real window, the menu
// bar above it (one line of text with padding).
func windowNeeds(w fyne.Window) fyne.Size {
	pad := 2 * theme.Padding()
	menuBar := widget.NewLabel("File").MinSize().Height + pad
	return w.Canvas().Content().MinSize().AddWidthHeight(pad, pad+menuBar)
}

// clip is the part of the window an object may draw in: the window, or
// the viewport of the scroll holding it. A scroll lifts the limit in the
// direction it scrolls (what is below the fold is reached by scrolling),
// not in the other one: a form wider than its vertical scroll is cut off.
type clip struct {
	x0, y0, x1, y1 float32
	what           string // what sets the limit, for the failure message
}

// drawnOutside walks the visible objects under root, at their absolute
// positions, and describes each one that lies outside its clip.
func drawnOutside(root fyne.CanvasObject, win fyne.Size) []string {
	var out []string
	var walk func(o fyne.CanvasObject, origin fyne.Position, c clip)
	walk = func(o fyne.CanvasObject, origin fyne.Position, c clip) {
		if o == nil || !o.Visible() {
			return
		}
		pos, size := origin.Add(o.Position()), o.Size()
		const slack = 0.5 // rounding of fractional layouts
		if size.Width > 0 && size.Height > 0 &&
			(pos.X < c.x0-slack || pos.Y < c.y0-slack || pos.X+size.Width > c.x1+slack || pos.Y+size.Height > c.y1+slack) {
			out = append(out, fmt.Sprintf("%s at x %.0f–%.0f, y %.0f–%.0f lies outside %s (x %.0f–%.0f, y %.0f–%.0f)",
				describeObject(o), pos.X, pos.X+size.Width, pos.Y, pos.Y+size.Height, c.what, c.x0, c.x1, c.y0, c.y1))
			return // its children would repeat the same complaint
		}
		if s, ok := o.(*container.Scroll); ok {
			c = scrollClip(c, s, pos)
		}
		for _, child := range children(o) {
			walk(child, pos, c)
		}
	}
	walk(root, fyne.Position{}, clip{0, 0, win.Width, win.Height, "the window"})
	return out
}

// scrollClip narrows c to the viewport of s (at pos) in the directions s
// does not scroll.
func scrollClip(c clip, s *container.Scroll, pos fyne.Position) clip {
	const free = 1e9
	n := clip{max(c.x0, pos.X), max(c.y0, pos.Y), min(c.x1, pos.X+s.Size().Width), min(c.y1, pos.Y+s.Size().Height),
		fmt.Sprintf("the scroll holding %s", describeObject(s.Content))}
	if s.Direction == container.ScrollBoth || s.Direction == container.ScrollHorizontalOnly {
		n.x0, n.x1 = -free, free
	}
	if s.Direction == container.ScrollBoth || s.Direction == container.ScrollVerticalOnly {
		n.y0, n.y1 = -free, free
	}
	return n
}

func children(o fyne.CanvasObject) []fyne.CanvasObject {
	switch o := o.(type) {
	case *fyne.Container:
		return o.Objects
	case fyne.Widget:
		return test.WidgetRenderer(o).Objects()
	}
	return nil
}

// describeObject names an object by its type and the first text inside it, so
// a failure says which label, button or table it is.
func describeObject(o fyne.CanvasObject) string {
	return fmt.Sprintf("%T %q", o, firstText(o, 4))
}

func firstText(o fyne.CanvasObject, depth int) string {
	if o == nil {
		return ""
	}
	switch o := o.(type) {
	case *canvas.Text:
		return clipText(o.Text)
	case *widget.Label:
		return clipText(o.Text)
	case *widget.Button:
		return clipText(o.Text)
	case *widget.Entry:
		return clipText(o.Text)
	case *widget.Select:
		return clipText(o.Selected)
	}
	if depth == 0 {
		return ""
	}
	for _, c := range children(o) {
		if s := firstText(c, depth-1); s != "" {
			return s
		}
	}
	return ""
}

func clipText(s string) string {
	if r := []rune(strings.TrimSpace(s)); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return strings.TrimSpace(s)
}

// Made narrow, the window folds the side panel away instead of growing;
// the panel then opens over the form, a jump from it to a field closes it,
// and made wide again the window shows it beside the form.
func TestSidePanelFoldsInANarrowWindow(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	w := e.ui.win
	relayout(w, fyne.NewSize(1280, 800))
	if e.sideArea.hidden() || e.sideArea.folded {
		t.Fatal("at 1280×800 the side panel is not beside the form")
	}
	relayout(w, fyne.NewSize(800, 600))
	if !e.sideArea.hidden() {
		t.Fatal("at 800×600 the side panel still shows")
	}
	if e.tabs.Size().Width < e.sideArea.Size().Width {
		t.Fatalf("the form has %.0f of the %.0f px", e.tabs.Size().Width, e.sideArea.Size().Width)
	}
	if e.sideButton.Text != "Show checklist ▸" {
		t.Fatalf("the button says %q with the panel folded away", e.sideButton.Text)
	}
	test.Tap(e.sideButton)
	panel := e.sideTabs
	if e.sideArea.hidden() || !panel.Visible() || panel.Size().Width < 300 {
		t.Fatalf("the button did not open the panel over the form (%.0f px wide)", panel.Size().Width)
	}
	if x := fyne.CurrentApp().Driver().AbsolutePositionForObject(panel).X; x+panel.Size().Width > w.Canvas().Size().Width+0.5 {
		t.Fatalf("the panel opened over the form reaches past the window (x %.0f)", x)
	}
	if w.Canvas().Size().Width != 800 {
		t.Fatalf("opening the panel made the window %.0f wide", w.Canvas().Size().Width)
	}
	// A checklist row jumps to its field and puts the panel away.
	row := e.side.elements[e.groupIndex("pricing")][0].label
	row.Tapped(nil)
	if !e.sideArea.hidden() {
		t.Fatal("the panel stayed over the form after a jump to a field")
	}
	if got := e.tabs.SelectedIndex(); got != e.groupIndex("pricing") {
		t.Fatalf("the jump went to tab %d", got)
	}
	relayout(w, fyne.NewSize(1280, 800))
	besideForm := func(when string) {
		t.Helper()
		form, panel, area := e.tabs.Size().Width, e.sideTabs.Size().Width, e.sideArea.Size().Width
		if e.sideArea.hidden() || panel < 300 || form+panel > area+0.5 {
			t.Fatalf("%s, the panel is not beside the form (form %.0f, panel %.0f of %.0f px)", when, form, panel, area)
		}
	}
	besideForm("made wide again")
	test.Tap(e.sideButton)
	if form := e.tabs.Size().Width; form < e.sideArea.Size().Width {
		t.Fatalf("put away in a wide window, the panel leaves the form %.0f px", form)
	}
	test.Tap(e.sideButton)
	besideForm("put away and back")
	// Opening or closing it over a narrow form is not remembered as putting it away.
	if e.ui.opts.App.Preferences().Bool(prefSideHidden) {
		t.Fatal("the panel opened and closed over the form is remembered as put away")
	}
}
