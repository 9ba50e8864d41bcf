package usecase_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pactwright/app/draft"
	"pactwright/app/template"
	"pactwright/render/docx"
	"pactwright/render/docx/docxtest"
)

// TestMarkupReport: the comparison, written as a PDF and as a Word file
// for the user's records, holds what the screen shows: the summary, each
// changed clause with the words struck and added, the answer change
// proposed, the rewrite offered as negotiated wording and the comment.
// LibreOffice opens the Word file.
func TestMarkupReport(t *testing.T) {
	h := newHarness(t)
	id, err := h.svc.Library.Create(draft.Example(template.CallCentre()))
	if err != nil {
		t.Fatal(err)
	}
	m, err := h.svc.ReadMarkup(id, returnedExample(h, id))
	if err != nil {
		t.Fatal(err)
	}
	sub := m.Clauses[1]
	want := []string{
		"Comparison of a returned Word file", "back.docx against draft 1",
		"back.docx (document " + m.DocumentID + ") against draft 1:", "2 changed, 0 inserted, 0 deleted; 1 comment",
		"pricing.invoices_and_payment: changed (tracked changes)",
		"Proposes: Days to pay an invoice 30 days → 45 days",
		sub.Number + " general.subcontracting: changed",
		"Their own wording: no answers produce it; it can be kept as negotiated wording, or rejected",
		"at all.", "Tom Reid", "Our finance team needs 45 days.",
	}
	pdf, err := h.svc.MarkupFile(m, "/somewhere/back.docx", ".pdf")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(h.dir, "report.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "the PDF report", pdftext(t, path), want...)

	word, err := h.svc.MarkupFile(m, "back.docx", ".DOCX")
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "the Word report", docxtest.Text(docxtest.Paragraphs(t, word, docx.AcceptAll)), want...)
	wpath := filepath.Join(h.dir, "report.docx")
	if err := os.WriteFile(wpath, word, 0o600); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "the Word report in LibreOffice", docxtest.Body(t, docxtest.ToPDF(t, wpath)[0]), docxtest.Squash("Our finance team needs 45 days."), docxtest.Squash("Proposes: Days to pay an invoice 30 days → 45 days"))

	if _, err := h.svc.MarkupFile(m, "back.docx", ".txt"); err == nil || !strings.Contains(err.Error(), "not .txt") {
		t.Errorf("a report as .txt: %v", err)
	}
}
