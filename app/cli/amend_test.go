package cli

import (
	"os/exec"
	"strings"
	"testing"
)

func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// TestAmendmentCommands: amendment, verify, redline, conformed and import
// of a PDF from the shell, the way the README shows them.
func TestAmendmentCommands(t *testing.T) {
	h := newHarness(t)
	id := firstLine(h.ok("new", "--example"))
	h.ok("export", id, "-o", h.path("agreement.pdf"))
	h.ok("mark-signed", id)

	_, errs, code := h.run("amendment", id, "-o", h.path("a1.pdf"))
	if code != 1 || !strings.Contains(errs, "effective date") {
		t.Fatalf("amendment without a date: exit %d, %q", code, errs)
	}
	ex := h.path("changed.json")
	h.ok("export", id, "-o", ex)
	replaceIn(t, ex, `"rate": {"amount":"24.50"`, `"rate": {"amount":"26.00"`)
	h.ok("import", "--into", id, ex)
	out := h.ok("amendment", id, "-o", h.path("a1.pdf"), "--effective", "2027-06-01", "--reason", "More volume")
	mustContain(t, "amendment", out, "exported Amendment No. 1 (2 changes) of draft 1")
	mustContain(t, "amendment PDF", pdfText(t, h.path("a1.pdf")), "Amendment No. 1 to the", "Clause 4.1 is deleted and replaced with", "£26.00", "More volume")
	mustContain(t, "verify", h.ok("verify", h.path("a1.pdf")), "it is Amendment No. 1 (effective 2027-06-01) to draft 1")
	mustContain(t, "mark-signed", h.ok("mark-signed", id), "marked Amendment No. 1 of draft 1 signed")

	mustContain(t, "redline", h.ok("redline", id, "2", "-o", h.path("red.pdf")), "wrote the redline of draft 1")
	mustContain(t, "redline PDF", pdfText(t, h.path("red.pdf")), "Redline", "£24.50", "£26.00")
	h.ok("conformed", id, "-o", h.path("conf.pdf"))
	mustContain(t, "conformed PDF", pdfText(t, h.path("conf.pdf")), "£26.00", "as amended by Amendment No. 1 dated 1 June 2027")

	mustContain(t, "import of a known PDF", h.ok("import", h.path("a1.pdf")), "already in this library, so nothing was imported", "pactwright open 1")
	copied := h.ok("import", "--copy", h.path("a1.pdf"))
	if firstLine(copied) != "2" {
		t.Fatalf("import --copy: %s", copied)
	}
	mustContain(t, "copied draft", h.ok("show", "2"), "£26.00")
}
