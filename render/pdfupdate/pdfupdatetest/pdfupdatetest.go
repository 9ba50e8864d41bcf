// Package pdfupdatetest makes PDFs for tests that check incremental
// updates: a small export with two signature fields, hand-written updates
// appended to it, and a minimal signature as a signer would append it.
package pdfupdatetest

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
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

// Hybrid is what a hybrid-reference update holds: objects listed in its
// classic table, objects listed only in the cross-reference stream its
// trailer's /XRefStm names, and objects compressed in an object stream
// (listed in that stream too). Readers that know hybrid files (all current
// ones) see all three. Hide puts the stream-only objects and the
// cross-reference stream inside the data of one stream the classic table
// lists, where a reader of classic tables alone never looks.
type Hybrid struct {
	Classic, StreamOnly, Compressed map[int]string
	Hide                            bool
}

// AppendHybridUpdate appends the update h describes.
func AppendHybridUpdate(t testing.TB, pdf []byte, h Hybrid) []byte {
	t.Helper()
	f, err := pdfupdate.Parse(pdf)
	if err != nil {
		t.Fatal(err)
	}
	w := newWriter(pdf, f.Size, h.Classic, h.Compressed)
	for n := range h.StreamOnly {
		w.next = max(w.next, n+1)
	}
	var entries []xrefEntry
	if len(h.Compressed) > 0 {
		stm, inStream := w.objectStream(t, h.Compressed)
		entries = inStream
		w.plain[stm.num] = stm.src
	}
	w.writePlain()
	xrefStm := w.next
	w.next++
	wrapper := 0
	if h.Hide {
		// The wrapper's data starts right after "stream\n"; offsets inside
		// it are known once its head is written.
		wrapper = w.next
		w.next++
		w.offsets[wrapper] = w.b.Len()
		fmt.Fprintf(&w.b, "%d 0 obj\n<< /Length %010d >>\nstream\n", wrapper, 0)
	}
	start := w.b.Len()
	for _, n := range sortedKeys(h.StreamOnly) {
		entries = append(entries, xrefEntry{num: n, typ: 1, a: w.b.Len()})
		fmt.Fprintf(&w.b, "%d 0 obj\n%s\nendobj\n", n, h.StreamOnly[n])
	}
	stmOff := w.b.Len()
	fmt.Fprintf(&w.b, "%d 0 obj\n%s\nendobj\n", xrefStm, xrefStream(t, entries, w.next, ""))
	if h.Hide {
		length := w.b.Len() - start
		out := w.b.Bytes()
		copy(out[w.offsets[wrapper]:], fmt.Sprintf("%d 0 obj\n<< /Length %010d >>", wrapper, length))
		w.b.WriteString("endstream\nendobj\n")
	}
	xref := w.b.Len()
	w.b.WriteString("xref\n")
	for _, n := range sortedKeys(w.offsets) {
		fmt.Fprintf(&w.b, "%d 1\n%010d 00000 n \n", n, w.offsets[n])
	}
	root, _ := f.Trailer.Get("/Root")
	fmt.Fprintf(&w.b, "trailer\n<< /Size %d /Root %s /Prev %d /XRefStm %d >>\nstartxref\n%d\n%%%%EOF\n", w.next, root, f.StartXref, stmOff, xref)
	return w.b.Bytes()
}

// AppendStreamUpdate appends an update whose cross-reference section is a
// stream (PDF 1.5), with compressed objects in an object stream.
func AppendStreamUpdate(t testing.TB, pdf []byte, plain, compressed map[int]string) []byte {
	t.Helper()
	f, err := pdfupdate.Parse(pdf)
	if err != nil {
		t.Fatal(err)
	}
	w := newWriter(pdf, f.Size, plain, compressed)
	var entries []xrefEntry
	if len(compressed) > 0 {
		stm, inStream := w.objectStream(t, compressed)
		entries = inStream
		w.plain[stm.num] = stm.src
	}
	w.writePlain()
	for n, off := range w.offsets {
		entries = append(entries, xrefEntry{num: n, typ: 1, a: off})
	}
	xrefNum := w.next
	w.next++
	xref := w.b.Len()
	entries = append(entries, xrefEntry{num: xrefNum, typ: 1, a: xref})
	root, _ := f.Trailer.Get("/Root")
	extra := fmt.Sprintf("/Root %s /Prev %d", root, f.StartXref)
	fmt.Fprintf(&w.b, "%d 0 obj\n%s\nendobj\nstartxref\n%d\n%%%%EOF\n", xrefNum, xrefStream(t, entries, w.next, extra), xref)
	return w.b.Bytes()
}

// writer builds one update.
type writer struct {
	b       bytes.Buffer
	next    int
	plain   map[int]string
	offsets map[int]int
}

func newWriter(pdf []byte, size int, plain, compressed map[int]string) *writer {
	w := &writer{next: size, plain: map[int]string{}, offsets: map[int]int{}}
	w.b.Write(pdf)
	for n, src := range plain {
		w.plain[n] = src
		w.next = max(w.next, n+1)
	}
	for n := range compressed {
		w.next = max(w.next, n+1)
	}
	return w
}

func (w *writer) writePlain() {
	for _, n := range sortedKeys(w.plain) {
		w.offsets[n] = w.b.Len()
		fmt.Fprintf(&w.b, "%d 0 obj\n%s\nendobj\n", n, w.plain[n])
	}
}

type builtStream struct {
	num int
	src string
}

