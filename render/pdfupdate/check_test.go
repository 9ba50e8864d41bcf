package pdfupdate_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"pactwright/render/pdfupdate"
	"pactwright/render/pdfupdate/pdfupdatetest"
)

// parts finds the objects an attacker rewrites.
type parts struct {
	f        *pdfupdate.File
	pages    []int
	treeNode int
	tree     pdfupdate.Dict
}

func partsOf(t testing.TB, pdf []byte) parts {
	t.Helper()
	f, err := pdfupdate.Parse(pdf)
	if err != nil {
		t.Fatal(err)
	}
	p := parts{f: f}
	if p.pages, err = f.Pages(); err != nil {
		t.Fatal(err)
	}
	_, catalog, err := f.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	p.treeNode, _ = catalog.Ref("/Pages")
	if p.tree, err = f.Dict(p.treeNode); err != nil {
		t.Fatal(err)
	}
	return p
}

func (p parts) page(t testing.TB, i int) pdfupdate.Dict {
	t.Helper()
	d, err := p.f.Dict(p.pages[i])
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestForgedUpdatesAreNamed: each way of changing what a page shows
// through an appended update is reported in words that say what changed.
func TestForgedUpdatesAreNamed(t *testing.T) {
	pdf := pdfupdatetest.Export(t, "Call Centre Services Agreement")
	p := partsOf(t, pdf)
	forged := pdfupdatetest.Stream("price GBP 999999.00 per hour")
	pages := func(kids ...int) string {
		var refs []string
		for _, k := range kids {
			refs = append(refs, fmt.Sprintf("%d 0 R", k))
		}
		tree := p.tree
		tree.Set("/Kids", "["+strings.Join(refs, " ")+"]")
		tree.Set("/Count", fmt.Sprint(len(kids)))
		return tree.String()
	}
	newPage := p.page(t, 0)
	newPage.Set("/Contents", fmt.Sprintf("%d 0 R", p.f.Size+1))
	overlaid := p.page(t, 0)
	overlaid.Set("/Annots", fmt.Sprintf("[%d 0 R]", p.f.Size))
	catalogNum, catalog, err := p.f.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	catalog.Set("/OpenAction", fmt.Sprintf("<< /S /JavaScript /JS (app.alert(1)) >>"))

	cases := []struct {
		name string
		file []byte
		want string
	}{
		{"shadow update of page 1's content", pdfupdatetest.ReplaceContent(t, pdf, 1, "price GBP 999999.00 per hour"),
			"page 1 content replaced after export"},
		{"annotation painted over page 1", pdfupdatetest.AppendUpdate(t, pdf, map[int]string{
			p.pages[0]: overlaid.String(),
			p.f.Size:   "<< /Type /Annot /Subtype /FreeText /Rect [72 600 500 720] /Contents (price GBP 999999.00 per hour) /DA (/Helv 24 Tf 0 g) >>",
		}), "page 1 annotations changed after export"},
		{"page 1 replaced by a new page object", pdfupdatetest.AppendUpdate(t, pdf, map[int]string{
			p.treeNode:   pages(append([]int{p.f.Size}, p.pages[1:]...)...),
			p.f.Size:     newPage.String(),
			p.f.Size + 1: forged,
		}), "the page tree changed after export"},
		{"new page added", pdfupdatetest.AppendUpdate(t, pdf, map[int]string{
			p.treeNode:   pages(append(slices.Clone(p.pages), p.f.Size)...),
			p.f.Size:     newPage.String(),
			p.f.Size + 1: forged,
		}), fmt.Sprintf("1 page(s) added after export (%d at export, %d now)", len(p.pages), len(p.pages)+1)},
		{"catalog gains an action", pdfupdatetest.AppendUpdate(t, pdf, map[int]string{catalogNum: catalog.String()}),
			"the document catalog's /OpenAction entry changed after export"},
		{"garbage appended", append(slices.Clone(pdf), "hello world"...),
			"11 bytes appended after export are not a PDF update"},
		{"bytes hidden before an update's xref", hideBytes(t, pdfupdatetest.AppendUpdate(t, pdf, map[int]string{p.f.Size: "<< >>"})),
			"an update appended after export has bytes that belong to no object"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := pdfupdate.Check(pdf, c.file)
			if !slices.ContainsFunc(r.Changes, func(s string) bool { return strings.HasPrefix(s, c.want) }) {
				t.Errorf("changes = %q, want one starting %q", r.Changes, c.want)
			}
		})
	}
}

