package agreement

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pactwright/app/draft"
	"pactwright/app/template"
	"pactwright/app/variants"
	"pactwright/render"
	"pactwright/render/docx/docxtest"
)

// TestWordFileReadsLikeThePDF: the example, a blank draft and every draft
// of the variant matrix, exported as Word and converted by LibreOffice,
// say what our own PDF says, clause by clause; python-docx opens each one;
// a draft says DRAFT on every page.
func TestWordFileReadsLikeThePDF(t *testing.T) {
	docxtest.Need(t, "soffice", "pdftotext", docxtest.Python)
	tpl := template.CallCentre()
	eng, err := NewEngine(tpl)
	if err != nil {
		t.Fatal(err)
	}
	drafts := append([]draft.Draft{draft.Example(tpl), draft.New(tpl)}, variants.Matrix(tpl)...)
	dir := t.TempDir()
	docs := make([]render.Document, len(drafts))
	var words, pdfs []string
	for i, d := range drafts {
		if docs[i], err = eng.Document(d); err != nil {
			t.Fatalf("%s: %v", d.Title, err)
		}
		b, err := eng.RenderWord(docs[i])
		if err != nil {
			t.Fatalf("%s: %v", d.Title, err)
		}
		pdf, _, err := eng.RenderDocument(docs[i])
		if err != nil {
			t.Fatalf("%s: %v", d.Title, err)
		}
		name := filepath.Join(dir, fmt.Sprintf("draft-%02d", i))
		words, pdfs = append(words, name+".docx"), append(pdfs, name+".pdf")
		if err := os.WriteFile(words[i], b, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(pdfs[i], pdf, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	converted := docxtest.ToPDF(t, words...)
	for i, d := range drafts {
		t.Run(fmt.Sprintf("%02d %s", i, d.Title), func(t *testing.T) {
			docxtest.SameText(t, docs[i], docxtest.Body(t, pdfs[i]), docxtest.Body(t, converted[i]))
			pages := docxtest.Pages(t, converted[i])
			for n, p := range pages {
				if has := strings.Contains(p, "DRAFT – NOT FOR SIGNATURE"); has != docs[i].Draft {
					t.Errorf("page %d of %d: says DRAFT %v, want %v", n+1, len(pages), has, docs[i].Draft)
				}
				if want := fmt.Sprintf("Page %d of %d", n+1, len(pages)); !strings.Contains(p, want) || !strings.Contains(p, "Doc ID "+docs[i].ID) {
					t.Errorf("page %d: footer lacks %q and the document id %s", n+1, want, docs[i].ID)
				}
			}
			if i > 1 {
				return // python-docx: the example and the blank draft are enough
			}
			opened := docxtest.PythonDocx(t, words[i])
			styles := map[string]int{}
			for _, p := range opened.Paragraphs {
				styles[p.Style]++
			}
			clauses := 0
			for _, s := range docs[i].Sections {
				for _, b := range s.Blocks {
					if b.Kind == render.Clause {
						clauses++
					}
				}
			}
			if styles["Clause"] != clauses || styles["Heading 1"] == 0 || styles["Schedule Heading"] == 0 {
				t.Errorf("python-docx sees styles %v, want %d Clause paragraphs, headings and schedule headings", styles, clauses)
			}
		})
	}
}

// BenchmarkWordExample is the Word export of the example agreement, from
// the composed document to the finished file.
func BenchmarkWordExample(b *testing.B) {
	tpl := template.CallCentre()
	eng, err := NewEngine(tpl)
	if err != nil {
		b.Fatal(err)
	}
	doc, err := eng.Document(draft.Example(tpl))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := eng.RenderWord(doc); err != nil {
			b.Fatal(err)
		}
	}
}
