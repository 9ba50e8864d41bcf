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
	if !strings.Contains(accepted, "£26.00") || strings.Contains(accepted, "per agent hour worked at £24.50") ||
		!strings.Contains(rejected, "per agent hour worked at £24.50") || strings.Contains(rejected, "worked at £26.00") {
		t.Errorf("the redline's tracked changes do not turn £24.50 into £26.00")
	}
}
