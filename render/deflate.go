package render

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"slices"
	"strconv"
	"sync"

	"pactwright/render/pdfupdate"
)

// Why this file exists: gopdf makes a new zlib compressor for every content
// stream it writes (one per page). A compressor is about a megabyte of
// tables that Go must zero, so a 17-page agreement allocated 26 MB and spent
// a third of its render time clearing memory and returning it to the OS.
// gopdf has no hook for its compressor, so the Renderer asks gopdf for
// uncompressed page streams and deflates them here afterwards with
// compressors it keeps for reuse, rewriting the cross-reference table to
// match. Font streams are left as gopdf compressed them.

// deflaters hands out deflaters for reuse between renders (and between
// goroutines: a Renderer may render several documents at once).
type deflaters struct{ pool sync.Pool }

// deflater is what one render needs to compress its page streams: gopdf's
// raw output, a compressor and a buffer for one compressed stream.
type deflater struct {
	raw, scratch bytes.Buffer
	zw           *zlib.Writer
}

func (p *deflaters) get() *deflater {
	if d, ok := p.pool.Get().(*deflater); ok {
		d.raw.Reset()
		return d
	}
	// BestSpeed: a third quicker than the default level for about 20% more
	// bytes, which keeps a full agreement well under its size budget.
	zw, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed) // the level is valid
	return &deflater{zw: zw}
}

func (p *deflaters) put(d *deflater) { p.pool.Put(d) }

// rawStreamHead is how gopdf opens a content stream it did not compress.
var rawStreamHead = []byte("<<\n/Length ")

// deflateStreams compresses the uncompressed streams of a PDF that gopdf
// wrote with SetNoCompression and returns the rewritten file, objects in the
// same order with a new xref table. Any object of another shape is copied
// as it is.
func (d *deflater) deflateStreams(pdf []byte) ([]byte, error) {
	f, err := pdfupdate.Parse(pdf)
	if err != nil {
		return nil, fmt.Errorf("read gopdf output: %w", err)
	}
	offsets := f.ObjectOffsets()
	trailerAt := bytes.LastIndex(pdf, []byte("\ntrailer\n"))
	if trailerAt < f.StartXref {
		return nil, fmt.Errorf("read gopdf output: no trailer after the xref table")
	}
	ids := make([]int, 0, len(offsets))
	for id := range offsets {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b int) int { return offsets[a] - offsets[b] })
	if len(ids) == 0 || offsets[ids[0]] <= 0 || offsets[ids[len(ids)-1]] >= f.StartXref {
		return nil, fmt.Errorf("read gopdf output: object offsets outside the body")
	}

	out := bytes.NewBuffer(make([]byte, 0, len(pdf)/3))
	out.Write(pdf[:offsets[ids[0]]])
	newOffsets := make(map[int]int, len(ids))
	for i, id := range ids {
		end := f.StartXref
		if i+1 < len(ids) {
			end = offsets[ids[i+1]]
		}
		newOffsets[id] = out.Len()
		if err := d.writeObject(out, pdf[offsets[id]:end]); err != nil {
			return nil, fmt.Errorf("object %d: %w", id, err)
		}
	}

	xref := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", f.Size)
	for id := 1; id < f.Size; id++ {
		off, ok := newOffsets[id]
		if !ok {
			out.WriteString("0000000000 65535 f \n")
			continue
		}
		fmt.Fprintf(out, "%010d 00000 n \n", off)
	}
	trailer := pdf[trailerAt+1:]
	end := bytes.LastIndex(trailer, []byte("startxref"))
	if end < 0 {
		return nil, fmt.Errorf("read gopdf output: no startxref after the trailer")
	}
	out.Write(trailer[:end])
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", xref)
	return out.Bytes(), nil
}

// writeObject copies one "N 0 obj ... endobj" to out, deflating its stream
// when gopdf left it raw.
func (d *deflater) writeObject(out *bytes.Buffer, obj []byte) error {
	headEnd := bytes.IndexByte(obj, '\n') + 1
	if headEnd == 0 || !bytes.HasPrefix(obj[headEnd:], rawStreamHead) {
		out.Write(obj)
		return nil
	}
	rest := obj[headEnd+len(rawStreamHead):]
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 {
		out.Write(obj)
		return nil
	}
	length, err := strconv.Atoi(string(rest[:nl]))
	const open = "\n>>\nstream\n"
	if err != nil || !bytes.HasPrefix(rest[nl:], []byte(open)) {
		out.Write(obj) // some other dictionary that starts with /Length
		return nil
	}
	data := rest[nl+len(open):]
	if length < 0 || length > len(data) || !bytes.HasPrefix(data[length:], []byte("endstream")) {
		return fmt.Errorf("stream /Length %d does not end at endstream", length)
	}
	tail := data[length:]
	data = data[:length]

	z := &d.scratch
	z.Reset()
	d.zw.Reset(z)
	if _, err := d.zw.Write(data); err != nil {
		return fmt.Errorf("deflate stream: %w", err)
	}
	if err := d.zw.Close(); err != nil {
		return fmt.Errorf("deflate stream: %w", err)
	}
	out.Write(obj[:headEnd])
	fmt.Fprintf(out, "<<\n/Filter/FlateDecode/Length %d\n>>\nstream\n", z.Len())
	out.Write(z.Bytes())
	out.WriteByte('\n')
	out.Write(tail)
	return nil
}
