package usecase

import (
	"fmt"
	"path/filepath"
	"strings"

	"pactwright/app/amend"
	"pactwright/app/compose"
	"pactwright/app/template"
	"pactwright/render"
)

// MarkupDocument lays out a comparison for the user's records: what the
// returned file (name) changed clause by clause, with the difference
// marked as a redline marks it, the answer changes proposed, and the
// comments.
func MarkupDocument(m Markup, name string) render.Document {
	name = filepath.Base(name)
	summary := []render.Block{{Kind: render.Paragraph, Text: m.Summary(name) + "."}}
	for _, n := range m.Notes {
		summary = append(summary, render.Block{Kind: render.Paragraph, Text: "Note: " + n})
	}
	var clauses []render.Block
	for _, c := range m.Clauses {
		clauses = append(clauses, render.Block{Kind: render.Subheading, Text: c.Heading()})
		if c.Status == ClauseChanged {
			clauses = append(clauses, render.Block{Kind: render.Paragraph, Runs: amend.Diff(c.Ours, c.Theirs), Changed: true})
		}
		for _, line := range c.Lines() {
			clauses = append(clauses, render.Block{Kind: render.Paragraph, Text: template.Capitalise(line)})
		}
	}
	if len(clauses) == 0 {
		clauses = append(clauses, render.Block{Kind: render.Paragraph, Text: "Every clause reads as it was sent."})
	}
	sections := []render.Section{
		{Key: "markup.summary", Heading: "Summary", Blocks: summary},
		{Key: "markup.clauses", Heading: "Clauses", Blocks: clauses},
	}
	if len(m.Elsewhere) > 0 {
		var blocks []render.Block
		for _, e := range m.Elsewhere {
			blocks = append(blocks, render.Block{Kind: render.Subheading, Text: template.Capitalise(e.Where())},
				render.Block{Kind: render.Paragraph, Text: e.Diff}, render.Block{Kind: render.Paragraph, Text: ElsewhereAdvice})
		}
		sections = append(sections, render.Section{Key: "markup.elsewhere", Heading: "Outside the clauses", Blocks: blocks})
	}
	if len(m.Comments) > 0 {
		t := &render.Table{Columns: []string{"Author", "Clause", "Date", "Comment"}, Widths: []float64{2, 1, 2, 5}}
		for _, c := range m.Comments {
			t.Rows = append(t.Rows, []string{c.Author, c.Number, c.Date, c.Text})
		}
		sections = append(sections, render.Section{Key: "markup.comments", Heading: "Comments", Blocks: []render.Block{{Kind: render.TableBlock, Table: t}}})
	}
	return render.Document{
		Title:    "Comparison of a returned Word file",
		Subtitle: fmt.Sprintf("%s against draft %d", name, m.DraftID),
		ID:       m.DocumentID,
		Creator:  compose.Creator,
		Letter:   true,
		Sections: sections,
	}
}

// MarkupFile writes the comparison as a PDF, or as a Word file when ext is
// ".docx".
func (s *Service) MarkupFile(m Markup, name, ext string) ([]byte, error) {
	doc := MarkupDocument(m, name)
	switch strings.ToLower(ext) {
	case ".docx":
		return s.Engine.RenderWord(doc)
	case ".pdf", "":
		pdf, _, err := s.Engine.RenderDocument(doc)
		return pdf, err
	}
	return nil, fmt.Errorf("a comparison report is a PDF (.pdf) or a Word file (.docx), not %s", ext)
}
