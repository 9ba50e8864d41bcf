package forms

import (
	"image/color"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A blank amount shows the currency it will be in, not "(unit)", and
// typing an amount chooses that currency: no "needs a currency" for
// someone who never saw a choice to make.
func TestBlankAmountShowsItsCurrency(t *testing.T) {
	h := newHarness(t)
	e := h.openBlank()
	const id = "rate"
	e.buildTab(e.groupOf(id))
	fv := e.field(id)
	var sel *widget.Select
	walk(fv.box, func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok {
			sel = s
		}
	})
	if sel == nil || e.d.Answers.Has(id) {
		t.Fatalf("the blank agreement's %s: select %v, answered %v", id, sel != nil, e.d.Answers.Has(id))
	}
	if sel.PlaceHolder != "GBP" || sel.Selected != "" {
		t.Fatalf("the blank amount's currency reads %q (chosen %q), want GBP shown", sel.PlaceHolder, sel.Selected)
	}
	test.Type(fv.focus.(*formEntry), "24.50")
	if got := e.d.Answers[id]; got.Text != "24.50" || got.Unit != "GBP" {
		t.Fatalf("typing 24.50 answered %+v, want 24.50 GBP", got)
	}
	if p := e.field(id).problem; p.Visible() {
		t.Fatalf("the amount shows a problem: %s", p.Text)
	}
}

// The market lines under the fields are drawn in the text colour, at
// least 4.5:1 against the background in both themes.
func TestMarketHintsAreReadable(t *testing.T) {
	for _, variant := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		th := theme.DefaultTheme()
		if r := contrast(th.Color(theme.ColorNameForeground, variant), th.Color(theme.ColorNameBackground, variant)); r < 4.5 {
			t.Fatalf("variant %d: text on background is %.1f:1", variant, r)
		}
	}
	h := newHarness(t)
	e := h.openExample()
	for gi := range e.t.Groups {
		e.buildTab(gi)
	}
	e.refreshMarket()
	seen := 0
	for id, l := range e.market.fields {
		if !l.Visible() || !strings.HasPrefix(l.Text, "Market: ") {
			continue
		}
		seen++
		if l.Importance != widget.MediumImportance {
			t.Errorf("%s: the market line has importance %d, drawn in a colour other than the text's", id, l.Importance)
		}
	}
	if seen == 0 {
		t.Fatal("no market line shows on the example")
	}
}

// contrast is the WCAG 2 contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}
