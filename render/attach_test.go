package render

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestAttachmentTravelsAndIsSigned: the draft rides inside the PDF as a
// real embedded file (poppler lists and extracts it), the signature fields
// come after it, and Attachments reads it back.
func TestAttachmentTravelsAndIsSigned(t *testing.T) {
	doc := fixture()
	data := []byte(`{"format":"pactwright-draft","title":"Café (test)"}`)
	doc.Attachments = []Attachment{{Name: "pactwright-draft.json", Description: "Draft – Café", MIME: "application/json", Data: data}}
	pdf, _, err := PDF(doc)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Attachments(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got["pactwright-draft.json"], data) {
		t.Fatalf("attachment read back as %q", got["pactwright-draft.json"])
	}
	embedAt := bytes.Index(pdf, []byte("/Type /EmbeddedFile"))
	sigAt := bytes.Index(pdf, []byte("/FT /Sig"))
	if embedAt < 0 || sigAt < 0 || embedAt > sigAt {
		t.Fatalf("embedded file at %d must come before the signature fields at %d", embedAt, sigAt)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "a.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfdetach", "-list", in).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "pactwright-draft.json") {
		t.Fatalf("pdfdetach -list: %v\n%s", err, out)
	}
	saved := filepath.Join(dir, "x.json")
	if out, err := exec.Command("pdfdetach", "-save", "1", "-o", saved, in).CombinedOutput(); err != nil {
		t.Fatalf("pdfdetach -save: %v\n%s", err, out)
	}
	if b, _ := os.ReadFile(saved); !bytes.Equal(b, data) {
		t.Fatalf("pdfdetach extracted %q", b)
	}
	if out, err := exec.Command("qpdf", "--check", in).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
}

func TestAttachmentsOfPlainPDF(t *testing.T) {
	pdf, _, err := PDF(fixture())
	if err != nil {
		t.Fatal(err)
	}
	got, err := Attachments(pdf)
	if err != nil || len(got) != 0 {
		t.Fatalf("a PDF without attachments: %v, %v", got, err)
	}
}

func TestAttachmentRefusesBadName(t *testing.T) {
	doc := fixture()
	doc.Attachments = []Attachment{{Name: "a) /Evil", MIME: "application/json", Data: []byte("{}")}}
	if _, _, err := PDF(doc); err == nil || !strings.Contains(err.Error(), "attachment name") {
		t.Fatalf("want an error naming the attachment name, got %v", err)
	}
}

func FuzzAttachments(f *testing.F) {
	doc := fixture()
	doc.Attachments = []Attachment{{Name: "d.json", MIME: "application/json", Data: []byte("{}")}}
	pdf, _, err := PDF(doc)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(pdf)
	f.Add([]byte("1 0 obj\n<< /Type /EmbeddedFile /Length 99999 >>\nstream\nx"))
	// Several embedded files of one name, and one redefined by an update.
	doc.Attachments = append(doc.Attachments, Attachment{Name: "e.json", MIME: "application/json", Data: []byte("[]")})
	two, _, err := PDF(doc)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(bytes.Replace(two, []byte("(e.json)"), []byte("(d.json)"), -1))
	f.Add(append(append([]byte(nil), pdf...), "99 0 obj\n<< /Type /EmbeddedFile /Length 2 /Subtype /application#2Fjson >>\nstream\n[]\nendstream\nendobj\n"...))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = Attachments(b) // must not panic
	})
}
