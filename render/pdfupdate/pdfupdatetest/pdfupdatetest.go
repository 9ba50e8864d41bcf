// Package pdfupdatetest makes PDFs for tests that check incremental
// updates: a small export with two signature fields, hand-written updates
// appended to it, and a minimal signature as a signer would append it.
package pdfupdatetest

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"pactwright/render"
	"pactwright/render/pdfupdate"
)

// Export renders a small two-page agreement titled title, with two
// signature fields, as an export would write it.
func Export(t testing.TB, title string) []byte {
	t.Helper()
	r, err := render.NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("The Provider answers calls for the Customer at the agreed price. ", 60)
	doc := render.Document{
		Title: title, ID: "PW-TEST",
		Sections: []render.Section{
			{Number: "1", Heading: "Charges", Blocks: []render.Block{{Kind: render.Paragraph, Text: "The price is GBP 24.50 per hour."}}},
			{Number: "2", Heading: "Services", NewPage: true, Blocks: []render.Block{{Kind: render.Paragraph, Text: long}}},
		},
		Signing: render.Signing{Signatories: []render.Signatory{
			{Party: "For the Customer", Role: "Customer", FieldName: "customer_signature"},
			{Party: "For the Provider", Role: "Provider", FieldName: "provider_signature"},
		}},
	}
	pdf, _, err := r.PDF(doc)
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

// AppendUpdate appends a hand-written incremental update that defines objs
// (object number -> value source), the way an attacker's tool would.
func AppendUpdate(t testing.TB, pdf []byte, objs map[int]string) []byte {
	t.Helper()
	f, err := pdfupdate.Parse(pdf)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	b.Write(pdf)
	nums := make([]int, 0, len(objs))
	size := f.Size
	for n := range objs {
		nums = append(nums, n)
		size = max(size, n+1)
	}
	slices.Sort(nums)
	offsets := map[int]int{}
	for _, n := range nums {
		offsets[n] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", n, objs[n])
	}
	xref := b.Len()
	b.WriteString("xref\n")
	for _, n := range nums {
		fmt.Fprintf(&b, "%d 1\n%010d 00000 n \n", n, offsets[n])
	}
	root, _ := f.Trailer.Get("/Root")
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n", size, root, f.StartXref, xref)
	return b.Bytes()
}

// Sign appends what a signer appends to sign field number i (0: the
// customer's): a signature dictionary and the field's widget with its
// value set. The signature bytes are not real; the structure is.
func Sign(t testing.TB, pdf []byte, i int) []byte {
	t.Helper()
	refs := SignatureFields(t, pdf)
	if i >= len(refs) {
		t.Fatalf("no signature field %d of %d", i, len(refs))
	}
	f, err := pdfupdate.Parse(pdf)
	if err != nil {
		t.Fatal(err)
	}
	widget, err := f.Dict(refs[i])
	if err != nil {
		t.Fatal(err)
	}
	widget.Set("/V", fmt.Sprintf("%d 0 R", f.Size))
	return AppendUpdate(t, pdf, map[int]string{
		refs[i]: widget.String(),
		f.Size:  "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 0 0 0] /Contents <00> >>",
	})
}

// Stream is the source of a content stream object that paints text.
func Stream(text string) string {
	content := fmt.Sprintf("BT /F1 24 Tf 72 700 Td (%s) Tj ET", text)
	return fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content)
}

// ReplaceContent appends the "shadow" attack: an update that redefines
// the first content stream of page (from 1) to paint text instead.
func ReplaceContent(t testing.TB, pdf []byte, page int, text string) []byte {
	t.Helper()
	f, err := pdfupdate.Parse(pdf)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := f.Pages()
	if err != nil || page < 1 || page > len(pages) {
		t.Fatalf("page %d of %d: %v", page, len(pages), err)
	}
	d, err := f.Dict(pages[page-1])
	if err != nil {
		t.Fatal(err)
	}
	v, _ := d.Get("/Contents")
	refs, err := pdfupdate.Refs("[" + strings.Trim(v, "[]") + "]")
	if err != nil || len(refs) == 0 {
		t.Fatalf("page %d has no content reference: %q", page, v)
	}
	return AppendUpdate(t, pdf, map[int]string{refs[0]: Stream(text)})
}

// SignatureFields returns the object numbers of the export's signature
// fields, in order.
func SignatureFields(t testing.TB, pdf []byte) []int {
	t.Helper()
	f, err := pdfupdate.Parse(pdf)
	if err != nil {
		t.Fatal(err)
	}
	_, catalog, err := f.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	refs, err := pdfupdate.SignatureFields(catalog)
	if err != nil {
		t.Fatal(err)
	}
	return refs
}
