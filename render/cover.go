package render

var (
	titleStyle    = textStyle{bold, 24, 30, accent}
	subtitleStyle = textStyle{regular, 13, 18, grey}
	draftStyle    = textStyle{bold, 11, 15, warnRed}
	coverLabel    = textStyle{bold, 9, 12, accent}
	roleStyle     = textStyle{regular, 8.5, 12, grey}
	partyName     = textStyle{bold, 11.5, 15, black}
	partyDetails  = textStyle{regular, 9.5, 13, ink}
	noteStyle     = textStyle{italic, 9.5, 13, ink}
)

// draftNotice is printed on the cover of a document with missing answers.
const draftNotice = "DRAFT — not ready for signature"

// cover draws the first page: title, draft notice, parties, key terms,
// note and document ID. It flows onto more pages if the key terms are long.
func (l *layout) cover(doc *Document) {
	l.newPage()
	l.y += 28
	l.flow(marginX, contentW, titleStyle, doc.Title)
	if doc.Subtitle != "" {
		l.y += 2
		l.flow(marginX, contentW, subtitleStyle, doc.Subtitle)
	}
	l.y += 10
	l.line(marginX, l.y, pageW-marginX, l.y, 1.2, accent)
	l.y += 16

	if doc.Draft {
		h := draftStyle.lead + 12
		l.need(h)
		l.fill(marginX, l.y, contentW, h, rgb{0xfb, 0xee, 0xee})
		l.box(marginX, l.y, contentW, h, 1, warnRed)
		l.text(marginX+10, l.y+6, draftStyle, draftNotice)
		l.y += h + 18
	}

	if len(doc.Cover.Parties) > 0 {
		l.coverLabel("Parties")
		l.parties(doc.Cover.Parties)
		l.y += 10
	}

	if len(doc.Cover.KeyTerms) > 0 {
		l.coverLabel("Key terms")
		rows := make([][]string, len(doc.Cover.KeyTerms))
		for i, k := range doc.Cover.KeyTerms {
			rows[i] = []string{k.Label, k.Value}
		}
		l.table(tableSpec{x: marginX, width: contentW, weights: []float64{34, 66}, rows: rows, keyCol: true})
		l.y += 14
	}

	if doc.Cover.Note != "" {
		l.flow(marginX, contentW, noteStyle, doc.Cover.Note)
		l.y += 12
	}
	if doc.ID != "" {
		l.need(smallStyle.lead)
		l.flow(marginX, contentW, smallStyle, "Document ID: "+doc.ID)
	}
}

// coverLabel is a small heading on the cover, kept with what follows.
func (l *layout) coverLabel(s string) {
	l.need(coverLabel.lead + 60)
	l.text(marginX, l.y, coverLabel, s)
	l.y += coverLabel.lead + 4
}

// parties draws the parties two to a row, each as role, name and details.
func (l *layout) parties(ps []CoverParty) {
	const gap = 24.0
	colW := (contentW - gap) / 2
	type cell struct{ role, name, details []string }
	wrapParty := func(p CoverParty) (cell, float64) {
		c := cell{
			role:    l.wrap(roleStyle, colW, p.Role),
			name:    l.wrap(partyName, colW, p.Name),
			details: l.wrap(partyDetails, colW, p.Details),
		}
		h := float64(len(c.role))*roleStyle.lead + float64(len(c.name))*partyName.lead +
			float64(len(c.details))*partyDetails.lead
		return c, h
	}
	for i := 0; i < len(ps); i += 2 {
		row := ps[i:min(i+2, len(ps))]
		cells := make([]cell, len(row))
		h := 0.0
		for j, p := range row {
			c, ch := wrapParty(p)
			cells[j], h = c, max(h, ch)
		}
		if h > contentBottom-contentTop {
			// Too tall to keep side by side: let each party flow.
			for _, p := range row {
				l.flow(marginX, contentW, roleStyle, p.Role)
				l.flow(marginX, contentW, partyName, p.Name)
				l.flow(marginX, contentW, partyDetails, p.Details)
				l.y += 10
			}
			continue
		}
		l.need(h)
		for j, c := range cells {
			x := marginX + float64(j)*(colW+gap)
			y := l.y
			for _, part := range []struct {
				st    textStyle
				lines []string
			}{{roleStyle, c.role}, {partyName, c.name}, {partyDetails, c.details}} {
				for _, ln := range part.lines {
					l.text(x, y, part.st, ln)
					y += part.st.lead
				}
			}
		}
		l.y += h + 12
	}
}
