package render

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestSignatureFieldsListed: pdfsig sees one unsigned field per signatory.
func TestSignatureFieldsListed(t *testing.T) {
	mustHave(t, "pdfsig")
	path, _, _ := renderTo(t, fixture())
	out := run(t, "pdfsig", path)
	for _, name := range []string{"CustomerSignature", "ProviderSignature"} {
		if !strings.Contains(out, "Signature Field Name: "+name) {
			t.Errorf("pdfsig does not list field %s:\n%s", name, out)
		}
	}
	if got := strings.Count(out, "The signature form field is not signed."); got != 2 {
		t.Errorf("want 2 unsigned fields, pdfsig says %d:\n%s", got, out)
	}
}

// TestSignatureFieldsSitOnTheirLines: each field is on the signature page,
// over the box labelled "Signature" of its own signatory.
func TestSignatureFieldsSitOnTheirLines(t *testing.T) {
	need(t, "qpdf", "pdftotext")
	doc := fixture()
	path, _, _ := renderTo(t, doc)
	var js struct {
		AcroForm struct {
			Fields []struct {
				Name   string `json:"fullname"`
				Type   string `json:"fieldtype"`
				Page   int    `json:"pageposfrom1"`
				Object string `json:"object"`
			} `json:"fields"`
		} `json:"acroform"`
	}
	if err := json.Unmarshal([]byte(run(t, "qpdf", "--json", "--json-key=acroform", path)), &js); err != nil {
		t.Fatal(err)
	}
	fields := js.AcroForm.Fields
	if len(fields) != len(doc.Signing.Signatories) {
		t.Fatalf("got %d fields, want %d", len(fields), len(doc.Signing.Signatories))
	}
	last := pageCount(t, path)
	bbox := run(t, "pdftotext", "-bbox", "-f", strconv.Itoa(last), "-l", strconv.Itoa(last), path, "-")
	labels := regexp.MustCompile(`yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">Signature<`).FindAllStringSubmatch(bbox, -1)
	if len(labels) != len(fields) {
		t.Fatalf("found %d Signature labels on page %d, want %d", len(labels), last, len(fields))
	}
	for i, f := range fields {
		if f.Name != doc.Signing.Signatories[i].FieldName || f.Type != "/Sig" || f.Page != last {
			t.Errorf("field %d = %+v, want %s (/Sig) on page %d", i, f, doc.Signing.Signatories[i].FieldName, last)
		}
		num := strings.Fields(f.Object)[0]
		obj := run(t, "qpdf", "--show-object="+num, path)
		m := regexp.MustCompile(`/Rect \[ ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) \]`).FindStringSubmatch(obj)
		if m == nil {
			t.Fatalf("field %s has no /Rect: %s", f.Name, obj)
		}
		lly, _ := strconv.ParseFloat(m[2], 64)
		ury, _ := strconv.ParseFloat(m[4], 64)
		top, bottom := pageH-ury, pageH-lly
		labelBottom, _ := strconv.ParseFloat(labels[i][2], 64)
		if labelBottom < top || labelBottom > bottom+2 {
			t.Errorf("field %s spans y %.1f..%.1f but its label ends at %.1f", f.Name, top, bottom, labelBottom)
		}
	}
}

// TestSignWithPdfsig signs a field with a throwaway certificate: the
// signature must validate and the signed file must extend ours unchanged.
func TestSignWithPdfsig(t *testing.T) {
	mustHave(t, "pdfsig", "certutil")
	in, pdf, _ := renderTo(t, fixture())
	dir := t.TempDir()
	nss := "sql:" + dir
	noise := filepath.Join(dir, "noise")
	seed := make([]byte, 2048)
	rand.Read(seed)
	if err := os.WriteFile(noise, seed, 0o600); err != nil {
		t.Fatal(err)
	}
	run(t, "certutil", "-N", "-d", nss, "--empty-password")
	run(t, "certutil", "-S", "-n", "Tester", "-s", "CN=Tester", "-x", "-t", "CTu,Cu,Cu",
		"-k", "rsa", "-g", "2048", "-Z", "SHA256", "-v", "12", "-z", noise, "-d", nss)

	out := filepath.Join(dir, "signed.pdf")
	run(t, "pdfsig", "-nssdir", nss, "-nick", "Tester", "-sign", "CustomerSignature", in, out)
	report := run(t, "pdfsig", "-nssdir", nss, out)
	if !strings.Contains(report, "Signature is Valid") {
		t.Errorf("signature does not validate:\n%s", report)
	}
	if !strings.Contains(report, "Signature Field Name: CustomerSignature") {
		t.Errorf("signed field missing:\n%s", report)
	}
	signed, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(signed, pdf) {
		t.Error("signing rewrote the PDF instead of appending to it")
	}
}

