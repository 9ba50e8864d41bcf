package render

// letterhead opens a Letter document: the title and subtitle at the top of
// the first page, ruled off like the cover's, with the sections following
// on the same page. A one-page statement has no room for a cover.
func (l *layout) letterhead(doc *Document) {
	l.newPage()
	l.letter = true
	l.outline(doc.Title)
	l.flow(marginX, contentW, titleStyle, doc.Title)
	if doc.Subtitle != "" {
		l.y += 2
		l.flow(marginX, contentW, subtitleStyle, doc.Subtitle)
	}
	l.y += 8
	l.line(marginX, l.y, pageW-marginX, l.y, 1.2, accent)
	l.y += 14
}
