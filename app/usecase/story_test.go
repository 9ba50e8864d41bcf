package usecase_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"pactwright/app/agreement"
	"pactwright/app/answers"
	"pactwright/app/compose"
	"pactwright/app/draft"
	"pactwright/app/library"
	"pactwright/app/template"
	"pactwright/app/usecase"
	"pactwright/render/pdfupdate/pdfupdatetest"
)

// harness is a real library in a temporary folder with a real engine.
type harness struct {
	t   *testing.T
	dir string
	svc *usecase.Service
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	dir := t.TempDir()
	return &harness{t: t, dir: dir, svc: openService(t, filepath.Join(dir, "library.db"))}
}

func openService(t *testing.T, path string) *usecase.Service {
	t.Helper()
	lib, err := library.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	eng, err := agreement.NewEngine(template.CallCentre())
	if err != nil {
		t.Fatal(err)
	}
	return &usecase.Service{Library: lib, Engine: eng}
}

// export writes kind to name in the harness folder and returns the path.
func (h *harness) export(id int64, kind usecase.Kind, name string) (string, usecase.Exported) {
	h.t.Helper()
	path := filepath.Join(h.dir, name)
	out, err := h.svc.Export(usecase.ExportRequest{Draft: id, Kind: kind, Path: path, Version: -1,
		Write: func(pdf []byte) error { return os.WriteFile(path, pdf, 0o600) }})
	if err != nil {
		h.t.Fatalf("export %s: %v", kind, err)
	}
	return path, out
}

// edit changes the working copy as the editor would.
func (h *harness) edit(id int64, change func(a answers.Answers)) {
	h.t.Helper()
	d, err := h.svc.Library.Get(id)
	if err != nil {
		h.t.Fatal(err)
	}
	change(d.Content.Answers)
	if _, err := h.svc.Library.Autosave(id, d.Content, d.Version); err != nil {
		h.t.Fatal(err)
	}
}

func (h *harness) markSigned(id int64, path string) usecase.Signed {
	h.t.Helper()
	pdf, err := os.ReadFile(path)
	if err != nil {
		h.t.Fatal(err)
	}
	s, err := h.svc.MarkSigned(id, pdf)
	if err != nil {
		h.t.Fatalf("mark signed %s: %v", path, err)
	}
	return s
}

// signer signs PDFs with poppler's pdfsig and a throwaway NSS key, as a
// user's PDF signer would.
type signer struct{ nss string }

func newSigner(t *testing.T) signer {
	t.Helper()
	nss := filepath.Join(t.TempDir(), "nss")
	if err := os.Mkdir(nss, 0o700); err != nil {
		t.Fatal(err)
	}
	noise := filepath.Join(nss, "noise")
	if err := os.WriteFile(noise, []byte("not very random noise for a throwaway test key"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"-N", "-d", "sql:" + nss, "--empty-password"},
		{"-S", "-n", "Tester", "-s", "CN=Tester", "-x", "-t", "CTu,Cu,Cu", "-k", "rsa", "-g", "2048", "-Z", "SHA256", "-v", "12", "-z", noise, "-d", "sql:" + nss},
	} {
		if out, err := exec.Command("certutil", args...).CombinedOutput(); err != nil {
			t.Fatalf("certutil %v: %v\n%s", args, err, out)
		}
	}
	return signer{nss: nss}
}

// pfx exports the key for MuPDF, which signs with a PKCS#12 file.
func (s signer) pfx(t *testing.T) string {
	t.Helper()
	path := filepath.Join(filepath.Dir(s.nss), "tester.pfx")
	if out, err := exec.Command("pk12util", "-o", path, "-n", "Tester", "-d", "sql:"+s.nss, "-W", "pw").CombinedOutput(); err != nil {
		t.Fatalf("pk12util: %v\n%s", err, out)
	}
	return path
}

func (s signer) sign(t *testing.T, in, out string) {
	t.Helper()
	if b, err := exec.Command("pdfsig", "-nssdir", "sql:"+s.nss, "-nick", "Tester", "-sign", "customer_signature", in, out).CombinedOutput(); err != nil {
		t.Fatalf("pdfsig -sign %s: %v\n%s", in, err, b)
	}
	b, err := exec.Command("pdfsig", "-nssdir", "sql:"+s.nss, out).CombinedOutput()
	if err != nil || !strings.Contains(string(b), "Signature is Valid") {
		t.Fatalf("pdfsig %s: %v\n%s", out, err, b)
	}
}