// TestUpdateIsAppendOnly: the field update only appends to gopdf's bytes
// and points back at gopdf's cross-reference table.
func TestUpdateIsAppendOnly(t *testing.T) {
	_, pdf, _ := renderTo(t, fixture())
	ends := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n`).FindAllSubmatchIndex(pdf, -1)
	if len(ends) != 2 {
		t.Fatalf("want 2 revisions (gopdf + fields), found %d", len(ends))
	}
	firstEnd := ends[0][1]
	prev := string(pdf[ends[0][2]:ends[0][3]])
	if !bytes.Contains(pdf[firstEnd:], []byte("/Prev "+prev)) {
		t.Errorf("update trailer lacks /Prev %s", prev)
	}
	for _, must := range []string{"/AcroForm", "/SigFlags 1", "/Annots", "/FT /Sig", "/Pages", "/Outlines", "/PageMode", "/Info"} {
		if !bytes.Contains(pdf[firstEnd:], []byte(must)) {
			t.Errorf("update lacks %s", must)
		}
	}
}

// TestFieldNamesSanitised: unusable or repeated names are fixed, with a
// warning, so every signatory still gets a field.
func TestFieldNamesSanitised(t *testing.T) {
	sigs := []Signatory{{FieldName: "Customer Sig (1)"}, {FieldName: ""}, {FieldName: "Same"}, {FieldName: "Same"}}
	names, warnings := fieldNames(sigs)
	want := []string{"Customer_Sig__1_", "Signature2", "Same", "Same_2"}
	if strings.Join(names, ",") != strings.Join(want, ",") {
		t.Errorf("names = %q, want %q", names, want)
	}
	if len(warnings) != 3 {
		t.Errorf("want 3 warnings, got %q", warnings)
	}
}

// TestAddSignatureFieldsRejectsForeignPDFs: input the parser does not
// understand yields an error, not a broken file.
func TestAddSignatureFieldsRejectsForeignPDFs(t *testing.T) {
	sig := []sigPlacement{{name: "S", page: 1, w: 10, h: 10}}
	for _, bad := range []string{"", "%PDF-1.7\n", "%PDF-1.7\nstartxref\n5\n%%EOF\n", "%PDF-1.7\nstartxref\nabc\n%%EOF\n"} {
		if _, err := addSignatureFields([]byte(bad), sig, pageH); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
	_, pdf, _ := renderTo(t, fixture())
	if _, err := addSignatureFields(pdf, []sigPlacement{{name: "S", page: 99}}, pageH); err == nil {
		t.Error("accepted a field on a page that does not exist")
	}
	if _, err := addSignatureFields(pdf, sig, pageH); err == nil {
		t.Error("added a second /AcroForm to a PDF that has one")
	}
}

// bigPDF writes a valid PDF of n empty pages by hand: its page tree is
// one node whose /Kids array is far longer than any fixed read buffer.
func bigPDF(n int) []byte {
	var b bytes.Buffer
	offsets := make([]int, n+3)
	b.WriteString("%PDF-1.7\n")
	obj := func(num int, body string) {
		offsets[num] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", num, body)
	}
	obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
	kids := make([]string, n)
	for i := range kids {
		kids[i] = fmt.Sprintf("%d 0 R", i+3)
	}
	obj(2, fmt.Sprintf("<< /Type /Pages /Count %d /Kids [%s] >>", n, strings.Join(kids, " ")))
	for i := range n {
		obj(i+3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", n+3)
	for _, off := range offsets[1:] {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", n+3, xref)
	return b.Bytes()
}

// TestSignatureFieldsOnTwentyThousandPages: the field update reads objects
// of any length (the page tree of 20,000 pages is a 200 KB object) and the
// result is a valid PDF with the field on the last page.
func TestSignatureFieldsOnTwentyThousandPages(t *testing.T) {
	mustHave(t, "qpdf", "pdfinfo", "pdfsig")
	const pages = 20000
	in := bigPDF(pages)
	out, err := addSignatureFields(in, []sigPlacement{{name: "Last", page: pages, x: 10, y: 10, w: 100, h: 20}}, pageH)
	if err != nil {
		t.Fatalf("add a signature field to a %d-page PDF: %v", pages, err)
	}
	path := filepath.Join(t.TempDir(), "big.pdf")
	if err := os.WriteFile(path, out, 0o600); err != nil {
		t.Fatal(err)
	}
	run(t, "qpdf", "--check", path)
	if got := pageCount(t, path); got != pages {
		t.Errorf("pdfinfo counts %d pages, want %d", got, pages)
	}
	if report := run(t, "pdfsig", path); !strings.Contains(report, "Signature Field Name: Last") {
		t.Errorf("pdfsig does not list the field:\n%s", report)
	}
}

// mustHave fails the test when a tool is missing: make test installs the
// signers, and a signing test that skipped would hide the very regression
// it exists to catch.
func mustHave(t testing.TB, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is not installed (make test-deps installs it): %v", tool, err)
		}
	}
}
