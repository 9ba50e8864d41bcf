package render

// Checklist page geometry: a tick box, the element name, its status.
const (
	tickSize    = 9.0
	tickColumn  = 16.0
	statusShare = 0.42 // of the width right of the tick column
	statusGap   = 12.0
	initialBoxW = 120.0
	initialBoxH = 30.0
)

var (
	pageHeading = textStyle{bold, 15, 20, accent}
	groupStyle  = textStyle{bold, 10.5, 15, black}
	itemStyle   = textStyle{regular, 9.5, 13, black}
	doneStatus  = textStyle{regular, 9.5, 13, tickGreen}
	openStatus  = textStyle{bold, 9.5, 13, warnRed}
)

// checklist draws the clause checklist on its own pages: per clause group,
// each element with a tick when done, its status, and boxes for both
// parties to initial. A group is kept on one page whenever it fits.
func (l *layout) checklist(c Checklist) {
	l.newPage()
	l.outline("Clause checklist")
	l.text(marginX, l.y, pageHeading, "Clause checklist")
	l.y += pageHeading.lead + 6
	if c.Intro != "" {
		l.flow(marginX, contentW, bodyStyle, c.Intro)
		l.y += 10
	}
	nameW := (contentW - tickColumn) * (1 - statusShare)
	statusX := marginX + tickColumn + nameW + statusGap
	statusW := pageW - marginX - statusX

	for _, g := range c.Groups {
		type item struct {
			name, status []string
			h            float64
		}
		items := make([]item, len(g.Elements))
		groupLines := l.wrap(groupStyle, contentW, g.Name)
		total := float64(max(len(groupLines), 1))*groupStyle.lead + 6
		for i, e := range g.Elements {
			it := item{
				name:   l.wrap(itemStyle, nameW, e.Name),
				status: l.wrap(statusStyle(e), statusW, e.Status),
			}
			it.h = float64(max(len(it.name), len(it.status), 1))*itemStyle.lead + 4
			items[i] = it
			total += it.h
		}
		total += 8 + initialBoxH + 18
		if total <= contentBottom-contentTop {
			l.need(total)
		} else {
			l.need(groupStyle.lead * 4)
		}

		l.flow(marginX, contentW, groupStyle, g.Name)
		if g.Name == "" {
			l.y += groupStyle.lead
		}
		l.y += 2
		l.line(marginX, l.y, pageW-marginX, l.y, 0.5, rule)
		l.y += 4

		for i, e := range g.Elements {
			it := items[i]
			if it.h > contentBottom-contentTop {
				// An element longer than a page: let name and status flow.
				l.tick(marginX, l.y, e.Done)
				l.flow(marginX+tickColumn, contentW-tickColumn, itemStyle, e.Name)
				l.flow(marginX+tickColumn, contentW-tickColumn, statusStyle(e), e.Status)
				l.y += 4
				continue
			}
			l.need(it.h)
			l.tick(marginX, l.y+2, e.Done)
			for k, ln := range it.name {
				l.text(marginX+tickColumn, l.y+float64(k)*itemStyle.lead, itemStyle, ln)
			}
			for k, ln := range it.status {
				l.text(statusX, l.y+float64(k)*itemStyle.lead, statusStyle(e), ln)
			}
			l.y += it.h
		}

		l.y += 8
		l.need(initialBoxH)
		for i, label := range []string{"Customer initials", "Provider initials"} {
			x := marginX + tickColumn + float64(i)*(initialBoxW+16)
			l.box(x, l.y, initialBoxW, initialBoxH, 0.6, rule)
			l.text(x+3, l.y+1.5, labelStyle, label)
		}
		l.y += initialBoxH + 18
	}
}

// statusStyle colours a status so open items stand out.
func statusStyle(e ChecklistElement) textStyle {
	if e.Done {
		return doneStatus
	}
	return openStatus
}

// tick draws a check box at (x, y), ticked with two strokes when done: the
// Go fonts have no check mark glyph.
func (l *layout) tick(x, y float64, done bool) {
	l.box(x, y, tickSize, tickSize, 0.6, grey)
	if !done {
		return
	}
	l.line(x+1.8, y+4.8, x+3.8, y+7.2, 1.3, tickGreen)
	l.line(x+3.8, y+7.2, x+7.6, y+1.8, 1.3, tickGreen)
}
