package docx

import (
	"fmt"
	"hash/fnv"
	"strings"

	"pactwright/render"
)

const appProps = xmlPI + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Pactwright</Application></Properties>`

// coreProps is what file managers and Word's Info pane show.
func coreProps(doc render.Document, opt Options) string {
	var b strings.Builder
	now := opt.Now.Format("2006-01-02T15:04:05Z")
	b.WriteString(xmlPI + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	b.WriteString(`<dc:title>`)
	escape(&b, oneLine(doc.Title))
	b.WriteString(`</dc:title><dc:subject>`)
	escape(&b, oneLine(doc.Subtitle))
	b.WriteString(`</dc:subject><dc:creator>`)
	escape(&b, oneLine(opt.Author))
	b.WriteString(`</dc:creator><cp:keywords>`)
	escape(&b, doc.ID)
	b.WriteString(`</cp:keywords><dcterms:created xsi:type="dcterms:W3CDTF">` + now + `</dcterms:created>`)
	b.WriteString(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + now + `</dcterms:modified></cp:coreProperties>`)
	return b.String()
}

// DraftMark is the header of every page of a draft, as the PDF prints it.
const DraftMark = "DRAFT – NOT FOR SIGNATURE"

// header says DRAFT on every page of a draft; other documents have an
// empty header, so the page layout is the same either way.
func header(doc render.Document) string {
	text := ""
	if doc.Draft {
		text = `<w:r><w:t>` + DraftMark + `</w:t></w:r>`
	}
	return xmlPI + `<w:hdr ` + nsW + ` ` + nsR + `><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>` + text + `</w:p></w:hdr>`
}

// footer repeats the title and document id, "Page X of Y" as Word fields,
// and a place to initial each printed page.
func footer(doc render.Document) string {
	var b strings.Builder
	b.WriteString(xmlPI + `<w:ftr ` + nsW + ` ` + nsR + `><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:t xml:space="preserve">`)
	line := oneLine(doc.Title)
	if doc.ID != "" {
		if line != "" {
			line += "   ·   "
		}
		line += "Doc ID " + doc.ID
	}
	escape(&b, line)
	b.WriteString(`</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">Page </w:t></w:r>`)
	field(&b, "PAGE", "1")
	b.WriteString(`<w:r><w:t xml:space="preserve"> of </w:t></w:r>`)
	field(&b, "NUMPAGES", "1")
	b.WriteString(`</w:p><w:p><w:pPr><w:pStyle w:val="Footer"/><w:pBdr/><w:jc w:val="right"/></w:pPr><w:r><w:t xml:space="preserve">Initials: ____________</w:t></w:r></w:p></w:ftr>`)
	return b.String()
}

// field writes a complex field (PAGE, NUMPAGES) with a placeholder result
// that Word and LibreOffice replace when they lay the page out.
func field(b *strings.Builder, instr, placeholder string) {
	b.WriteString(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ` + instr + ` </w:instrText></w:r>`)
	b.WriteString(`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>` + placeholder + `</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`)
}

// Mark ties a clause key to the bookmark around its clause.
type Mark struct {
	Key      string
	Number   string
	Bookmark string
}

// customPart is the data store item carrying the document's attachments
// (the draft JSON and its origin) and the clause bookmarks, so that a file
// the other side returns can be read back into the draft it came from.
func customPart(doc render.Document, marks []Mark) (string, error) {
	var b strings.Builder
	b.WriteString(xmlPI + `<pactwright xmlns="` + CustomNamespace + `" document-id="`)
	escape(&b, doc.ID)
	b.WriteString(`">`)
	for _, a := range doc.Attachments {
		if !validXMLText(a.Data) {
			return "", fmt.Errorf("embed %s in the Word file: it is not UTF-8 text", a.Name)
		}
		b.WriteString(`<file name="`)
		escape(&b, a.Name)
		b.WriteString(`" mime="`)
		escape(&b, a.MIME)
		b.WriteString(`">`)
		escape(&b, string(a.Data))
		b.WriteString(`</file>`)
	}
	for _, m := range marks {
		b.WriteString(`<clause key="`)
		escape(&b, m.Key)
		b.WriteString(`" number="`)
		escape(&b, m.Number)
		b.WriteString(`" bookmark="`)
		escape(&b, m.Bookmark)
		b.WriteString(`"/>`)
	}
	b.WriteString(`</pactwright>`)
	return b.String(), nil
}

// bookmarkName makes a Word bookmark name from a clause key: letters,
// digits and underscores, at most 40 characters, unique in the document.
// A key too long, or one that collides once its dots become underscores,
// is shortened and given a hash of the whole key.
func bookmarkName(key string, used map[string]bool) string {
	var b strings.Builder
	b.WriteString("pw_")
	for _, r := range key {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	name := b.String()
	if len(name) > 40 || used[name] {
		h := fnv.New32a()
		h.Write([]byte(key))
		name = fmt.Sprintf("%s_%08x", name[:min(len(name), 31)], h.Sum32())
	}
	for i := 2; used[name]; i++ {
		name = fmt.Sprintf("%s%d", name[:min(len(name), 38)], i)
	}
	used[name] = true
	return name
}

// escape writes s as XML text, dropping the characters XML 1.0 cannot
// hold (control characters other than tab and line breaks).
func escape(b *strings.Builder, s string) {
	start := 0
	for i, r := range s {
		var rep string
		switch {
		case r == '<':
			rep = "&lt;"
		case r == '>':
			rep = "&gt;"
		case r == '&':
			rep = "&amp;"
		case r == '"':
			rep = "&quot;"
		case r == '\t' || r == '\n' || r == '\r':
			continue
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF:
			rep = ""
		default:
			continue
		}
		b.WriteString(s[start:i])
		b.WriteString(rep)
		start = i + len(string(r))
	}
	b.WriteString(s[start:])
}

// validXMLText reports whether data is UTF-8 that XML can carry.
func validXMLText(data []byte) bool {
	return strings.ToValidUTF8(string(data), "\uFFFD") == string(data)
}

// oneLine joins the lines of s for one-line slots such as the footer.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
