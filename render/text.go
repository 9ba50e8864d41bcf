package render

import (
	"strings"
)

// PlainText renders doc as readable plain text with the same content as
// the PDF: cover and key terms, numbered clauses, tables as rows, the
// checklist and the signature blocks. The app's live preview uses it, so
// it keeps every character (no font limits apply) and leaves line wrapping
// to the widget showing it. Control characters are dropped as in the PDF.
func PlainText(doc Document) string {
	d := mapText(doc, stripControls)
	var b textWriter

	b.line(d.Title)
	b.line(d.Subtitle)
	if d.Draft {
		b.blank()
		b.line("*** " + draftMark + " ***")
	}
	if len(d.Cover.Parties) > 0 {
		b.heading("Parties")
		for _, p := range d.Cover.Parties {
			b.line(joinNonEmpty(": ", p.Role, p.Name))
			b.indented("  ", p.Details)
		}
	}
	if len(d.Cover.KeyTerms) > 0 {
		b.heading("Key terms")
		for _, k := range d.Cover.KeyTerms {
			b.indented("  ", joinNonEmpty(": ", k.Label, k.Value))
		}
	}
	if d.Cover.Note != "" {
		b.blank()
		b.line(d.Cover.Note)
	}
	if d.ID != "" {
		b.blank()
		b.line("Document ID: " + d.ID)
	}

	for _, s := range d.Sections {
		b.blank()
		b.blank()
		b.line(headingText(s.Number, s.Heading))
		for _, bl := range s.Blocks {
			b.block(bl)
		}
	}

	b.blank()
	b.blank()
	b.line("Clause checklist")
	if d.Checklist.Intro != "" {
		b.blank()
		b.line(d.Checklist.Intro)
	}
	for _, g := range d.Checklist.Groups {
		b.heading(g.Name)
		for _, e := range g.Elements {
			mark := "[ ]"
			if e.Done {
				mark = "[x]"
			}
			b.indented("      ", joinNonEmpty(" — ", mark+" "+e.Name, e.Status))
		}
		b.line("  Customer initials: ________   Provider initials: ________")
	}

	b.blank()
	b.blank()
	b.line("Signatures")
	if d.Signing.Intro != "" {
		b.blank()
		b.line(d.Signing.Intro)
	}
	for _, s := range d.Signing.Signatories {
		b.blank()
		b.line(s.Party)
		b.line(s.Role)
		b.line("Signature: ______________________________")
		b.line("Name:      " + orBlank(s.Name))
		b.line("Title:     " + orBlank(s.Title))
		b.line("Date:      ______________________________")
	}
	return b.String()
}

// textWriter builds plain text line by line, avoiding runs of blank lines.
type textWriter struct {
	strings.Builder
	blanks int
}

// line writes s (which may hold several lines); empty s writes nothing.
func (w *textWriter) line(s string) {
	if s == "" {
		return
	}
	w.WriteString(s)
	w.WriteByte('\n')
	w.blanks = 0
}

// indented writes s with every line after the first indented by pad, so
// a continuation lines up under its first line.
func (w *textWriter) indented(pad, s string) {
	w.line(strings.ReplaceAll(s, "\n", "\n"+pad))
}

// blank writes an empty line, at most two in a row and none at the start.
func (w *textWriter) blank() {
	if w.Len() == 0 || w.blanks >= 2 {
		return
	}
	w.WriteByte('\n')
	w.blanks++
}

func (w *textWriter) heading(s string) {
	w.blank()
	w.line(s)
}

func (w *textWriter) block(b Block) {
	switch b.Kind {
	case Clause:
		w.blank()
		pad := strings.Repeat(" ", len([]rune(b.Number))+2)
		w.indented(pad, joinNonEmpty("  ", b.Number, b.Text))
	case Subheading:
		w.heading(b.Text)
	case TableBlock:
		if b.Table == nil {
			return
		}
		w.blank()
		if len(b.Table.Columns) > 0 {
			w.line(tableRowText(b.Table.Columns))
			w.line(strings.Repeat("-", min(72, len([]rune(tableRowText(b.Table.Columns))))))
		}
		for _, r := range b.Table.Rows {
			w.line(tableRowText(r))
		}
	default:
		w.blank()
		w.line(b.Text)
	}
}

// tableRowText puts a row's cells on one line, "|"-separated.
func tableRowText(cells []string) string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = strings.Join(strings.Fields(c), " ")
	}
	return strings.Join(out, " | ")
}

func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}

func orBlank(s string) string {
	if s == "" {
		return "______________________________"
	}
	return s
}