// hideBytes inserts an object the xref does not list just before the
// last update's xref section, keeping startxref right.
func hideBytes(t testing.TB, pdf []byte) []byte {
	t.Helper()
	i := bytes.LastIndex(pdf, []byte("\nxref\n")) + 1
	hidden := []byte("99 0 obj (hidden) endobj\n")
	var old, now int
	tail := pdf[bytes.LastIndex(pdf, []byte("startxref")):]
	if _, err := fmt.Sscanf(string(tail), "startxref\n%d", &old); err != nil {
		t.Fatal(err)
	}
	now = old + len(hidden)
	out := slices.Concat(pdf[:i], hidden, pdf[i:])
	return bytes.Replace(out, []byte(fmt.Sprintf("startxref\n%d\n", old)), []byte(fmt.Sprintf("startxref\n%d\n", now)), 1)
}

// mustRun runs a tool the test cannot do without: a missing tool fails
// the test (make test installs them), it never skips it.
func mustRun(t testing.TB, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s is not installed (make test-deps installs it): %v", name, err)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// signer is a throwaway certificate in an NSS database (for pdfsig) and
// in a PKCS#12 file (for MuPDF).
type signer struct{ dir, nss, pfx string }

func newSigner(t testing.TB) signer {
	t.Helper()
	dir := t.TempDir()
	s := signer{dir: dir, nss: "sql:" + dir, pfx: filepath.Join(dir, "tester.pfx")}
	noise := filepath.Join(dir, "noise")
	if err := os.WriteFile(noise, []byte(strings.Repeat("throwaway noise for a test key ", 40)), 0o600); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "certutil", "-N", "-d", s.nss, "--empty-password")
	mustRun(t, "certutil", "-S", "-n", "Tester", "-s", "CN=Tester", "-x", "-t", "CTu,Cu,Cu",
		"-k", "rsa", "-g", "2048", "-Z", "SHA256", "-v", "12", "-z", noise, "-d", s.nss)
	mustRun(t, "pk12util", "-o", s.pfx, "-n", "Tester", "-d", s.nss, "-W", "pw")
	return s
}

// widgetObjects returns the object numbers of the signature fields, which
// is how mutool names what to sign.
func widgetObjects(t testing.TB, pdf []byte) []string {
	t.Helper()
	refs := pdfupdatetest.SignatureFields(t, pdf)
	if len(refs) != 2 {
		t.Fatalf("want 2 signature fields, got %v", refs)
	}
	return []string{fmt.Sprint(refs[0]), fmt.Sprint(refs[1])}
}

