package cli

import (
	"os"
	"strings"
	"testing"

	"pactwright/render/docx"
	"pactwright/render/docx/docxtest"
)

// TestWordExports: export, amendment, redline and conformed write Word
// files when the output ends in .docx. LibreOffice converts each one, and
// its text matches the PDF of the same export paragraph by paragraph; the
// draft travels inside; a Word export is not recorded (only a PDF is
// signed); the redline holds tracked changes.
func TestWordExports(t *testing.T) {
	docxtest.Need(t, "soffice", "pdftotext")
	h := newHarness(t)
	id := firstLine(h.ok("new", "--example"))
	out := h.ok("export", id, "-o", h.path("agreement.docx"))
	mustContain(t, "export to Word", out, "wrote the agreement of draft 1 to", "not recorded as an export")
	if strings.Contains(h.ok("history", id), "export") {
		t.Errorf("a Word export was recorded:\n%s", h.ok("history", id))
	}
	h.ok("export", id, "-o", h.path("agreement.pdf"))
	h.ok("mark-signed", id)
	ex := h.path("changed.json")
	h.ok("export", id, "-o", ex)
	replaceIn(t, ex, `"rate": {"amount":"24.50"`, `"rate": {"amount":"26.00"`)
	h.ok("import", "--into", id, ex)
	h.ok("amendment", id, "-o", h.path("amendment.docx"), "--effective", "2027-06-01")
	h.ok("amendment", id, "-o", h.path("amendment.pdf"))
	for _, kind := range []string{"redline", "conformed"} {
		h.ok(kind, id, "-o", h.path(kind+".docx"))
		h.ok(kind, id, "-o", h.path(kind+".pdf"))
	}
	h.ok("render", ex, "-o", h.path("render.docx"))
	h.ok("render", ex, "-o", h.path("render.pdf"))

	names := []string{"agreement", "amendment", "redline", "conformed", "render"}
	var files []string
	for _, n := range names {
		files = append(files, h.path(n+".docx"))
	}
	converted := docxtest.ToPDF(t, files...)
	for i, n := range names {
		file, err := os.ReadFile(files[i])
		if err != nil {
			t.Fatal(err)
		}
		docxtest.SameAsWord(t, file, docxtest.Body(t, h.path(n+".pdf")), docxtest.Body(t, converted[i]))
		if n == "render" {
			continue
		}
		carried, err := docx.Read(file)
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		if !strings.Contains(string(carried.Files["pactwright-draft.json"]), `"Brightside`) || !strings.Contains(string(carried.Files["pactwright-origin.json"]), `"kind":"`+n+`"`) {
			t.Errorf("%s.docx does not carry the draft and its origin: %v", n, carried.Files)
		}
	}
	red, err := os.ReadFile(h.path("redline.docx"))
	if err != nil {
		t.Fatal(err)
	}
	accepted := docxtest.Text(docxtest.Paragraphs(t, red, docxtest.AcceptAll))
	rejected := docxtest.Text(docxtest.Paragraphs(t, red, docxtest.RejectAll))
	if !strings.Contains(accepted, "£26.00") || strings.Contains(accepted, "charged at £24.50 for each billable hour") ||
		!strings.Contains(rejected, "charged at £24.50 for each billable hour") || strings.Contains(rejected, "charged at £26.00") {
		t.Errorf("the redline's tracked changes do not turn £24.50 into £26.00")
	}
}

