package forms

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// previewText shows the agreement as plain text, a list of lines of which
// only those on screen are laid out and drawn.
//
// The agreement is 18 pages: as one word-wrapped label it took Fyne about
// a second to measure every word each time the text was set or the tab
// shown. Here the text is wrapped by this widget, in a monospaced font so
// that a line's width is its length times one glyph's width and wrapping
// costs no measuring, and a widget.List makes widgets for the visible
// lines only.
type previewText struct {
	widget.BaseWidget
	list       *widget.List
	text       string   // as set: paragraphs separated by newlines
	paragraphs []string // text split into its lines
	lines      []string // paragraphs wrapped to columns
	columns    int      // characters per line; 0 until laid out
}

func newPreviewText() *previewText {
	p := &previewText{}
	p.list = widget.NewList(
		func() int { return len(p.lines) },
		func() fyne.CanvasObject {
			l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
			l.Selectable = true
			l.Truncation = fyne.TextTruncateEllipsis // a guard: wrapping keeps lines within the width
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(p.lines[i]) })
	p.list.HideSeparators = true
	p.ExtendBaseWidget(p)
	return p
}

// SetText shows text, wrapped to the width the widget has.
func (p *previewText) SetText(text string) {
	if text == p.text {
		return
	}
	p.text = text
	p.paragraphs = strings.Split(text, "\n")
	if text == "" {
		p.paragraphs = nil
	}
	p.rewrap()
}

// Text is the text shown, as set.
func (p *previewText) Text() string { return p.text }

// rewrap wraps the paragraphs to the columns and redraws the list.
func (p *previewText) rewrap() {
	p.lines = p.lines[:0]
	for _, para := range p.paragraphs {
		p.lines = wrapLine(p.lines, para, p.columns)
	}
	p.list.Refresh()
}

// fitColumns sets the characters per line that fit width, and rewraps if
// that changed.
func (p *previewText) fitColumns(width float32) {
	th := p.Theme()
	glyph := fyne.MeasureText("M", th.Size(theme.SizeNameText), fyne.TextStyle{Monospace: true}).Width
	// The label's inner padding on both sides, the list's scroll bar and
	// a padding's slack, so that rounding never pushes a line over.
	room := width - 2*th.Size(theme.SizeNameInnerPadding) - th.Size(theme.SizeNameScrollBar) - th.Size(theme.SizeNamePadding)
	cols := max(int(room/glyph), 20)
	if cols != p.columns {
		p.columns = cols
		p.rewrap()
	}
}

func (p *previewText) CreateRenderer() fyne.WidgetRenderer {
	return &previewRenderer{p: p}
}

type previewRenderer struct{ p *previewText }

func (r *previewRenderer) Layout(size fyne.Size) {
	r.p.fitColumns(size.Width)
	r.p.list.Resize(size)
}

func (r *previewRenderer) MinSize() fyne.Size { return r.p.list.MinSize() }
func (r *previewRenderer) Refresh()           { r.p.list.Refresh() }
func (r *previewRenderer) Destroy()           {}
func (r *previewRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.p.list}
}

// wrapLine appends para to lines, broken at spaces into lines of at most
// columns characters (no limit when columns is 0). Continuation lines keep
// the paragraph's indentation; a word longer than a line is cut.
func wrapLine(lines []string, para string, columns int) []string {
	if columns <= 0 || utf8.RuneCountInString(para) <= columns {
		return append(lines, para)
	}
	body := strings.TrimLeft(para, " ")
	indent := para[:len(para)-len(body)]
	if utf8.RuneCountInString(indent) > columns/2 {
		indent = "" // a deep indent would leave no room for words
	}
	width := columns - utf8.RuneCountInString(indent)
	start := len(lines)
	var line strings.Builder
	n := 0 // runes in line
	flush := func() {
		lines = append(lines, indent+line.String())
		line.Reset()
		n = 0
	}
	for _, word := range strings.Fields(body) {
		w := utf8.RuneCountInString(word)
		if n > 0 && n+1+w > width {
			flush()
		}
		for w > width { // longer than a line (n is 0 here): cut it
			cut := byteIndexOfRune(word, width)
			line.WriteString(word[:cut])
			flush()
			word = word[cut:]
			w = utf8.RuneCountInString(word)
		}
		if n > 0 {
			line.WriteByte(' ')
			n++
		}
		line.WriteString(word)
		n += w
	}
	if n > 0 || len(lines) == start {
		flush()
	}
	return lines
}

// byteIndexOfRune is the byte offset of the i-th rune of s (len(s) past the end).
func byteIndexOfRune(s string, i int) int {
	for b := range s {
		if i == 0 {
			return b
		}
		i--
	}
	return len(s)
}