// TestSignedCopiesPass: copies signed with poppler's pdfsig and with
// MuPDF, both fields one after the other, are the export plus signatures:
// no change reported, both fields named as signed, and the signatures valid.
func TestSignedCopiesPass(t *testing.T) {
	pdf := pdfupdatetest.Export(t, "Call Centre Services Agreement")
	s := newSigner(t)
	in := filepath.Join(s.dir, "export.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	widgets := widgetObjects(t, pdf)
	sign := map[string]func(field int, in, out string){
		"pdfsig": func(field int, in, out string) {
			name := []string{"customer_signature", "provider_signature"}[field]
			mustRun(t, "pdfsig", "-nssdir", s.nss, "-nick", "Tester", "-sign", name, in, out)
		},
		"mutool": func(field int, in, out string) {
			mustRun(t, "mutool", "sign", "-s", s.pfx, "-P", "pw", "-o", out, in, widgets[field])
		},
	}
	for tool, signField := range sign {
		t.Run(tool, func(t *testing.T) {
			once := filepath.Join(s.dir, tool+"-1.pdf")
			twice := filepath.Join(s.dir, tool+"-2.pdf")
			signField(0, in, once)
			signField(1, once, twice)
			report := mustRun(t, "pdfsig", "-nssdir", s.nss, twice)
			if got := strings.Count(report, "Signature is Valid"); got != 2 {
				t.Fatalf("pdfsig finds %d valid signatures, want 2:\n%s", got, report)
			}
			signed, err := os.ReadFile(twice)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(signed, pdf) {
				t.Fatal("the signer rewrote the export instead of appending")
			}
			r := pdfupdate.Check(pdf, signed)
			if len(r.Changes) > 0 {
				t.Errorf("a signed copy is reported as changed: %q", r.Changes)
			}
			if want := []string{"customer_signature", "provider_signature"}; !slices.Equal(r.SignedFields, want) {
				t.Errorf("signed fields = %q, want %q", r.SignedFields, want)
			}
		})
	}
}

// TestExportAlonePasses: the export itself has no updates after it.
func TestExportAlonePasses(t *testing.T) {
	pdf := pdfupdatetest.Export(t, "Call Centre Services Agreement")
	if r := pdfupdate.Check(pdf, pdf); len(r.Changes)+len(r.SignedFields) > 0 {
		t.Errorf("export checked against itself: %+v", r)
	}
}

// FuzzCheck: whatever is appended, Check answers without panicking, and
// bytes that cannot be an update are reported.
func FuzzCheck(f *testing.F) {
	pdf := pdfupdatetest.Export(f, "Call Centre Services Agreement")
	f.Add([]byte("hello world"))
	f.Add([]byte("1 0 obj << >> endobj\nxref\n1 1\n0000000000 00000 n \ntrailer << /Prev 0 >>\nstartxref\n0\n%%EOF\n"))
	// The hostile shapes: hybrid and stream cross-references, object
	// streams, a shared page tree, a field with a script, bad signatures.
	withScript, _ := pdfupdatetest.FieldWithScript(f, pdf)
	widgetNum, widget, sig := pdfupdatetest.SignatureWidget(f, pdf, 0)
	for _, file := range [][]byte{
		pdfupdatetest.ShadowHybrid(f, pdf, 2, "forged"),
		pdfupdatetest.AppendHybridUpdate(f, pdf, pdfupdatetest.Hybrid{Classic: map[int]string{widgetNum: widget},
			Compressed: map[int]string{sig: pdfupdatetest.SignatureDict(pdfupdatetest.SignatureValue)}}),
		pdfupdatetest.AppendStreamUpdate(f, pdf, map[int]string{widgetNum: widget},
			map[int]string{sig: pdfupdatetest.SignatureDict(pdfupdatetest.SignatureValue)}),
		pdfupdatetest.AppendUpdate(f, pdf, sharedPageTree(f, pdf, 30)),
		withScript,
		pdfupdatetest.SignWith(f, pdf, 0, "zz"),
		pdfupdatetest.Sign(f, pdfupdatetest.Sign(f, pdf, 0), 1),
	} {
		f.Add(file[len(pdf):])
	}
	f.Fuzz(func(t *testing.T, tail []byte) {
		r := pdfupdate.Check(pdf, slices.Concat(pdf, tail))
		// A comment is not content; anything else without an xref is garbage.
		garbage := len(bytes.Trim(tail, " \t\r\n\f\x00")) > 0 && !bytes.ContainsAny(tail, "%") && !bytes.Contains(tail, []byte("startxref"))
		if garbage && len(r.Changes) == 0 {
			t.Errorf("%q appended passes as an update that changes nothing", tail)
		}
	})
}

// TestSignedFieldsNamed: a signature appended to one field names it.
func TestSignedFieldsNamed(t *testing.T) {
	pdf := pdfupdatetest.Export(t, "Call Centre Services Agreement")
	r := pdfupdate.Check(pdf, pdfupdatetest.Sign(t, pdf, 1))
	if len(r.Changes) > 0 || !slices.Equal(r.SignedFields, []string{"provider_signature"}) {
		t.Errorf("report = %+v, want provider_signature signed and no change", r)
	}
}

// BenchmarkCheckSignedCopy checks an export with both fields signed.
func BenchmarkCheckSignedCopy(b *testing.B) {
	pdf := pdfupdatetest.Export(b, "Call Centre Services Agreement")
	signed := pdfupdatetest.Sign(b, pdfupdatetest.Sign(b, pdf, 0), 1)
	b.SetBytes(int64(len(signed)))
	for b.Loop() {
		if r := pdfupdate.Check(pdf, signed); len(r.Changes) > 0 {
			b.Fatal(r.Changes)
		}
	}
}
