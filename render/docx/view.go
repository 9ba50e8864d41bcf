package docx

// View is how tracked changes are read: all of them shown (as a reader
// sees the markup), every one accepted, or every one rejected.
type View int

// Views of a document with tracked changes.
const (
	Markup View = iota
	AcceptAll
	RejectAll
)

// Paragraph is one paragraph as a view reads it.
type Paragraph struct {
	Style    string
	Text     string // tabs as "\t", line breaks as "\n"
	InTable  bool
	Bookmark string
}

// View reads the body as Word shows it in view v. Accepting drops deleted
// text and deleted table rows, and a paragraph whose mark was deleted
// joins the next one; rejecting does the same for insertions.
func (b Body) View(v View) []Paragraph {
	var out []Paragraph
	carry := ""
	for _, p := range b.Paras {
		text, gone, joins := p.Shown, false, false
		switch v {
		case AcceptAll:
			text, gone, joins = p.Accepted, p.RowDeleted, p.MarkDeleted
		case RejectAll:
			text, gone, joins = p.Rejected, p.RowInserted, p.MarkInserted
		}
		if gone {
			continue
		}
		text, carry = carry+text, ""
		if joins {
			carry = text
			continue
		}
		out = append(out, Paragraph{Style: p.Style, Text: text, InTable: p.InTable, Bookmark: p.Bookmark})
	}
	return out
}
