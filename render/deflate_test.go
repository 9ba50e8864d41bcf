package render

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"testing"

	"github.com/signintech/gopdf"
)

// streams returns the data of every stream in pdf, inflated when its
// dictionary says /FlateDecode, and how many were not compressed.
func streams(t *testing.T, pdf []byte) (data [][]byte, raw int) {
	t.Helper()
	re := regexp.MustCompile(`(?s)<<([^<>]*?)/Length (\d+)\n(/Length1 \d+\n)?>>\nstream\n`)
	for _, m := range re.FindAllSubmatchIndex(pdf, -1) {
		dict := string(pdf[m[0]:m[1]])
		n, _ := strconv.Atoi(string(pdf[m[4]:m[5]]))
		body := pdf[m[1] : m[1]+n]
		if !regexp.MustCompile(`/Filter ?/FlateDecode`).MatchString(dict) {
			raw++
			data = append(data, body)
			continue
		}
		zr, err := zlib.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("stream %q: %v", dict, err)
		}
		b, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("stream %q: %v", dict, err)
		}
		data = append(data, b)
	}
	return data, raw
}

// TestPageStreamsDeflated: a rendered agreement has no uncompressed stream.
func TestPageStreamsDeflated(t *testing.T) {
	pdf, _, err := PDF(fixture())
	if err != nil {
		t.Fatal(err)
	}
	got, raw := streams(t, pdf)
	if raw != 0 || len(got) < 4 {
		t.Errorf("%d streams, %d of them uncompressed; want pages and fonts, all deflated", len(got), raw)
	}
}

// TestDeflateStreamsKeepsContent: what gopdf wrote uncompressed inflates
// back to exactly the same bytes, in the same order.
func TestDeflateStreamsKeepsContent(t *testing.T) {
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	gp.SetNoCompression()
	if err := gp.AddTTFFontFromFontContainer(fontSources[regular].family, r.fonts.container); err != nil {
		t.Fatal(err)
	}
	if err := gp.SetFont(fontSources[regular].family, "", 12); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"first page", "second page", "third page"} {
		gp.AddPage()
		if err := gp.Text(text); err != nil {
			t.Fatal(err)
		}
	}
	raw, err := gp.GetBytesPdfReturnErr()
	if err != nil {
		t.Fatal(err)
	}
	var p deflaters
	out, err := p.get().deflateStreams(raw)
	if err != nil {
		t.Fatal(err)
	}
	before, rawBefore := streams(t, raw)
	after, rawAfter := streams(t, out)
	if rawBefore < 3 || rawAfter != 0 {
		t.Fatalf("uncompressed streams: %d before, %d after; want >= 3 and 0", rawBefore, rawAfter)
	}
	if len(before) != len(after) {
		t.Fatalf("%d streams before, %d after", len(before), len(after))
	}
	for i := range before {
		if !bytes.Equal(before[i], after[i]) {
			t.Errorf("stream %d changed:\n%q\n%q", i, before[i], after[i])
		}
	}
	if len(out) >= len(raw) {
		t.Errorf("deflated file is %d bytes, gopdf's raw one %d", len(out), len(raw))
	}
}

// TestDeflateStreamsRefusesABrokenFile: output that is not a PDF gopdf
// wrote is an error, not a silently damaged file.
func TestDeflateStreamsRefusesABrokenFile(t *testing.T) {
	var p deflaters
	d := p.get()
	for name, in := range map[string]string{
		"empty":        "",
		"no xref":      "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n",
		"short stream": "%PDF-1.7\n1 0 obj\n<<\n/Length 99\n>>\nstream\nabc\nendstream\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<<\n/Size 2\n>>\nstartxref\n64\n%%EOF\n",
	} {
		if _, err := d.deflateStreams([]byte(in)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// FuzzDeflateStreams: whatever the bytes, an error or a file, never a panic.
func FuzzDeflateStreams(f *testing.F) {
	pdf, _, err := PDF(fixture())
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(nil))
	f.Add([]byte("%PDF-1.7\n1 0 obj\n<<\n/Length 3\n>>\nstream\nabcendstream\nendobj\n\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<<\n/Size 2\n>>\nstartxref\n53\n%%EOF\n"))
	f.Add(pdf[len(pdf)-300:])
	var p deflaters
	f.Fuzz(func(t *testing.T, in []byte) {
		d := p.get()
		defer p.put(d)
		_, _ = d.deflateStreams(in)
	})
}
