package render

import (
	"fmt"
	"unicode/utf8"

	"github.com/signintech/gopdf"
)

// Page geometry in points (A4). The footer band sits below contentBottom;
// everything the flow draws stays between contentTop and contentBottom.
const (
	pageW         = 595.28
	pageH         = 841.89
	marginX       = 56.7 // 20 mm
	contentTop    = 56.7
	footerTop     = pageH - 56
	contentBottom = footerTop - 14
	contentW      = pageW - 2*marginX
	gutter        = 34.0 // room for a hanging clause number such as "10.12"
)

// rgb is a colour; a handful of greys and one accent keep the page calm.
type rgb struct{ r, g, b uint8 }

var (
	black     = rgb{0x1a, 0x1a, 0x1a}
	ink       = rgb{0x33, 0x33, 0x33}
	grey      = rgb{0x6b, 0x6b, 0x6b}
	rule      = rgb{0xb0, 0xb0, 0xb0}
	shade     = rgb{0xe9, 0xec, 0xf0}
	accent    = rgb{0x1f, 0x3a, 0x5f} // headings
	warnRed   = rgb{0xa3, 0x1f, 0x1f} // draft notice, incomplete items
	tickGreen = rgb{0x1e, 0x6b, 0x3a}
)

// textStyle is a font, size, leading and colour used together.
type textStyle struct {
	font  fontStyle
	size  float64
	lead  float64 // distance between baselines
	color rgb
}

var (
	bodyStyle        = textStyle{regular, 10, 14, black}
	conspicuousStyle = textStyle{bold, 10, 14, black}
	clauseNum        = textStyle{bold, 10, 14, black}
	headingStyle     = textStyle{bold, 13, 17, accent}
	subheadStyle     = textStyle{bold, 10.5, 15, black}
	cellStyle        = textStyle{regular, 9, 12, black}
	cellHeadStyle    = textStyle{bold, 9, 12, black}
	smallStyle       = textStyle{regular, 8, 10, grey}
	labelStyle       = textStyle{regular, 6.5, 8, grey}
)

// baseline is where text of st sits inside a line box starting at top.
func (st textStyle) baseline(top float64) float64 {
	return top + (st.lead-st.size)/2 + 0.8*st.size
}

// layout is the state of one PDF being drawn: the gopdf document, the
// current page and the flow position. Drawing errors are sticky (the first
// one is kept and later drawing is skipped) so layout code reads as a
// sequence of steps; PDF checks err once at the end.
type layout struct {
	gp     *gopdf.GoPdf
	faces  [styleCount]*face
	footer footerText
	page   int     // 1-based number of the current page
	y      float64 // top of the next thing in the flow
	err    error
	sigs   []sigPlacement // where the signature fields go
	letter bool           // the first section continues the letterhead's page
}

func (l *layout) fail(err error) {
	if l.err == nil && err != nil {
		l.err = err
	}
}

// newPage starts a page, draws its footer and puts the flow at the top.
func (l *layout) newPage() {
	if l.err != nil {
		return
	}
	l.gp.AddPage()
	l.page++
	l.y = contentTop
	l.drawFooter()
}

// room is the height left on the current page.
func (l *layout) room() float64 { return contentBottom - l.y }

// atTop reports whether nothing has been drawn on this page yet, so a page
// break would only leave an empty page behind.
func (l *layout) atTop() bool { return l.y <= contentTop+0.5 }

// need starts a new page unless h points fit below the flow position. It
// never breaks at the top of a page: content taller than a page then flows
// across pages by itself.
func (l *layout) need(h float64) {
	if h > l.room() && !l.atTop() {
		l.newPage()
	}
}

// setText selects font, size and colour for the next text.
func (l *layout) setText(st textStyle) {
	if l.err != nil {
		return
	}
	if err := l.gp.SetFont(l.faces[st.font].family, "", st.size); err != nil {
		l.fail(fmt.Errorf("set font: %w", err))
		return
	}
	l.gp.SetTextColor(st.color.r, st.color.g, st.color.b)
}

// text draws one line whose line box starts at top. Text must already be
// cleaned (fonts cover every rune).
func (l *layout) text(x, top float64, st textStyle, s string) {
	if l.err != nil || s == "" {
		return
	}
	l.setText(st)
	l.gp.SetXY(x, st.baseline(top))
	if err := l.gp.Text(s); err != nil {
		l.fail(fmt.Errorf("draw text: %w", err))
	}
}

