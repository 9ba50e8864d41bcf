package render

import (
	"bytes"
	"testing"
)

// FuzzPDF feeds arbitrary text into every kind of block: rendering must
// neither panic nor fail, whatever a user pastes into a field.
func FuzzPDF(f *testing.F) {
	for _, s := range []string{
		"", " ", "\n", "\n\n\n", "plain words", "\x00\x01\t\r\n\x7f\u0085",
		"☃😀\uFFFD\xff\xfe", "a-b-c--d- -e", "   leading and trailing   ",
		string(make([]byte, 300)), "Ünïcödé ßtraße ſ ﬁ", "(parens) \\ backslash <<>> %comment",
		"\u200b\u2028\ufeff\u202e", "verylongwordwithoutanyspacesatallthatmustbesplitbycharactersacrosslines",
	} {
		f.Add(s)
	}
	r, err := NewRenderer()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := fixture()
		doc.Title = s
		sec := &doc.Sections[0]
		sec.Heading = s
		sec.Blocks = append(sec.Blocks, para(s), clause(s, s), subhead(s),
			Block{Kind: TableBlock, Table: &Table{Columns: []string{s, "B"}, Widths: []float64{-1}, Rows: [][]string{{s, s, s}, {}}}})
		doc.Checklist.Groups[0].Elements[0].Status = s
		doc.Signing.Signatories[1].Name = s
		pdf, _, err := r.PDF(doc)
		if err != nil {
			t.Fatalf("PDF(%q): %v", s, err)
		}
		if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Fatalf("output does not start with %%PDF-")
		}
	})
}
