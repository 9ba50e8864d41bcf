package docx

import (
	"regexp"
	"strconv"
	"strings"

	"pactwright/render"
)

// body builds word/document.xml.
type body struct {
	strings.Builder
	opt  Options
	date string // tracked changes' date, ISO 8601

	bookmarks int // next bookmark id
	revisions int // next tracked change id
	used      map[string]bool
	marks     []Mark

	// tracked is set for a redline: its numbers are left to Word, which
	// numbers a deleted clause while it is shown and drops it once the
	// deletion is accepted.
	tracked bool
	// Word's list counters as the paragraphs written so far leave them:
	// a Document number is left to Word only when Word would print the
	// same number there.
	group, clause, schedule int
	// conspicuous is set while a block the law wants conspicuous is
	// written (render.Block.Conspicuous): its prose is bold, as in the PDF.
	conspicuous bool
}

func newBody(opt Options) *body {
	return &body{opt: opt, date: opt.Now.Format("2006-01-02T15:04:05Z"), used: map[string]bool{}}
}

// document writes the whole body: the cover (or a letter's heading), the
// sections, the checklist and the signature page, then the page setup.
func (b *body) document(doc render.Document) {
	b.tracked = hasRuns(doc)
	b.WriteString(xmlPI + `<w:document ` + nsW + ` ` + nsR + `><w:body>`)
	if doc.Letter {
		b.titleBlock(doc)
	} else {
		b.cover(doc)
	}
	for i, s := range doc.Sections {
		b.section(s, i == 0 && !doc.Letter)
	}
	if !doc.Letter {
		if len(doc.Checklist.Groups) > 0 {
			b.checklist(doc.Checklist)
		}
		if len(doc.Signing.Signatories) > 0 || doc.Signing.Intro != "" {
			b.signing(doc.Signing)
		}
	}
	b.WriteString(`<w:sectPr><w:headerReference w:type="default" r:id="rId4"/><w:footerReference w:type="default" r:id="rId5"/>` +
		`<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1134" w:bottom="1440" w:left="1134" w:header="709" w:footer="567" w:gutter="0"/>` +
		`<w:cols w:space="708"/></w:sectPr></w:body></w:document>`)
}

func hasRuns(doc render.Document) bool {
	for _, s := range doc.Sections {
		if s.Change != render.Same {
			return true
		}
		for _, bl := range s.Blocks {
			if len(bl.Runs) > 0 || bl.Versions != nil {
				return true
			}
		}
	}
	return false
}

// pPr is a paragraph's properties, written in the order the schema fixes.
type pPr struct {
	style     string
	keepNext  bool
	pageBreak bool
	noNumber  bool // take the paragraph out of its style's list
	jc        string
	mark      render.RunKind // the paragraph mark itself inserted or deleted
}