// width measures s in style st.
func (l *layout) width(st textStyle, s string) float64 {
	return l.faces[st.font].width(s, st.size)
}

// wrap splits s into lines that fit width in style st.
func (l *layout) wrap(st textStyle, width float64, s string) []string {
	return wrap(l.faces[st.font], st.size, width, s)
}

// fit shortens s with an ellipsis until it fits width, for one-line slots
// such as the footer where wrapping would collide with other text. It
// measures only as far as fits, so a huge title costs no more than a
// short one.
func (l *layout) fit(st textStyle, width float64, s string) string {
	if l.width(st, s) <= width {
		return s
	}
	const ell = "..."
	f := l.faces[st.font]
	limit := int((width - l.width(st, ell)) * 1000 / st.size)
	used := 0
	for i, r := range s {
		used += f.advance(r)
		if used > limit {
			return s[:i] + ell
		}
	}
	return s + ell
}

// line draws a stroke.
func (l *layout) line(x1, y1, x2, y2, w float64, c rgb) {
	if l.err != nil {
		return
	}
	l.gp.SetLineWidth(w)
	l.gp.SetStrokeColor(c.r, c.g, c.b)
	l.gp.Line(x1, y1, x2, y2)
}

// box strokes a rectangle.
func (l *layout) box(x, y, w, h, lw float64, c rgb) {
	if l.err != nil {
		return
	}
	l.gp.SetLineWidth(lw)
	l.gp.SetStrokeColor(c.r, c.g, c.b)
	l.gp.RectFromUpperLeftWithStyle(x, y, w, h, "D")
}

// fill paints a rectangle without an outline.
func (l *layout) fill(x, y, w, h float64, c rgb) {
	if l.err != nil {
		return
	}
	l.gp.SetFillColor(c.r, c.g, c.b)
	l.gp.RectFromUpperLeftWithStyle(x, y, w, h, "F")
}

// outline adds a bookmark pointing just above the flow position.
func (l *layout) outline(title string) {
	if l.err != nil {
		return
	}
	title = metadataText(title)
	if title == "" {
		title = "(untitled)"
	}
	l.gp.SetY(l.y)
	l.gp.AddOutlineWithPosition(title)
}

// flow draws wrapped text at x, breaking across pages as needed.
func (l *layout) flow(x, width float64, st textStyle, s string) {
	l.hanging(x, width, st, s, 0, st, "")
}

// hanging flows wrapped text at x across pages. Lines are kept in pairs
// at page ends: a block never leaves a single first line at the bottom of
// a page or a single last line at the top of the next. If hang is not
// empty it is drawn in hangStyle at hangX on the first line.
func (l *layout) hanging(x, width float64, st textStyle, s string, hangX float64, hangStyle textStyle, hang string) {
	lines := l.wrap(st, width, s)
	if len(lines) == 0 {
		if hang == "" {
			return
		}
		lines = []string{""}
	}
	for i := 0; i < len(lines) && l.err == nil; {
		fits := int((l.room() + 0.01) / st.lead)
		left := len(lines) - i
		if fits < left {
			if !l.atTop() && (fits < 1 || (fits < 2 && left >= 2)) {
				l.newPage() // would orphan the first line
				continue
			}
			if fits == left-1 && fits >= 2 && (i > 0 || fits >= 3) {
				fits-- // would widow the last line
			}
		}
		if fits < 1 {
			fits = 1 // a page holds at least one line, even if tall
		}
		n := min(fits, left)
		for _, ln := range lines[i : i+n] {
			if i == 0 && hang != "" {
				l.text(hangX, l.y, hangStyle, hang)
			}
			l.text(x, l.y, st, ln)
			l.y += st.lead
			i++
		}
		if i < len(lines) {
			l.newPage()
		}
	}
}

// linesHeight is the height of the first n lines of s wrapped in st,
// used to keep headings with what follows them.
func (l *layout) linesHeight(st textStyle, width float64, s string, n int) float64 {
	// A few lines never hold more than a few hundred runes; wrapping a
	// 100 kB paragraph twice just to keep a heading with it is waste.
	if len(s) > 4096 {
		cut := 4096
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	k := len(l.wrap(st, width, s))
	return float64(min(k, n)) * st.lead
}
