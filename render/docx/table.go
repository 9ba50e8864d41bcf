package docx

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"pactwright/render"
	"pactwright/render/align"
)

// tableSpec is a table to write: the header row repeats on every page.
type tableSpec struct {
	style     string // table style; "" has no borders
	cell      string // paragraph style of the cells
	header    []string
	weights   []float64
	rows      [][]string
	boldFirst bool // the first column is a label (the cover's key terms)
	indent    bool // start at the clause text, as the PDF does
	// kinds, when set, marks each row (header first) inserted or deleted;
	// cells, each cell's old and new text where they differ.
	kinds []render.RunKind
	cells map[[2]int][2]string
}

// tableBlock writes a section's table; a redline's table carries both
// versions, and its changes become tracked changes.
func (b *body) tableBlock(bl render.Block, whole render.RunKind) {
	v := bl.Versions
	if v == nil && bl.Table != nil && whole != render.Same {
		v = &render.TableVersions{New: bl.Table}
		if whole == render.Deleted {
			v = &render.TableVersions{Old: bl.Table}
		}
	}
	if v == nil {
		if bl.Table != nil {
			b.table(tableSpec{style: "Grid", cell: "TableText", header: bl.Table.Columns, weights: bl.Table.Widths, rows: bl.Table.Rows, indent: true})
		}
		return
	}
	if v.Old != nil && v.New != nil && !sameColumns(v.Old.Columns, v.New.Columns) {
		// Other columns: the old table deleted and the new one inserted,
		// kept apart by a paragraph that only the newer version has
		// (Word merges two tables that touch).
		b.table(compared(v.Old, nil))
		b.openP(pPr{style: "BodyText", mark: render.Inserted})
		b.closeP()
		b.table(compared(nil, v.New))
		return
	}
	b.table(compared(v.Old, v.New))
}

func sameColumns(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// compared lines up the rows of two versions of a table by their first
// cell: rows in both show each changed cell as old text deleted and new
// text inserted, rows in one only are inserted or deleted whole.
func compared(old, new *render.Table) tableSpec {
	shape := new
	if shape == nil {
		shape = old
	}
	spec := tableSpec{style: "Grid", cell: "TableText", header: shape.Columns, weights: shape.Widths, indent: true, cells: map[[2]int][2]string{}}
	whole := render.Same
	switch {
	case old == nil:
		whole, old = render.Inserted, &render.Table{}
	case new == nil:
		whole, new = render.Deleted, &render.Table{}
	}
	spec.kinds = append(spec.kinds, whole)
	for _, st := range align.Keys(firstCells(old.Rows), firstCells(new.Rows)) {
		switch {
		case st.Kept():
			o, n := old.Rows[st.Old], new.Rows[st.New]
			r := len(spec.rows)
			for c := range n {
				oc := ""
				if c < len(o) {
					oc = o[c]
				}
				if oc != n[c] {
					spec.cells[[2]int{r, c}] = [2]string{oc, n[c]}
				}
			}
			spec.rows = append(spec.rows, n)
			spec.kinds = append(spec.kinds, render.Same)
		case st.New >= 0:
			spec.rows = append(spec.rows, new.Rows[st.New])
			spec.kinds = append(spec.kinds, render.Inserted)
		default:
			spec.rows = append(spec.rows, old.Rows[st.Old])
			spec.kinds = append(spec.kinds, render.Deleted)
		}
	}
	return spec
}

func firstCells(rows [][]string) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		if len(r) > 0 {
			out[i] = r[0]
		}
	}
	return out
}

