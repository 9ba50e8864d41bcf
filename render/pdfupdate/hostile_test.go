package pdfupdate_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"pactwright/render/pdfupdate"
	"pactwright/render/pdfupdate/pdfupdatetest"
)

// pdftotext returns what poppler shows on page 2 of pdf, where the
// export's charges are.
func pdftotext(t testing.TB, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	return mustRun(t, "pdftotext", "-f", "2", "-l", "2", path, "-")
}

// TestShadowUpdatesThroughStreamsAreNamed: page 2's content (the price) redefined by
// an object that only a cross-reference stream lists (in a hybrid file
// behind a classic trailer's /XRefStm, hidden inside another stream or
// not, or as the section itself) is what poppler shows, and the check
// names it.
func TestShadowUpdatesThroughStreamsAreNamed(t *testing.T) {
	pdf := pdfupdatetest.Export(t, "Call Centre Services Agreement")
	if shown := pdftotext(t, pdf); !strings.Contains(shown, "GBP 24.50") {
		t.Fatalf("the export's page 2 does not show its price:\n%s", shown)
	}
	forged := map[int]string{pdfupdatetest.ContentObject(t, pdf, 2): pdfupdatetest.Stream("price GBP 999999.00 per hour")}
	for name, file := range map[string][]byte{
		"hybrid /XRefStm, hidden in a stream": pdfupdatetest.ShadowHybrid(t, pdf, 2, "price GBP 999999.00 per hour"),
		"hybrid /XRefStm":                     pdfupdatetest.AppendHybridUpdate(t, pdf, pdfupdatetest.Hybrid{StreamOnly: forged}),
		"xref stream":                         pdfupdatetest.AppendStreamUpdate(t, pdf, forged, nil),
	} {
		t.Run(name, func(t *testing.T) {
			// gopdf's subset font has no glyphs for the forged text, so
			// poppler shows the forgery as the agreed price gone.
			if shown := pdftotext(t, file); strings.Contains(shown, "GBP 24.50") {
				t.Fatalf("poppler still shows the exported page, so the test proves nothing:\n%s", shown)
			}
			r := pdfupdate.Check(pdf, file)
			if !slices.Contains(r.Changes, "page 2 content replaced after export") {
				t.Errorf("changes = %q, want page 2 content replaced", r.Changes)
			}
		})
	}
}

// TestSigningThroughStreamsPasses: a signer that writes its update with a
// cross-reference stream or a hybrid trailer, the signature dictionary in
// an object stream, changes nothing on the pages.
func TestSigningThroughStreamsPasses(t *testing.T) {
	pdf := pdfupdatetest.Export(t, "Call Centre Services Agreement")
	widgetNum, widget, sig := pdfupdatetest.SignatureWidget(t, pdf, 0)
	plain := map[int]string{widgetNum: widget}
	compressed := map[int]string{sig: pdfupdatetest.SignatureDict(pdfupdatetest.SignatureValue)}
	for name, file := range map[string][]byte{
		"hybrid /XRefStm": pdfupdatetest.AppendHybridUpdate(t, pdf, pdfupdatetest.Hybrid{Classic: plain, Compressed: compressed}),
		"xref stream":     pdfupdatetest.AppendStreamUpdate(t, pdf, plain, compressed),
	} {
		t.Run(name, func(t *testing.T) {
			r := pdfupdate.Check(pdf, file)
			if len(r.Changes) > 0 || !slices.Equal(r.SignedFields, []string{"customer_signature"}) {
				t.Errorf("report = %+v, want customer_signature signed and no change", r)
			}
		})
	}
}

// TestNewFieldWithScriptIsNamed: an update that adds a form field with a
// JavaScript calculate action (its key spelt with a #xx escape, which
// readers undo) is refused, naming the field and the script.
func TestNewFieldWithScriptIsNamed(t *testing.T) {
	pdf := pdfupdatetest.Export(t, "Call Centre Services Agreement")
	file, newField := pdfupdatetest.FieldWithScript(t, pdf)
	catalogNum, _, err := partsOf(t, pdf).f.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	r := pdfupdate.Check(pdf, file)
	for _, want := range []string{
		fmt.Sprintf(`a new form field "total" (object %d) was added after export`, newField),
		fmt.Sprintf("an action or script (/CO, in object %d) was added after export", catalogNum),
		fmt.Sprintf("an action or script (/AA, in object %d) was added after export", newField),
	} {
		if !slices.Contains(r.Changes, want) {
			t.Errorf("changes = %q, want %q", r.Changes, want)
		}
	}
}

// TestMalformedSignatureIsNotSigned: a signature value that is not hex,
// or hex that is not a DER signature, is reported as malformed and the
// field is not called signed.
func TestMalformedSignatureIsNotSigned(t *testing.T) {
	pdf := pdfupdatetest.Export(t, "Call Centre Services Agreement")
	for value, want := range map[string]string{
		"zz-not-hex":          "its /Contents is not hexadecimal",
		"48656c6c6f0000":      "its /Contents does not hold a DER-encoded signature",
		"3082ffff020100":      "its /Contents is not well-formed DER: a length beyond the data",
		"30030201000000ff":    "its /Contents has data after the signature",
		"3000000000000000000": "its /Contents is not hexadecimal",
	} {
		t.Run(value, func(t *testing.T) {
			r := pdfupdate.Check(pdf, pdfupdatetest.SignWith(t, pdf, 0, value))
			if len(r.SignedFields) > 0 {
				t.Errorf("signed fields = %q, want none", r.SignedFields)
			}
			if w := "signature field customer_signature holds a malformed signature: " + want; !slices.Contains(r.Changes, w) {
				t.Errorf("changes = %q, want %q", r.Changes, w)
			}
		})
	}
}

