package render

// letterhead opens a Letter document: the title block at the top of the
// first page, with the sections following on the same page. A one-page
// statement has no room for a cover.
func (l *layout) letterhead(doc *Document) {
	l.newPage()
	l.letter = true
	l.outline(doc.Title)
	l.titleBlock(doc, 8, 14)
}

// titleBlock draws the title and subtitle ruled off underneath, as the
// cover and the letterhead both open: gap above the rule, after below it.
func (l *layout) titleBlock(doc *Document, gap, after float64) {
	l.flow(marginX, contentW, titleStyle, doc.Title)
	if doc.Subtitle != "" {
		l.y += 2
		l.flow(marginX, contentW, subtitleStyle, doc.Subtitle)
	}
	l.y += gap
	l.line(marginX, l.y, pageW-marginX, l.y, 1.2, accent)
	l.y += after
}
