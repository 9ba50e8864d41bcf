package forms

import (
	"fmt"
	"image"
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Switching the theme in Settings recolours every widget at once, the
// forms not on screen included: each group's fields, dropdowns, table
// cells and labels are drawn in the new theme's colours when the group is
// next shown, without a restart. Checked on the pictures the window draws.
func TestThemeSwitchRecoloursEveryGroup(t *testing.T) {
	for _, sw := range []struct{ from, to string }{{"light", "dark"}, {"dark", "light"}} {
		t.Run(sw.from+"-to-"+sw.to, func(t *testing.T) {
			h := newHarness(t)
			h.ui.setTheme(sw.from)
			e := h.openExample()
			h.ui.win.Resize(fyne.NewSize(1280, 800))
			for gi := range e.t.Groups { // every form built and drawn in the old theme
				e.tabs.SelectIndex(gi)
				h.ui.win.Canvas().Capture()
			}
			e.tabs.SelectIndex(0)
			h.drain()

			h.ui.setTheme(sw.to)
			h.drain()
			want := themeColours(sw.to)
			seen := map[string]int{}
			for gi := range e.t.Groups {
				e.tabs.SelectIndex(gi)
				h.drain()
				h.ui.win.Canvas().Capture() // a frame for the culler to settle the rows
				h.drain()
				shot := h.ui.win.Canvas().Capture()
				for _, p := range wrongColours(h, e.tabItems[gi].Content, shot, want, seen) {
					t.Errorf("%s, after switching to %s: %s", e.t.Groups[gi].Name, sw.to, p)
				}
			}
			for _, kind := range []string{"text field", "dropdown", "table cell", "label", "market line"} {
				if seen[kind] == 0 {
					t.Errorf("no %s was on screen to check", kind)
				}
			}
		})
	}
}

// colours are the ones a theme variant draws widgets with.
type colours struct{ background, input color.Color }

func themeColours(variant string) colours {
	v := map[string]fyne.ThemeVariant{"light": theme.VariantLight, "dark": theme.VariantDark}[variant]
	th := theme.DefaultTheme()
	return colours{th.Color(theme.ColorNameBackground, v), th.Color(theme.ColorNameInputBackground, v)}
}

// wrongColours checks each field, dropdown and label drawn whole inside
// the form's view in shot: a field's box is the input colour, a label's
// text stands out from the background at least 4.5:1. It counts what it
// checked by kind in seen.
func wrongColours(h *harness, form fyne.CanvasObject, shot image.Image, want colours, seen map[string]int) []string {
	d := h.ui.opts.App.Driver()
	view := image.Rectangle{Min: imagePoint(d.AbsolutePositionForObject(form)), Max: imagePoint(d.AbsolutePositionForObject(form).Add(form.Size()))}
	var problems []string
	walk(form, func(o fyne.CanvasObject) {
		if !o.Visible() || o.Size().IsZero() {
			return
		}
		at := d.AbsolutePositionForObject(o)
		box := image.Rectangle{Min: imagePoint(at), Max: imagePoint(at.Add(o.Size()))}
		if !box.In(view) || !visibleChain(h, o) {
			return
		}
		// Inside a box's top border, above its text: the box's own colour.
		boxColour := func() color.Color { return shot.At(box.Min.X+box.Dx()/2, box.Min.Y+6) }
		switch o := o.(type) {
		case *formEntry:
			seen["text field"]++
			if c := boxColour(); !near(c, want.input) {
				problems = append(problems, fmt.Sprintf("text field %q drawn in %v, not the input colour %v", clipText(o.Text), c, want.input))
			}
		case *widget.Entry: // a table's cells are plain entries
			seen["table cell"]++
			if c := boxColour(); !near(c, want.input) {
				problems = append(problems, fmt.Sprintf("table cell %q drawn in %v, not the input colour %v", clipText(o.Text), c, want.input))
			}
		case *widget.Select:
			seen["dropdown"]++
			if c := boxColour(); !near(c, want.input) {
				problems = append(problems, fmt.Sprintf("dropdown %q drawn in %v, not the input colour %v", o.Selected, c, want.input))
			}
		case *widget.Label:
			if strings.TrimSpace(o.Text) == "" || o.Importance != widget.MediumImportance {
				return
			}
			kind := "label"
			if strings.HasPrefix(o.Text, "Market: ") {
				kind = "market line"
			}
			seen[kind]++
			if bg := shot.At(box.Min.X+1, box.Min.Y+1); !near(bg, want.background) {
				problems = append(problems, fmt.Sprintf("%s %q on %v, not the background %v", kind, clipText(o.Text), bg, want.background))
			} else if r := bestContrast(shot, box, bg); r < 4.5 {
				problems = append(problems, fmt.Sprintf("%s %q stands out %.1f:1 from its background", kind, clipText(o.Text), r))
			}
		}
	})
	return problems
}

// visibleChain reports whether o and every object holding it in the
// editor are visible (a culled row hides its fields without hiding them).
func visibleChain(h *harness, o fyne.CanvasObject) bool {
	visible := true
	var path func(root fyne.CanvasObject) bool
	path = func(root fyne.CanvasObject) bool {
		if root == o {
			return true
		}
		for _, c := range children(root) {
			if path(c) {
				visible = visible && c.Visible()
				return true
			}
		}
		return false
	}
	return path(h.ui.win.Content()) && visible
}

// bestContrast is the highest contrast of a pixel in box against bg.
func bestContrast(img image.Image, box image.Rectangle, bg color.Color) float64 {
	best := 1.0
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			if r := contrast(img.At(x, y), bg); r > best {
				best = r
			}
		}
	}
	return best
}

func near(a, b color.Color) bool {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	d := func(x, y uint32) bool { return x>>8 <= y>>8+6 && y>>8 <= x>>8+6 }
	return d(ar, br) && d(ag, bg) && d(ab, bb)
}

func imagePoint(p fyne.Position) image.Point { return image.Pt(int(p.X), int(p.Y)) }