// TestSharedPageTreeEnds: an update that replaces the page tree with 30
// levels of nodes that each list the next one twice (2^30 pages if
// followed) is refused at once rather than walked.
func TestSharedPageTreeEnds(t *testing.T) {
	pdf := pdfupdatetest.Export(t, "Call Centre Services Agreement")
	objs := sharedPageTree(t, pdf, 30)
	r := pdfupdate.Check(pdf, pdfupdatetest.AppendUpdate(t, pdf, objs))
	if !slices.ContainsFunc(r.Changes, func(s string) bool { return strings.Contains(s, "appears more than once") }) {
		t.Errorf("changes = %q, want the shared page tree named", r.Changes)
	}
}

// sharedPageTree returns the objects of an update that makes the export's
// page tree root a chain of levels nodes, each listing the next twice.
func sharedPageTree(t testing.TB, pdf []byte, levels int) map[int]string {
	t.Helper()
	p := partsOf(t, pdf)
	objs := map[int]string{}
	next := p.f.Size
	node := func(n, kid int) string {
		return fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R %d 0 R] /Count 2 >>", kid, kid)
	}
	cur := p.treeNode
	for i := 0; i < levels; i++ {
		objs[cur] = node(cur, next)
		cur, next = next, next+1
	}
	objs[cur] = node(cur, p.pages[0])
	return objs
}

// TestEscapedAndDoubledKeys: a widget moved by a key written with a #xx
// escape (/Rec#74 is /Rect), or given a second /Rect, is not a signature.
func TestEscapedAndDoubledKeys(t *testing.T) {
	pdf := pdfupdatetest.Export(t, "Call Centre Services Agreement")
	widgetNum, widget, sig := pdfupdatetest.SignatureWidget(t, pdf, 0)
	moved := regexp.MustCompile(`/Rect \[[^]]*\]`).ReplaceAllString(widget, "/Rec#74 [0 0 595 842]")
	doubled := strings.Replace(widget, "/Rect", "/Rect [0 0 595 842] /Rect", 1)
	for name, c := range map[string]struct{ widget, want string }{
		"escaped": {moved, "signature field customer_signature: its /Rect changed after export"},
		"doubled": {doubled, "key /Rect appears twice"},
	} {
		t.Run(name, func(t *testing.T) {
			file := pdfupdatetest.AppendUpdate(t, pdf, map[int]string{widgetNum: c.widget, sig: pdfupdatetest.SignatureDict(pdfupdatetest.SignatureValue)})
			r := pdfupdate.Check(pdf, file)
			if !slices.ContainsFunc(r.Changes, func(s string) bool { return strings.Contains(s, c.want) }) {
				t.Errorf("changes = %q, want one with %q", r.Changes, c.want)
			}
		})
	}
}

// BenchmarkCheckSharedPageTree: refusing the 30-level shared page tree
// (2^30 pages if each were followed).
func BenchmarkCheckSharedPageTree(b *testing.B) {
	pdf := pdfupdatetest.Export(b, "Call Centre Services Agreement")
	file := pdfupdatetest.AppendUpdate(b, pdf, sharedPageTree(b, pdf, 30))
	b.ReportAllocs()
	for b.Loop() {
		if r := pdfupdate.Check(pdf, file); len(r.Changes) == 0 {
			b.Fatal("passed")
		}
	}
}

// BenchmarkCheckHybridShadow: naming the hybrid-reference shadow update.
func BenchmarkCheckHybridShadow(b *testing.B) {
	pdf := pdfupdatetest.Export(b, "Call Centre Services Agreement")
	file := pdfupdatetest.ShadowHybrid(b, pdf, 2, "price GBP 999999.00 per hour")
	b.ReportAllocs()
	for b.Loop() {
		if r := pdfupdate.Check(pdf, file); len(r.Changes) == 0 {
			b.Fatal("passed")
		}
	}
}

// TestManyChangesAreCounted: an update that redefines every object of the
// export names the first twenty changes and counts the rest.
func TestManyChangesAreCounted(t *testing.T) {
	pdf := pdfupdatetest.Export(t, "Call Centre Services Agreement")
	p := partsOf(t, pdf)
	objs := map[int]string{}
	for n := 1; n < p.f.Size; n++ {
		objs[n] = "<< /A << /S /JavaScript /JS (app.alert(1)) >> >>"
	}
	r := pdfupdate.Check(pdf, pdfupdatetest.AppendUpdate(t, pdf, objs))
	if len(r.Changes) != 21 || !strings.HasPrefix(r.Changes[20], "and ") || !strings.HasSuffix(r.Changes[20], " more changes") {
		t.Errorf("%d changes, last %q", len(r.Changes), r.Changes[len(r.Changes)-1])
	}
}