func (b *body) openP(p pPr) {
	b.WriteString(`<w:p><w:pPr>`)
	if p.style != "" {
		b.WriteString(`<w:pStyle w:val="` + p.style + `"/>`)
	}
	if p.keepNext {
		b.WriteString(`<w:keepNext/>`)
	}
	if p.pageBreak {
		b.WriteString(`<w:pageBreakBefore/>`)
	}
	if p.noNumber {
		b.WriteString(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>`)
	}
	if p.jc != "" {
		b.WriteString(`<w:jc w:val="` + p.jc + `"/>`)
	}
	if p.mark != render.Same {
		b.WriteString(`<w:rPr>`)
		b.revision(p.mark, true)
		b.WriteString(`</w:rPr>`)
	}
	b.WriteString(`</w:pPr>`)
}

func (b *body) closeP() { b.WriteString(`</w:p>`) }

// para writes a paragraph of one plain run.
func (b *body) para(p pPr, text string) {
	b.openP(p)
	b.run(text, "", render.Same)
	b.closeP()
}

// run writes text as one run with the run properties rpr; line breaks
// become Word line breaks and tabs Word tabs. A deleted run's text is
// delText, as Word requires.
func (b *body) run(text, rpr string, kind render.RunKind) {
	if text == "" {
		return
	}
	tag := "w:t"
	if kind == render.Deleted {
		tag = "w:delText"
	}
	b.WriteString(`<w:r>`)
	if rpr != "" {
		b.WriteString(`<w:rPr>` + rpr + `</w:rPr>`)
	}
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString(`<w:br/>`)
		}
		for j, part := range strings.Split(line, "\t") {
			if j > 0 {
				b.WriteString(`<w:tab/>`)
			}
			if part != "" {
				b.WriteString(`<` + tag + ` xml:space="preserve">`)
				escape(&b.Builder, part)
				b.WriteString(`</` + tag + `>`)
			}
		}
	}
	b.WriteString(`</w:r>`)
}

// revision writes a w:ins or w:del: the opening tag of one around runs,
// or, for a paragraph mark or table row, the empty element.
func (b *body) revision(kind render.RunKind, empty bool) {
	tag := "w:ins"
	if kind == render.Deleted {
		tag = "w:del"
	}
	b.WriteString(`<` + tag + ` w:id="` + strconv.Itoa(b.revisions) + `" w:author="`)
	escape(&b.Builder, b.opt.Author)
	b.WriteString(`" w:date="` + b.date + `"`)
	if empty {
		b.WriteString(`/>`)
	} else {
		b.WriteString(`>`)
	}
	b.revisions++
}

func closeRevision(kind render.RunKind) string {
	if kind == render.Deleted {
		return `</w:del>`
	}
	return `</w:ins>`
}

// tracked writes a run marked inserted or deleted (or plain, for Same).
func (b *body) trackedRun(text, rpr string, kind render.RunKind) {
	if kind == render.Same || text == "" {
		b.run(text, rpr, kind)
		return
	}
	b.revision(kind, false)
	b.run(text, rpr, kind)
	b.WriteString(closeRevision(kind))
}

// definedTerm finds a term where the wording defines it: `"Business Day"
// means …` at the start of a definition, or `(the "Customer")` after a
// name. Submatch 1 is the quoted term.
var definedTerm = regexp.MustCompile(`^("[^"\n]{1,80}") means|\((?:the )?("[^"\n]{1,80}")\)`)

// prose writes clause or paragraph text with defined terms in bold where
// they are defined.
func (b *body) prose(text string, kind render.RunKind) {
	plain := ""
	if b.conspicuous {
		plain = `<w:b/>`
	}
	for text != "" {
		loc := definedTerm.FindStringSubmatchIndex(text)
		if loc == nil {
			b.trackedRun(text, plain, kind)
			return
		}
		start, end := loc[2], loc[3]
		if start < 0 {
			start, end = loc[4], loc[5]
		}
		b.trackedRun(text[:start], plain, kind)
		b.trackedRun(text[start:end], `<w:rStyle w:val="DefinedTerm"/>`+plain, kind)
		text = text[end:]
	}
}

// bookmark opens a bookmark for a clause key and records it; the returned
// function closes it.
func (b *body) bookmark(key, number string) func() {
	if key == "" {
		return func() {}
	}
	name := bookmarkName(key, b.used)
	id := strconv.Itoa(b.bookmarks)
	b.bookmarks++
	b.marks = append(b.marks, Mark{Key: key, Number: number, Bookmark: name})
	b.WriteString(`<w:bookmarkStart w:id="` + id + `" w:name="` + name + `"/>`)
	return func() { b.WriteString(`<w:bookmarkEnd w:id="` + id + `"/>`) }
}

// titleBlock is the title and subtitle, ruled off underneath.
func (b *body) titleBlock(doc render.Document) {
	b.para(pPr{style: "Title"}, doc.Title)
	b.para(pPr{style: "Subtitle"}, doc.Subtitle)
}

// cover is the first page, in the PDF's order: title, document id, draft
// notice, parties, and the key terms after the note on what they are worth.
func (b *body) cover(doc render.Document) {
	b.titleBlock(doc)
	if doc.ID != "" {
		b.para(pPr{style: "Small"}, "Document ID: "+doc.ID)
	}
	if doc.Draft {
		b.para(pPr{style: "DraftNotice"}, "DRAFT — not ready for signature")
	}
	c := doc.Cover
	if len(c.Parties) > 0 {
		b.para(pPr{style: "CoverLabel"}, "Parties")
		b.parties(c.Parties)
	}
	if len(c.KeyTerms) > 0 {
		b.para(pPr{style: "CoverLabel"}, "Key terms")
	}
	if c.Note != "" {
		b.para(pPr{style: "CoverNote"}, c.Note)
	}
	if len(c.KeyTerms) > 0 {
		rows := make([][]string, len(c.KeyTerms))
		for i, k := range c.KeyTerms {
			rows[i] = []string{k.Label, k.Value}
		}
		b.table(tableSpec{style: "Grid", cell: "CoverTable", weights: []float64{25, 75}, rows: rows, boldFirst: true})
	}
}

// parties sets the parties two to a row, in a table without borders.
func (b *body) parties(ps []render.CoverParty) {
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="` + content + `" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="0000"/></w:tblPr>`)
	half := strconv.Itoa(contentTw / 2)
	b.WriteString(`<w:tblGrid><w:gridCol w:w="` + half + `"/><w:gridCol w:w="` + half + `"/></w:tblGrid>`)
	for i := 0; i < len(ps); i += 2 {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		for j := i; j < i+2; j++ {
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + half + `" w:type="dxa"/></w:tcPr>`)
			if j >= len(ps) {
				b.WriteString(`<w:p/></w:tc>`)
				continue
			}
			p := ps[j]
			b.openP(pPr{style: "Small"})
			b.run(p.Role, "", render.Same)
			b.closeP()
			b.openP(pPr{style: "Normal"})
			b.run(p.Name, `<w:b/><w:sz w:val="23"/>`, render.Same)
			b.closeP()
			b.para(pPr{style: "Normal"}, p.Details)
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
}

// section writes a clause group or schedule: its heading, then its blocks.
func (b *body) section(s render.Section, first bool) {
	end := b.bookmark(s.Key, s.Number)
	b.heading(s, first)
	for _, bl := range s.Blocks {
		b.block(bl, s.Change)
	}
	end()
}

// heading writes a section heading, numbered by Word when Word would
// print the section's own number, else with the number as text.
func (b *body) heading(s render.Section, first bool) {
	p := pPr{style: "Heading1", pageBreak: first, mark: s.Change}
	n, err := strconv.Atoi(s.Number)
	switch {
	case err == nil && (b.tracked || n == b.group+1):
		b.group, b.clause = n, 0
	case strings.HasPrefix(s.Number, "Schedule ") && (b.tracked || s.Number == "Schedule "+strconv.Itoa(b.schedule+1)):
		b.schedule++
		p.style = "ScheduleHeading"
	default:
		p.noNumber = true
		p.pageBreak = first || s.NewPage
		b.openP(p)
		b.trackedRun(headingText(s.Number, s.Heading), "", s.Change)
		b.closeP()
		return
	}
	if s.NewPage {
		p.pageBreak = true
	}
	b.openP(p)
	b.trackedRun(s.Heading, "", s.Change)
	b.closeP()
}

// headingText is "3  Service Levels", as the PDF prints an unnumbered one.
func headingText(number, heading string) string {
	switch {
	case number == "":
		return heading
	case heading == "":
		return number
	}
	return number + "\t" + heading
}

// block writes one block of a section; whole is how the section changed
// in a redline (a whole inserted or deleted section).
func (b *body) block(bl render.Block, whole render.RunKind) {
	b.conspicuous = bl.Conspicuous
	defer func() { b.conspicuous = false }()
	switch bl.Kind {
	case render.Clause:
		b.clauseBlock(bl)
	case render.Subheading:
		b.openP(pPr{style: "Heading2", mark: runsMark(bl, whole)})
		b.textOrRuns(bl, whole, false)
		b.closeP()
	case render.TableBlock:
		b.tableBlock(bl, whole)
	default:
		if len(bl.Runs) > 0 {
			b.openP(pPr{style: "BodyText", mark: runsMark(bl, whole)})
			b.textOrRuns(bl, whole, true)
			b.closeP()
			return
		}
		for _, para := range strings.Split(bl.Text, "\n\n") {
			b.openP(pPr{style: "BodyText", mark: whole})
			b.prose(para, whole)
			b.closeP()
		}
	}
}

// clauseBlock writes a numbered clause inside a bookmark named for its key.
func (b *body) clauseBlock(bl render.Block) {
	p := pPr{style: "Clause", mark: runsMark(bl, render.Same)}
	auto := b.tracked || bl.Number == strconv.Itoa(b.group)+"."+strconv.Itoa(b.clause+1)
	if auto {
		b.clause++
	} else {
		p.noNumber = true
	}
	b.openP(p)
	end := b.bookmark(bl.Key, bl.Number)
	if !auto && bl.Number != "" {
		b.run(bl.Number+"\t", `<w:b/>`, render.Same)
	}
	b.textOrRuns(bl, render.Same, true)
	end()
	b.closeP()
}

// textOrRuns writes a block's redline runs, or its text (as prose with
// defined terms when prose is set).
func (b *body) textOrRuns(bl render.Block, whole render.RunKind, prose bool) {
	if len(bl.Runs) == 0 {
		if prose {
			b.prose(bl.Text, whole)
		} else {
			b.trackedRun(bl.Text, "", whole)
		}
		return
	}
	for _, r := range bl.Runs {
		b.prose(r.Text, r.Kind)
	}
}

// runsMark says whether a paragraph's mark is itself inserted or deleted:
// when all of it is, so that accepting or rejecting removes the paragraph
// and not just its words.
func runsMark(bl render.Block, whole render.RunKind) render.RunKind {
	if whole != render.Same || len(bl.Runs) == 0 {
		return whole
	}
	kind := bl.Runs[0].Kind
	for _, r := range bl.Runs[1:] {
		if r.Kind != kind {
			return render.Same
		}
	}
	return kind
}
