package render

import "math"

// tableSpec is a grid to draw in the flow.
type tableSpec struct {
	x, width float64
	header   []string  // nil: no header row
	weights  []float64 // relative column widths; missing or invalid entries count as 1
	rows     [][]string
	keyCol   bool // first column is a label: bold on a shaded background
}

const cellPad = 4.0

// columnWidths turns relative weights into widths that add up to total.
// Weights that are missing, negative, zero or not finite count as 1, and
// the rest are clamped so no column vanishes or overflows the arithmetic:
// a malformed table still draws every column.
func columnWidths(n int, weights []float64, total float64) []float64 {
	ws := make([]float64, n)
	sum := 0.0
	for i := range ws {
		w := 1.0
		if i < len(weights) && weights[i] > 0 && !math.IsInf(weights[i], 0) && !math.IsNaN(weights[i]) {
			w = min(max(weights[i], 1e-3), 1e6)
		}
		ws[i] = w
		sum += w
	}
	for i := range ws {
		ws[i] = total * ws[i] / sum
	}
	return ws
}

// tableRow is one row wrapped into its cells' lines.
type tableRow struct {
	cells [][]string
	lines int // line count of the tallest cell
}

// table draws t at the flow position. Rows that do not fit move to the
// next page as a whole; a row taller than a page is split between lines.
// The header row is repeated at the top of each page the table reaches,
// so a reader never meets an unlabelled column.
func (l *layout) table(t tableSpec) {
	ncol := len(t.header)
	for _, r := range t.rows {
		ncol = max(ncol, len(r))
	}
	if ncol == 0 {
		return
	}
	widths := columnWidths(ncol, t.weights, t.width)
	pad := cellPad
	for _, w := range widths {
		pad = min(pad, w/4)
	}

	wrapRow := func(cells []string, head bool) tableRow {
		tr := tableRow{cells: make([][]string, ncol), lines: 1}
		for c := range ncol {
			if c >= len(cells) {
				continue
			}
			st := l.cellStyle(t, head, c)
			tr.cells[c] = l.wrap(st, widths[c]-2*pad, cells[c])
			tr.lines = max(tr.lines, len(tr.cells[c]))
		}
		return tr
	}
	lead := cellStyle.lead
	rowHeight := func(lines int) float64 { return float64(lines)*lead + 2*pad }

	var head tableRow
	headH := 0.0
	if t.header != nil {
		head = wrapRow(t.header, true)
		headH = rowHeight(head.lines)
	}
	rows := make([]tableRow, 0, len(t.rows)+1)
	if headH > (contentBottom-contentTop)/4 {
		// A header this tall cannot repeat on every page: it flows once
		// like a row, so nothing in it is lost.
		rows = append(rows, head)
		t.header, headH = nil, 0
	}
	capacity := contentBottom - contentTop - headH
	drawHead := func() {
		if t.header != nil {
			l.tableChunk(t, widths, pad, head, 0, head.lines, true)
		}
	}

	for _, r := range t.rows {
		rows = append(rows, wrapRow(r, false))
	}
	first := 0.0
	if len(rows) > 0 {
		first = rowHeight(min(rows[0].lines, 3))
	}
	l.need(headH + first)
	drawHead()

	for _, row := range rows {
		for pos := 0; pos < row.lines && l.err == nil; {
			left := row.lines - pos
			avail := int((l.room() - 2*pad + 0.01) / lead)
			if left <= avail {
				l.tableChunk(t, widths, pad, row, pos, left, false)
				break
			}
			movable := pos == 0 && rowHeight(row.lines) <= capacity
			if (movable || avail < 2) && !l.freshTablePage(headH) {
				l.newPage()
				drawHead()
				continue
			}
			avail = max(avail, 1)
			l.tableChunk(t, widths, pad, row, pos, avail, false)
			pos += avail
			l.newPage()
			drawHead()
		}
	}
}

// freshTablePage reports whether only the repeated header is on this page,
// where breaking again would not gain any room.
func (l *layout) freshTablePage(headH float64) bool {
	return l.y <= contentTop+headH+0.5
}

// cellStyle is the text style of column c.
func (l *layout) cellStyle(t tableSpec, head bool, c int) textStyle {
	if head || (t.keyCol && c == 0) {
		return cellHeadStyle
	}
	return cellStyle
}

// tableChunk draws lines [from, from+n) of every cell of row as one band.
func (l *layout) tableChunk(t tableSpec, widths []float64, pad float64, row tableRow, from, n int, head bool) {
	h := float64(n)*cellStyle.lead + 2*pad
	x := t.x
	for c, w := range widths {
		if head || (t.keyCol && c == 0) {
			l.fill(x, l.y, w, h, shade)
		}
		st := l.cellStyle(t, head, c)
		lines := row.cells[c]
		for i := from; i < from+n && i < len(lines); i++ {
			l.text(x+pad, l.y+pad+float64(i-from)*cellStyle.lead, st, lines[i])
		}
		l.box(x, l.y, w, h, 0.5, rule)
		x += w
	}
	l.y += h
}
