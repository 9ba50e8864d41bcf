package docxtest

import (
	"strings"
	"testing"

	"pactwright/render/docx"
)

// Views of tracked changes, as docx names them.
const (
	Markup    = docx.Markup
	AcceptAll = docx.AcceptAll
	RejectAll = docx.RejectAll
)

// Paragraph is one paragraph as a view reads it.
type Paragraph = docx.Paragraph

// Paragraphs reads the body of a Word file paragraph by paragraph, as
// Word shows it in view v (see docx.Body.View).
func Paragraphs(t testing.TB, file []byte, v docx.View) []Paragraph {
	t.Helper()
	b, err := docx.ReadBody(file)
	if err != nil {
		t.Fatal(err)
	}
	return b.View(v)
}

// Text joins paragraphs' text, one a line.
func Text(ps []Paragraph) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Text)
		b.WriteByte('\n')
	}
	return b.String()
}
