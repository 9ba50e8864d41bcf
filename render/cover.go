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

// Parties sit two to a row on the cover.
const (
	partyGap  = 24.0
	partyColW = (contentW - partyGap) / 2
)

// draftNotice is printed on the cover of a document with missing answers.
const draftNotice = "DRAFT — not ready for signature"

// cover draws the first page: title, document ID, draft notice, parties,
// and the key terms with the note on what they are worth. It flows onto
// more pages if the key terms are long.
func (l *layout) cover(doc *Document) {
	l.newPage()
	l.y += 14
	l.titleBlock(doc, 10, 16)
	if doc.ID != "" {
		l.flow(marginX, contentW, smallStyle, "Document ID: "+doc.ID)
		l.y += 10
	}

	if doc.Draft {
		h := draftStyle.lead + 12
		l.need(h)
		l.fill(marginX, l.y, contentW, h, rgb{0xfb, 0xee, 0xee})
		l.box(marginX, l.y, contentW, h, 1, warnRed)
		l.text(marginX+10, l.y+6, draftStyle, draftNotice)
		l.y += h + 18
	}

	if len(doc.Cover.Parties) > 0 {
		rows := l.partyRows(doc.Cover.Parties)
		l.coverLabel("Parties", rows[0].keepHeight())
		l.parties(rows)
		l.y += 10
	}

	if len(doc.Cover.KeyTerms) > 0 {
		l.coverLabel("Key terms", 60)
		// The note says what the summary is worth, so it comes before
		// the table rather than after it, where a long summary would push
		// it alone onto the next page.
		if doc.Cover.Note != "" {
			l.flow(marginX, contentW, noteStyle, doc.Cover.Note)
			l.y += 6
		}
		rows := make([][]string, len(doc.Cover.KeyTerms))
		for i, k := range doc.Cover.KeyTerms {
			rows[i] = []string{k.Label, k.Value}
		}
		l.table(tableSpec{x: marginX, width: contentW, weights: []float64{25, 75}, rows: rows, keyCol: true})
		l.y += 14
	}

	if doc.Cover.Note != "" && len(doc.Cover.KeyTerms) == 0 {
		l.flow(marginX, contentW, noteStyle, doc.Cover.Note)
	}
}

// coverLabel is a small heading on the cover, kept on one page with the
// first keep points of what follows it.
func (l *layout) coverLabel(s string, keep float64) {
	l.need(coverLabel.lead + 4 + keep)
	l.text(marginX, l.y, coverLabel, s)
	l.y += coverLabel.lead + 4
}

// partyCell is one party wrapped to its column: role, name and details.
type partyCell struct{ role, name, details []string }

// partyRow is up to two parties side by side, h points tall.
type partyRow struct {
	parties []CoverParty
	cells   []partyCell
	h       float64
}

// flows reports whether the row is too tall to keep side by side on one
// page, so that each party flows across pages instead.
func (r partyRow) flows() bool { return r.h > contentBottom-contentTop }

// keepHeight is how much of the row must share a page with the heading
// above it: all of it, or the role and first name line of a row that flows.
func (r partyRow) keepHeight() float64 {
	if r.flows() {
		return roleStyle.lead + partyName.lead
	}
	return r.h
}

// partyRows wraps the parties two to a row.
func (l *layout) partyRows(ps []CoverParty) []partyRow {
	var rows []partyRow
	for i := 0; i < len(ps); i += 2 {
		r := partyRow{parties: ps[i:min(i+2, len(ps))]}
		for _, p := range r.parties {
			c := partyCell{
				role:    l.wrap(roleStyle, partyColW, p.Role),
				name:    l.wrap(partyName, partyColW, p.Name),
				details: l.wrap(partyDetails, partyColW, p.Details),
			}
			h := float64(len(c.role))*roleStyle.lead + float64(len(c.name))*partyName.lead +
				float64(len(c.details))*partyDetails.lead
			r.cells, r.h = append(r.cells, c), max(r.h, h)
		}
		rows = append(rows, r)
	}
	return rows
}

// parties draws the rows of parties, each party as role, name and details.
func (l *layout) parties(rows []partyRow) {
	for _, r := range rows {
		if r.flows() {
			for _, p := range r.parties {
				l.flow(marginX, contentW, roleStyle, p.Role)
				l.flow(marginX, contentW, partyName, p.Name)
				l.flow(marginX, contentW, partyDetails, p.Details)
				l.y += 10
			}
			continue
		}
		l.need(r.h)
		for j, c := range r.cells {
			x := marginX + float64(j)*(partyColW+partyGap)
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
		l.y += r.h + 12
	}
}