func pdftext(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	// Join wrapped lines so phrases can be searched across line ends.
	return strings.Join(strings.Fields(string(out)), " ")
}

func mustContain(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}

func mustNotContain(t *testing.T, what, text string, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(text, w) {
			t.Errorf("%s should not contain %q", what, w)
		}
	}
}

func raisePrice(a answers.Answers) { a["rate"] = answers.Value{Text: "26.00", Unit: "GBP"} }

func raiseServiceLevel(a answers.Answers) {
	rows := a["sla_metrics"].Rows
	for i, r := range rows {
		if r["metric"] == "service_level" {
			rows[i] = answers.Row{"metric": "service_level", "target": "85", "unit": r["unit"], "window": r["window"], "credit": r["credit"]}
		}
	}
	a["sla_metrics"] = answers.Value{Rows: rows}
}

// TestAmendmentStory is the whole story with the real library and a real
// signer: agreement → signed → Amendment No. 1 → signed → Amendment No. 2
// → signed, then the redline and the conformed copy.
func TestAmendmentStory(t *testing.T) {
	h := newHarness(t)
	sg := newSigner(t)
	tp := template.CallCentre()
	example := draft.Example(tp)
	example.Confirm(tp)
	id, err := h.svc.Library.Create(example)
	if err != nil {
		t.Fatal(err)
	}
	originalID, err := compose.DocumentID(tp, example)
	if err != nil {
		t.Fatal(err)
	}

	// The agreement, exported, signed and marked signed.
	agreementPDF, _ := h.export(id, usecase.Agreement, "agreement.pdf")
	signedPDF := filepath.Join(h.dir, "agreement-signed.pdf")
	sg.sign(t, agreementPDF, signedPDF)
	if s := h.markSigned(id, signedPDF); s.Amendment != 0 || s.Status != library.StatusSigned {
		t.Fatalf("marking the agreement signed: %+v", s)
	}
	if _, err := h.svc.Export(usecase.ExportRequest{Draft: id, Kind: usecase.Amendment, Version: -1, Write: func([]byte) error { return nil }}); err == nil ||
		!strings.Contains(err.Error(), "effective date") {
		t.Fatalf("an amendment without an effective date: want a message naming the effective date, got %v", err)
	}

	// Amendment No. 1: the price and a service level.
	h.edit(id, func(a answers.Answers) { raisePrice(a); raiseServiceLevel(a) })
	if _, err := h.svc.Amend(id, library.AmendmentTerms{Effective: "2027-31-02"}); err == nil || !strings.Contains(err.Error(), "effective date") {
		t.Fatalf("a bad effective date: want an error naming it, got %v", err)
	}
	prep, err := h.svc.Amend(id, library.AmendmentTerms{Effective: "2027-06-01", Reason: "Higher volumes from the summer"})
	if err != nil || prep.Number != 1 {
		t.Fatalf("amend: %+v, %v", prep, err)
	}
	a1, out := h.export(id, usecase.Amendment, "amendment-1.pdf")
	if out.Amendment != 1 || !out.Recorded {
		t.Fatalf("amendment export: %+v", out)
	}
	text := pdftext(t, a1)
	mustContain(t, "Amendment No. 1", text,
		"Amendment No. 1 to the", originalID, "1 June 2027", "Higher volumes from the summer",
		"Clause 4.1 is deleted and replaced with", "£26.00",
		"In Schedule 1, the row", "85%",
		"Except as set out above, the Agreement continues in full force and effect")
	mustNotContain(t, "Amendment No. 1", text, "£24.50", "a draft written exit plan")
	verify, err := h.svc.Library.Verify(mustRead(t, a1))
	if err != nil || verify.DraftID != id {
		t.Fatalf("verify the amendment: %+v, %v", verify, err)
	}
	if k, err := h.svc.Library.ExportKindOf(id, verify.Revision); err != nil || k.Amendment != 1 {
		t.Fatalf("verify names the amendment: %+v, %v", k, err)
	}

	a1signed := filepath.Join(h.dir, "amendment-1-signed.pdf")
	sg.sign(t, a1, a1signed)
	if s := h.markSigned(id, a1signed); s.Amendment != 1 {
		t.Fatalf("marking Amendment No. 1 signed: %+v", s)
	}

	// Amendment No. 2: payment terms.
	h.edit(id, func(a answers.Answers) { a["payment_days"] = answers.Value{Text: "45", Unit: "days"} })
	if _, err := h.svc.Amend(id, library.AmendmentTerms{Effective: "2027-09-01"}); err != nil {
		t.Fatal(err)
	}
	a2, out := h.export(id, usecase.Amendment, "amendment-2.pdf")
	if out.Amendment != 2 {
		t.Fatalf("second amendment numbered %d", out.Amendment)
	}
	text = pdftext(t, a2)
	mustContain(t, "Amendment No. 2", text, "Amendment No. 2 to the", "as amended by Amendment No. 1 dated 1 June 2027", "45 days")
	mustNotContain(t, "Amendment No. 2", text, "£26.00")                     // changed by No. 1, not by No. 2
	if s, err := h.svc.MarkSigned(id, nil); err != nil || s.Amendment != 2 { // signed on paper
		t.Fatalf("marking Amendment No. 2 signed on paper: %+v, %v", s, err)
	}
	chain, err := h.svc.Library.Chain(id)
	if err != nil || len(chain) != 3 {
		t.Fatalf("chain: %+v, %v", chain, err)
	}

	// The redline from the signed original to now shows every change.
	d, err := h.svc.Library.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	red := filepath.Join(h.dir, "redline.pdf")
	if _, err := h.svc.Export(usecase.ExportRequest{Draft: id, Kind: usecase.Redline, From: chain[0].Revision, Path: red, Version: d.Version,
		Write: func(pdf []byte) error { return os.WriteFile(red, pdf, 0o600) }}); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("KEEP_PDFS"); dir != "" {
		for _, p := range []string{red, a1, a2} {
			os.WriteFile(filepath.Join(dir, filepath.Base(p)), mustRead(t, p), 0o600)
		}
	}
	text = pdftext(t, red)
	mustContain(t, "redline", text, "Redline", "£24.50", "£26.00", "Change 1", "Change 4", "(was:", "80%", "85%", "within 30 45 days")

	// The conformed copy: the terms as amended, naming both amendments.
	conf, _ := h.export(id, usecase.Conformed, "conformed.pdf")
	text = pdftext(t, conf)
	mustContain(t, "conformed copy", text, "£26.00", "as amended by Amendment No. 1 dated 1 June 2027 and Amendment No. 2 dated 1 September 2027")
	mustNotContain(t, "conformed copy", text, "£24.50")
}

