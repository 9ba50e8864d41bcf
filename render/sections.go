package render

import "strings"

// Spacing between blocks of a section, in points.
const (
	headingSpaceBefore = 16.0
	headingSpaceAfter  = 5.0
	blockSpace         = 6.0
	// maxHang is the widest number that may hang left of its text; a
	// longer one would squeeze the text into a sliver.
	maxHang = contentW / 3
)

// sections draws the numbered clauses and schedules. The first one starts
// on a fresh page after the cover.
func (l *layout) sections(secs []Section) {
	for i, s := range secs {
		if (i == 0 && !l.letter) || s.NewPage {
			if !l.atTop() || l.page == 0 {
				l.newPage()
			}
		}
		l.sectionHeading(s)
		for j, b := range s.Blocks {
			l.block(b, s.Blocks[j+1:])
		}
		if l.err != nil {
			return
		}
	}
}

// headingText is what the bookmark and the heading say: "3  Service Levels".
func headingText(number, heading string) string {
	switch {
	case number == "":
		return heading
	case heading == "":
		return number
	}
	return number + "  " + heading
}

// sectionHeading draws "Number  Heading" with the number in the gutter,
// adds the bookmark, and keeps the heading with the start of the section:
// a heading alone at the foot of a page is the commonest layout fault.
func (l *layout) sectionHeading(s Section) {
	if l.width(headingStyle, s.Number) > maxHang {
		// Not a number that can hang: let it wrap with the heading.
		s.Heading, s.Number = headingText(s.Number, s.Heading), ""
	}
	textX, textW := l.headingColumn(s.Number)
	h := l.linesHeight(headingStyle, textW, s.Heading, 3) + headingSpaceAfter
	if s.Heading == "" {
		h = headingStyle.lead + headingSpaceAfter
	}
	next := 3 * bodyStyle.lead
	if len(s.Blocks) > 0 {
		next = l.blockStart(s.Blocks[0], s.Blocks[1:])
	}
	if !l.atTop() {
		l.y += headingSpaceBefore
	}
	l.need(h + next)
	l.outline(headingText(s.Number, s.Heading))
	l.hanging(textX, textW, headingStyle, s.Heading, marginX, headingStyle, s.Number)
	l.y += headingSpaceAfter
}

// headingColumn places heading text right of the number: in the clause
// gutter when the number is short, after it when it is long ("Schedule 2").
func (l *layout) headingColumn(number string) (x, w float64) {
	x = marginX + gutter
	if nw := l.width(headingStyle, number); nw+10 > gutter {
		x = marginX + nw + 10
	}
	return x, pageW - marginX - x
}

// block draws one block of a section; rest is what follows it in the same
// section, so a subheading can be kept with its first paragraph.
func (l *layout) block(b Block, rest []Block) {
	x, w := marginX+gutter, contentW-gutter
	if b.Changed {
		defer l.changeBar(l.page, l.y)
	}
	if len(b.Runs) > 0 {
		l.redline(b)
		return
	}
	switch b.Kind {
	case Clause:
		number, text, textX := b.Number, b.Text, x
		switch nw := l.width(clauseNum, number); {
		case nw > maxHang:
			// Not a number that can hang: it wraps with the text instead.
			number, text = "", strings.TrimSpace(number+"  "+text)
		case nw+8 > gutter:
			textX = marginX + nw + 8
		}
		l.hanging(textX, pageW-marginX-textX, b.bodyStyle(), text, marginX, clauseNum, number)
		l.y += blockSpace
	case Subheading:
		if !l.atTop() {
			l.y += 4
		}
		l.need(l.blockStart(b, rest))
		l.flow(x, w, subheadStyle, b.Text)
		l.y += 2
	case TableBlock:
		if b.Table == nil {
			return
		}
		l.y += 2
		l.table(tableSpec{x: x, width: w, header: b.Table.Columns, weights: b.Table.Widths, rows: b.Table.Rows})
		l.y += blockSpace + 4
	default: // Paragraph, and any kind added later, reads as running text
		l.flow(x, w, b.bodyStyle(), b.Text)
		l.y += blockSpace
	}
}

// blockStart is how much of b must fit under a heading for the heading
// not to be stranded: two lines of text, a table's header and first row,
// or a subheading with the start of its own next block.
func (l *layout) blockStart(b Block, rest []Block) float64 {
	w := contentW - gutter
	switch b.Kind {
	case Subheading:
		h := l.linesHeight(subheadStyle, w, b.Text, 2) + 6
		if len(rest) > 0 && rest[0].Kind != Subheading {
			h += l.blockStart(rest[0], rest[1:])
		}
		return h
	case TableBlock:
		if b.Table == nil {
			return 0
		}
		rows := 1.0
		if len(b.Table.Columns) > 0 {
			rows = 2
		}
		return rows*(2*cellStyle.lead+2*cellPad) + 2
	default:
		if strings.TrimSpace(b.Text) == "" {
			return bodyStyle.lead
		}
		return l.linesHeight(bodyStyle, w, b.Text, 2)
	}
}

// bodyStyle is the style of a block's running text.
func (b Block) bodyStyle() textStyle {
	if b.Conspicuous {
		return conspicuousStyle
	}
	return bodyStyle
}
