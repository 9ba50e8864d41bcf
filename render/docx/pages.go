package docx

import (
	"strconv"
	"strings"

	"pactwright/render"
)

// Check boxes for the checklist: Word and LibreOffice draw them from a
// symbol font when the body font lacks them.
const (
	boxDone = "☒"
	boxOpen = "☐"
	symbols = `<w:rFonts w:ascii="Segoe UI Symbol" w:hAnsi="Segoe UI Symbol"/>`
)

// checklist writes the clause checklist: per clause group, each element
// with a box, its status, and a line for both parties to initial.
func (b *body) checklist(c render.Checklist) {
	b.para(pPr{style: "PageHeading"}, "Clause checklist")
	b.paragraphs("Normal", c.Intro)
	for _, g := range c.Groups {
		b.para(pPr{style: "ChecklistGroup"}, g.Name)
		b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="` + content + `" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="0000"/></w:tblPr>`)
		widths := []int{400, 5000, contentTw - 5400}
		b.WriteString(`<w:tblGrid><w:gridCol w:w="400"/><w:gridCol w:w="5000"/><w:gridCol w:w="4238"/></w:tblGrid>`)
		for _, e := range g.Elements {
			box, colour := boxOpen, `<w:b/><w:color w:val="A31F1F"/>`
			if e.Done {
				box, colour = boxDone, `<w:color w:val="1E6B3A"/>`
			}
			b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
			for i, cell := range []struct{ text, rpr string }{{box, symbols}, {e.Name, ""}, {e.Status, colour}} {
				b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + itoa(widths[i]) + `" w:type="dxa"/></w:tcPr>`)
				b.openP(pPr{style: "ChecklistItem", keepNext: true})
				b.run(cell.text, cell.rpr, render.Same)
				b.closeP()
				b.WriteString(`</w:tc>`)
			}
			b.WriteString(`</w:tr>`)
		}
		b.WriteString(`</w:tbl>`)
		b.para(pPr{style: "Initials"}, "Customer initials: ____________      Provider initials: ____________")
	}
}

// signing writes the signature page: the intro, then per signatory the
// party, the role and lines for signature, name, title and date, kept
// together on one page.
func (b *body) signing(s render.Signing) {
	b.para(pPr{style: "PageHeading"}, "Signatures")
	b.paragraphs("Normal", s.Intro)
	const line = "______________________________"
	for _, sg := range s.Signatories {
		b.para(pPr{style: "SignatureParty"}, sg.Party)
		b.para(pPr{style: "Small", keepNext: true}, sg.Role)
		for _, row := range [][2]string{{"Signature:", ""}, {"Name:", sg.Name}, {"Title:", sg.Title}, {"Date:", ""}} {
			value := row[1]
			if value == "" {
				value = line
			}
			b.para(pPr{style: "SignatureLine", keepNext: row[0] != "Date:"}, row[0]+"\t"+value)
		}
	}
}

// paragraphs writes text split at blank lines, one Word paragraph each.
func (b *body) paragraphs(style, text string) {
	for _, para := range strings.Split(text, "\n\n") {
		if para = strings.TrimSpace(para); para != "" {
			b.para(pPr{style: style}, para)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