// xrefEntry is one row of a cross-reference stream: type 1 (a = offset)
// or type 2 (a = object stream, b = index).
type xrefEntry struct{ num, typ, a, b int }

// objectStream packs objs into a new deflated object stream.
func (w *writer) objectStream(t testing.TB, objs map[int]string) (builtStream, []xrefEntry) {
	t.Helper()
	num := w.next
	w.next++
	var head, body bytes.Buffer
	var entries []xrefEntry
	for i, n := range sortedKeys(objs) {
		fmt.Fprintf(&head, "%d %d ", n, body.Len())
		body.WriteString(objs[n])
		body.WriteByte('\n')
		entries = append(entries, xrefEntry{num: n, typ: 2, a: num, b: i})
	}
	data := deflate(t, append(head.Bytes(), body.Bytes()...))
	src := fmt.Sprintf("<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream",
		len(objs), head.Len(), len(data), data)
	return builtStream{num, src}, entries
}

// xrefStream is the source of a deflated cross-reference stream listing
// entries, with more trailer entries in extra.
func xrefStream(t testing.TB, entries []xrefEntry, size int, extra string) string {
	t.Helper()
	slices.SortFunc(entries, func(a, b xrefEntry) int { return a.num - b.num })
	var rows bytes.Buffer
	var index []string
	for _, e := range entries {
		index = append(index, fmt.Sprintf("%d 1", e.num))
		rows.WriteByte(byte(e.typ))
		rows.Write(binary.BigEndian.AppendUint32(nil, uint32(e.a)))
		rows.Write(binary.BigEndian.AppendUint16(nil, uint16(e.b)))
	}
	data := deflate(t, rows.Bytes())
	return fmt.Sprintf("<< /Type /XRef /Size %d /W [1 4 2] /Index [%s] %s /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream",
		size, strings.Join(index, " "), extra, len(data), data)
}

func deflate(t testing.TB, b []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	zw := zlib.NewWriter(&out)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func sortedKeys[V any](m map[int]V) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Sign appends what a signer appends to sign field number i (0: the
// customer's): a signature dictionary and the field's widget with its
// value set. The signature bytes are not real; their shape is (a DER
// SEQUENCE padded with zeros, as signers leave it).
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
	return AppendUpdate(t, pdf, map[int]string{refs[i]: widget.String(), f.Size: SignatureDict(SignatureValue)})
}

// SignatureWidget returns signature field number i's widget with its
// value set to object sig, and the object number sig should have.
func SignatureWidget(t testing.TB, pdf []byte, i int) (widgetNum int, widget string, sig int) {
	t.Helper()
	refs := SignatureFields(t, pdf)
	f, err := pdfupdate.Parse(pdf)
	if err != nil {
		t.Fatal(err)
	}
	d, err := f.Dict(refs[i])
	if err != nil {
		t.Fatal(err)
	}
	d.Set("/V", fmt.Sprintf("%d 0 R", f.Size))
	return refs[i], d.String(), f.Size
}

// SignatureDict is the source of a signature dictionary whose /Contents
// holds hexValue.
func SignatureDict(hexValue string) string {
	return "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 0 0 0] /Contents <" + hexValue + "> >>"
}

// SignatureValue is the hex of a well-formed but meaningless signature:
// SEQUENCE { INTEGER 0 } and zero padding.
const SignatureValue = "3003020100" + "0000000000000000"

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

// ContentObject returns the object number of page's (from 1) first
// content stream.
func ContentObject(t testing.TB, pdf []byte, page int) int {
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
	return refs[0]
}

// ShadowHybrid appends the hybrid-reference shadow attack: page's first
// content stream redefined by an object that only the /XRefStm stream
// lists, hidden with that stream inside another stream's data.
func ShadowHybrid(t testing.TB, pdf []byte, page int, text string) []byte {
	t.Helper()
	forged := map[int]string{ContentObject(t, pdf, page): Stream(text)}
	return AppendHybridUpdate(t, pdf, Hybrid{StreamOnly: forged, Hide: true})
}

// FieldWithScript appends an update that adds a text field named "total"
// with a JavaScript calculate action, listed in the form's calculation
// order. It returns the file and the new field's object number.
func FieldWithScript(t testing.TB, pdf []byte) ([]byte, int) {
	t.Helper()
	f, err := pdfupdate.Parse(pdf)
	if err != nil {
		t.Fatal(err)
	}
	catalogNum, catalog, err := f.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	fields := SignatureFields(t, pdf)
	field := f.Size
	catalog.Set("/AcroForm", fmt.Sprintf("<< /Fields [%d 0 R %d 0 R %d 0 R] /SigFlags 3 /CO [%d 0 R] >>", fields[0], fields[1], field, field))
	return AppendUpdate(t, pdf, map[int]string{
		catalogNum: catalog.String(),
		// #53 is S: readers undo the escape, so this is /JS.
		field: "<< /FT /Tx /T (total) /Subtype /Widget /Rect [0 0 0 0] /AA << /C << /S /JavaScript /J#53 (event.value = 999999) >> >> >>",
	}), field
}

// SignWith appends a signature on field i whose /Contents is hexValue.
func SignWith(t testing.TB, pdf []byte, i int, hexValue string) []byte {
	t.Helper()
	widgetNum, widget, sig := SignatureWidget(t, pdf, i)
	return AppendUpdate(t, pdf, map[int]string{widgetNum: widget, sig: SignatureDict(hexValue)})
}