// table writes t as a Word table of fixed column widths shared out by
// weight, the header row repeated on every page it spans.
func (b *body) table(t tableSpec) {
	cols := len(t.header)
	for _, r := range t.rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return
	}
	width := contentTw
	indent := 0
	if t.indent {
		indent, _ = strconv.Atoi(gutter)
		width -= indent
	}
	widths := fitWords(shares(t.weights, cols, width), t)
	b.WriteString(`<w:tbl><w:tblPr>`)
	if t.style != "" {
		b.WriteString(`<w:tblStyle w:val="` + t.style + `"/>`)
	}
	b.WriteString(`<w:tblW w:w="` + strconv.Itoa(width) + `" w:type="dxa"/><w:tblInd w:w="` + strconv.Itoa(indent) + `" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(w) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	kind := func(i int) render.RunKind {
		if i < len(t.kinds) {
			return t.kinds[i]
		}
		return render.Same
	}
	if len(t.header) > 0 {
		b.row(t, widths, -1, t.header, kind(0))
	}
	for i, r := range t.rows {
		b.row(t, widths, i, r, kind(i+1))
	}
	b.WriteString(`</w:tbl>`)
}

// row writes one table row; r is -1 for the header.
func (b *body) row(t tableSpec, widths []int, r int, cells []string, kind render.RunKind) {
	b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
	if r < 0 {
		b.WriteString(`<w:tblHeader/>`)
	}
	if kind != render.Same {
		b.revision(kind, true)
	}
	b.WriteString(`</w:trPr>`)
	for c, w := range widths {
		text := ""
		if c < len(cells) {
			text = cells[c]
		}
		b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(w) + `" w:type="dxa"/>`)
		if r < 0 {
			b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="E9ECF0"/>`)
		}
		b.WriteString(`</w:tcPr>`)
		style, rpr := t.cell, ""
		switch {
		case r < 0:
			style = "TableHeader"
		case c == 0 && t.boldFirst:
			rpr = `<w:b/>`
		}
		b.openP(pPr{style: style, mark: kind})
		if pair, ok := t.cells[[2]int{r, c}]; ok {
			b.trackedRun(pair[0], rpr, render.Deleted)
			b.trackedRun(pair[1], rpr, render.Inserted)
		} else {
			b.trackedRun(text, rpr, kind)
		}
		b.closeP()
		b.WriteString(`</w:tc>`)
	}
	b.WriteString(`</w:tr>`)
}

// Widths of table text in twips, generous for Arial at 9 pt and for the
// wider DejaVu Sans that LibreOffice uses where Arial is not installed, so
// that a column is never narrower than its longest word: Word and
// LibreOffice break a word that does not fit a fixed-width column.
const (
	charTw    = 130
	cellPadTw = 230 // both cell margins and a little air
)

// fitWords widens columns too narrow for their longest word, taking the
// room from the columns with the most to spare.
func fitWords(widths []int, t tableSpec) []int {
	need := make([]int, len(widths))
	measure := func(c int, s string) {
		for _, w := range strings.Fields(s) {
			need[c] = max(need[c], utf8.RuneCountInString(w)*charTw+cellPadTw)
		}
	}
	for c, h := range t.header {
		measure(c, h)
	}
	for _, r := range t.rows {
		for c, cell := range r {
			if c < len(need) {
				measure(c, cell)
			}
		}
	}
	for c := range widths {
		for widths[c] < need[c] {
			// Take from the column with the most room above its need.
			donor, spare := -1, 0
			for d := range widths {
				if s := widths[d] - need[d]; d != c && s > spare {
					donor, spare = d, s
				}
			}
			if donor < 0 {
				break
			}
			give := min(spare, need[c]-widths[c])
			widths[donor] -= give
			widths[c] += give
		}
	}
	return widths
}

// shares splits total twips between cols columns by weight; missing or
// unusable weights count as equal shares.
func shares(weights []float64, cols, total int) []int {
	sum := 0.0
	ws := make([]float64, cols)
	for i := range ws {
		ws[i] = 1
		if i < len(weights) && weights[i] > 0 {
			ws[i] = weights[i]
		}
		sum += ws[i]
	}
	out := make([]int, cols)
	left := total
	for i := range out {
		if i == cols-1 {
			out[i] = left
			break
		}
		out[i] = int(float64(total) * ws[i] / sum)
		left -= out[i]
	}
	return out
}