// TestSignedPDFImportsIntoEmptyLibrary: the draft travels inside the
// signed PDF, and a library that never saw it gets the same answers back.
func TestSignedPDFImportsIntoEmptyLibrary(t *testing.T) {
	h := newHarness(t)
	sg := newSigner(t)
	tp := template.CallCentre()
	id, err := h.svc.Library.Create(confirmedExample(tp))
	if err != nil {
		t.Fatal(err)
	}
	pdf, _ := h.export(id, usecase.Agreement, "a.pdf")
	signed := filepath.Join(h.dir, "signed.pdf")
	sg.sign(t, pdf, signed)

	again, err := h.svc.ImportPDF(mustRead(t, signed), false)
	if err != nil || !again.Existing || again.DraftID != id {
		t.Fatalf("importing a PDF of a draft the library holds should name it, not copy it: %+v, %v", again, err)
	}

	empty := openService(t, filepath.Join(t.TempDir(), "other.db"))
	im, err := empty.ImportPDF(mustRead(t, signed), false)
	if err != nil || im.Existing {
		t.Fatalf("import into an empty library: %+v, %v", im, err)
	}
	mustContain(t, "import message", im.String(), "the PDF says it is the agreement of draft 1", "Brightside customer service outsourcing")
	got, err := empty.Library.Get(im.DraftID)
	if err != nil {
		t.Fatal(err)
	}
	orig, err := h.svc.Library.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := draft.Marshal(tp, orig.Content)
	b, _ := draft.Marshal(tp, got.Content)
	if string(a) != string(b) {
		t.Fatalf("imported draft differs:\n%s\n---\n%s", a, b)
	}
	if !reflect.DeepEqual(orig.Content.Answers, got.Content.Answers) {
		t.Fatal("answers differ after import")
	}
}

