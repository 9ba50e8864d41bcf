package render

import (
	"fmt"
	"strings"
)

// Redline colours: deletions red and struck through, insertions blue and
// underlined, so the marks survive a black-and-white print as lines.
var (
	deletedColor  = rgb{0xb0, 0x1c, 0x1c}
	insertedColor = rgb{0x1a, 0x4f, 0xb5}
	changeBarX    = marginX - 12
)

// word is one word of a redline with its kind and measured width.
type word struct {
	kind  RunKind
	text  string
	width float64
}

// redline draws a Clause or Paragraph block made of runs: words wrap like
// running text, each keeps its run's colour and line.
func (l *layout) redline(b Block) {
	x := marginX + gutter
	if b.Kind == Clause && b.Number != "" {
		l.need(2 * bodyStyle.lead)
		l.text(marginX, l.y, clauseNum, b.Number)
	}
	width := pageW - marginX - x
	space := l.width(bodyStyle, " ")
	for _, para := range redlineParagraphs(b.Runs) {
		var line []word
		lineW := 0.0
		flush := func() {
			l.need(bodyStyle.lead)
			l.redlineLine(x, line, space)
			l.y += bodyStyle.lead
			line, lineW = nil, 0
		}
		for _, w := range para {
			w.width = l.width(bodyStyle, w.text)
			if len(line) > 0 && lineW+space+w.width > width {
				flush()
			}
			if len(line) > 0 {
				lineW += space
			}
			line = append(line, w)
			lineW += w.width
		}
		flush()
	}
	l.y += blockSpace
}

// redlineParagraphs splits runs into paragraphs of words.
func redlineParagraphs(runs []Run) [][]word {
	paras := [][]word{nil}
	for _, r := range runs {
		for i, part := range strings.Split(r.Text, "\n") {
			if i > 0 {
				paras = append(paras, nil)
			}
			for _, f := range strings.Fields(part) {
				paras[len(paras)-1] = append(paras[len(paras)-1], word{kind: r.Kind, text: f})
			}
		}
	}
	return paras
}

// redlineLine draws one line of words, with a strike or an underline under
// changed words (and the space between two changed words of one kind).
func (l *layout) redlineLine(x float64, line []word, space float64) {
	base := bodyStyle.baseline(l.y)
	for i, w := range line {
		st := bodyStyle
		switch w.kind {
		case Deleted:
			st.color = deletedColor
		case Inserted:
			st.color = insertedColor
		}
		l.text(x, l.y, st, w.text)
		end := x + w.width
		if i+1 < len(line) && line[i+1].kind == w.kind {
			end += space
		}
		switch w.kind {
		case Deleted:
			l.line(x, base-bodyStyle.size*0.3, end, base-bodyStyle.size*0.3, 0.7, deletedColor)
		case Inserted:
			l.line(x, base+1.5, end, base+1.5, 0.7, insertedColor)
		}
		x += w.width + space
	}
}

// changeBar draws the margin bar beside a changed block that started at
// fromY on page fromPage and ends at the flow position, across pages.
func (l *layout) changeBar(fromPage int, fromY float64) {
	if l.err != nil {
		return
	}
	endPage, endY := l.page, l.y-blockSpace
	for p := fromPage; p <= endPage; p++ {
		top, bottom := contentTop, contentBottom
		if p == fromPage {
			top = fromY
		}
		if p == endPage {
			bottom = endY
		}
		if bottom <= top {
			continue
		}
		if err := l.gp.SetPage(p); err != nil {
			l.fail(fmt.Errorf("change bar: %w", err))
			return
		}
		l.line(changeBarX, top, changeBarX, bottom, 2, insertedColor)
	}
	if err := l.gp.SetPage(endPage); err != nil {
		l.fail(fmt.Errorf("change bar: %w", err))
	}
}