// TestMarkupCommand: `markup` lists what the other side changed and
// commented, proposes the answer change, and --apply makes it.
func TestMarkupCommand(t *testing.T) {
	h := newHarness(t)
	id := firstLine(h.ok("new", "--example"))
	h.ok("export", id, "-o", h.path("out.docx"))
	sent, err := os.ReadFile(h.path("out.docx"))
	if err != nil {
		t.Fatal(err)
	}
	back := docxtest.TrackReplace(t, sent, "pw_pricing_invoices_and_payment", "30", "45", "We need 45 days.")
	back = docxtest.Rewrite(t, back, "pw_general_subcontracting", "No subcontracting.")
	if err := os.WriteFile(h.path("back.docx"), back, 0o600); err != nil {
		t.Fatal(err)
	}
	out := h.ok("markup", id, h.path("back.docx"))
	mustContain(t, "markup", out, "2 changed, 0 inserted, 0 deleted; 1 comment",
		"4.5 pricing.invoices_and_payment: changed (tracked changes)", "within [-30-]{+45+} days",
		"proposes: Days to pay an invoice 30 days → 45 days",
		"8.10 general.subcontracting: changed", "their own wording: no answers produce it",
		"Tom Reid on 4.5 (2027-01-10T10:00:00Z): We need 45 days.",
		"pactwright markup 1 "+h.path("back.docx")+" --apply")
	mustContain(t, "markup --json", h.ok("markup", "--json", id, h.path("back.docx")), `"field": "payment_days"`, `"status": "changed"`, `"author": "Tom Reid"`)
	mustContain(t, "markup --apply", h.ok("markup", "--apply", id, h.path("back.docx")), "Applied 1 answer change to draft 1")
	mustContain(t, "show after --apply", h.ok("show", id), "Days to pay an invoice: 45 days")

	// Their rewrite, kept as negotiated wording, then dropped again.
	_, errs, code := h.run("markup", id, h.path("back.docx"), "--keep", "4.5")
	if code == 0 || !strings.Contains(errs, `cannot keep clause "4.5": the file does not rewrite it in words of its own (the clauses it does: 8.10)`) {
		t.Errorf("keeping a clause with an answer change: exit %d, %q", code, errs)
	}
	mustContain(t, "wording before", h.ok("wording", id), "Draft 1 has no negotiated wording.")
	mustContain(t, "markup --keep", h.ok("markup", id, h.path("back.docx"), "--keep", "general.subcontracting"),
		"Kept their wording of clause 8.10 as negotiated wording in draft 1", "pactwright wording 1 --drop 8.10")
	mustContain(t, "wording", h.ok("wording", id), "8.10 general.subcontracting: negotiated wording, from back.docx, document PW-", "No subcontracting.")
	mustContain(t, "check", h.ok("check", id), "Clause 8.10 uses negotiated wording (from back.docx")
	h.ok("render", id, "-o", h.path("kept.pdf"))
	mustContain(t, "the PDF", pdfText(t, h.path("kept.pdf")), "8.10 No subcontracting.", "Negotiated wording, as agreed with the other side")
	mustContain(t, "wording --drop", h.ok("wording", id, "--drop", "8.10"), "Clause 8.10 of draft 1 is Pactwright's wording again")
	if out := h.ok("check", id); strings.Contains(out, "negotiated wording") {
		t.Errorf("check after --drop still names negotiated wording:\n%s", out)
	}
	mustContain(t, "markup --reject", h.ok("markup", id, h.path("back.docx"), "--reject", "8.10", "-o", h.path("report.pdf")),
		"Rejected their wording of clause 8.10: draft 1 keeps its own.", "Wrote the comparison to "+h.path("report.pdf"))
	mustContain(t, "the report", pdfText(t, h.path("report.pdf")), "Comparison of a returned Word file", "Proposes: Days to pay an invoice 30 days → 45 days", "We need 45 days.")
	if _, errs, code := h.run("markup", id, h.path("back.docx"), "-o", h.path("report.txt")); code == 0 || !strings.Contains(errs, "a PDF (.pdf) or a Word file (.docx), not .txt") {
		t.Errorf("a report as .txt: exit %d, %q", code, errs)
	}

	_, errs, code = h.run("markup", id, h.path("agreement-missing.docx"))
	if code == 0 || !strings.Contains(errs, "agreement-missing.docx") {
		t.Errorf("a missing file: exit %d, %q", code, errs)
	}
}