// TestMuPDFSignsAnAmendment: both parties sign Amendment No. 1 with
// MuPDF's visible signatures; pdfsig finds both valid, the library takes
// it as the signed amendment, and the draft inside still imports.
func TestMuPDFSignsAnAmendment(t *testing.T) {
	h := newHarness(t)
	sg := newSigner(t)
	id, err := h.svc.Library.Create(confirmedExample(template.CallCentre()))
	if err != nil {
		t.Fatal(err)
	}
	h.export(id, usecase.Agreement, "agreement.pdf")
	if _, err := h.svc.MarkSigned(id, nil); err != nil {
		t.Fatal(err)
	}
	h.edit(id, raisePrice)
	if _, err := h.svc.Amend(id, library.AmendmentTerms{Effective: "2027-06-01"}); err != nil {
		t.Fatal(err)
	}
	a1, _ := h.export(id, usecase.Amendment, "amendment-1.pdf")
	fields, err := exec.Command("mutool", "sign", a1).Output()
	if err != nil {
		t.Fatalf("mutool sign (list): %v", err)
	}
	var objs []string
	for _, ln := range strings.Split(string(fields), "\n") {
		if num, _, ok := strings.Cut(strings.TrimSpace(ln), ":"); ok && strings.Contains(ln, "not signed") {
			objs = append(objs, num)
		}
	}
	if len(objs) != 2 {
		t.Fatalf("mutool lists %d unsigned fields, want 2:\n%s", len(objs), fields)
	}
	pfx, in := sg.pfx(t), a1
	for i, obj := range objs {
		out := filepath.Join(h.dir, fmt.Sprintf("amendment-1-signed-%d.pdf", i+1))
		if b, err := exec.Command("mutool", "sign", "-s", pfx, "-P", "pw", "-o", out, in, obj).CombinedOutput(); err != nil {
			t.Fatalf("mutool sign %s: %v\n%s", obj, err, b)
		}
		in = out
	}
	report, _ := exec.Command("pdfsig", "-nssdir", "sql:"+sg.nss, in).CombinedOutput()
	if n := strings.Count(string(report), "Signature is Valid"); n != 2 {
		t.Fatalf("pdfsig finds %d valid signatures, want 2:\n%s", n, report)
	}
	if s := h.markSigned(id, in); s.Amendment != 1 {
		t.Fatalf("the MuPDF-signed amendment was marked as %+v", s)
	}
	empty := openService(t, filepath.Join(t.TempDir(), "other.db"))
	im, err := empty.ImportPDF(mustRead(t, in), false)
	if err != nil || !strings.Contains(im.String(), "the PDF says it is Amendment No. 1 of draft 1") {
		t.Fatalf("import of the signed amendment: %v, %v", im, err)
	}
}

func TestImportPDFWithoutDraft(t *testing.T) {
	h := newHarness(t)
	if _, err := h.svc.ImportPDF([]byte("%PDF-1.4\n%%EOF\n"), false); err == nil || !strings.Contains(err.Error(), "no Pactwright draft inside") {
		t.Fatalf("want a plain error, got %v", err)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestImportRefusesAPDFChangedAfterExport: a copy whose page was painted
// over after export is refused, even as a copy, and nothing is added.
func TestImportRefusesAPDFChangedAfterExport(t *testing.T) {
	h := newHarness(t)
	id, err := h.svc.Library.Create(confirmedExample(template.CallCentre()))
	if err != nil {
		t.Fatal(err)
	}
	pdf, _ := h.export(id, usecase.Agreement, "a.pdf")
	forged := pdfupdatetest.ReplaceContent(t, mustRead(t, pdf), 1, "price GBP 999999.00 per hour")
	for _, copy := range []bool{false, true} {
		_, err := h.svc.ImportPDF(forged, copy)
		if !errors.Is(err, usecase.ErrAlteredPDF) || !strings.Contains(err.Error(), "page 1") {
			t.Errorf("copy=%v: want the altered-PDF error naming page 1, got %v", copy, err)
		}
	}
	list, err := h.svc.Library.List("")
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 {
		t.Errorf("library holds %d drafts after refused imports, want 1", len(list))
	}
}

// confirmedExample is the worked example with every group confirmed as
// reviewed, as a user who checked it would export it for signature.
func confirmedExample(t *template.Template) draft.Draft {
	d := draft.Example(t)
	d.Confirm(t)
	return d
}
