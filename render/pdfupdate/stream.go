package pdfupdate

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// This file reads the two kinds of stream that hold a PDF's structure
// rather than its pictures: cross-reference streams (PDF 1.5), which may
// stand alone or back a classic trailer's /XRefStm, and object streams,
// which hold objects compressed together. A forged update can hide the
// object it changes in either, so both are read, within fixed limits.

// budget caps the bytes inflated while reading one file, so a stream that
// inflates enormously, or many of them, costs bounded time and memory.
type budget struct{ left int }

// maxInflatedPerFile is the most all of one file's streams may inflate to.
const maxInflatedPerFile = 256 << 20

func newBudget() *budget { return &budget{left: maxInflatedPerFile} }

// decodeStream returns a stream's data with its filter undone: none, or
// /FlateDecode with an optional PNG predictor, which is what writers use
// for cross-reference and object streams.
func decodeStream(d Dict, data string, b *budget) ([]byte, error) {
	filter, _ := d.Get("/Filter")
	filter = strings.Trim(strings.TrimSpace(filter), "[] ")
	var raw []byte
	switch filter {
	case "":
		raw = []byte(data)
	case "/FlateDecode":
		zr, err := zlib.NewReader(strings.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("inflate: %w", err)
		}
		limit := min(maxDecoded, b.left)
		raw, err = io.ReadAll(io.LimitReader(zr, int64(limit)+1))
		if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, fmt.Errorf("inflate: %w", err)
		}
		if len(raw) > limit {
			return nil, fmt.Errorf("a stream inflates to more than %d MB, the most this reader accepts", limit>>20)
		}
	default:
		return nil, fmt.Errorf("stream filter %s is not supported here", clip(filter))
	}
	b.left -= len(raw)
	parms, _ := d.Get("/DecodeParms")
	parms = strings.Trim(strings.TrimSpace(parms), "[] ")
	if parms == "" || parms == "null" {
		return raw, nil
	}
	pd, err := ParseDict(parms)
	if err != nil {
		return nil, fmt.Errorf("/DecodeParms: %w", err)
	}
	predictor := intEntry(pd, "/Predictor", 1)
	switch {
	case predictor == 1:
		return raw, nil
	case predictor >= 10 && predictor <= 15:
		return unpredictPNG(raw, intEntry(pd, "/Columns", 1))
	}
	return nil, fmt.Errorf("/Predictor %d is not supported here", predictor)
}

// intEntry reads a small non-negative integer entry, or def when absent
// or not one.
func intEntry(d Dict, key string, def int) int {
	v, ok := d.Get(key)
	if !ok {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > maxObjectNumber {
		return -1
	}
	return n
}

// unpredictPNG undoes the PNG row filters (one filter byte per row of
// columns bytes), one byte per pixel as cross-reference streams use them.
func unpredictPNG(raw []byte, columns int) ([]byte, error) {
	if columns < 1 || columns > 1<<16 {
		return nil, fmt.Errorf("/Columns %d out of range", columns)
	}
	row := columns + 1
	if len(raw)%row != 0 {
		return nil, errors.New("predicted data is not whole rows")
	}
	out := make([]byte, 0, len(raw)/row*columns)
	prev := make([]byte, columns)
	for i := 0; i < len(raw); i += row {
		filter, cur := raw[i], slicesClone(raw[i+1:i+row])
		for j := range cur {
			var left, up, upLeft byte
			if j > 0 {
				left, upLeft = cur[j-1], prev[j-1]
			}
			up = prev[j]
			switch filter {
			case 0:
			case 1:
				cur[j] += left
			case 2:
				cur[j] += up
			case 3:
				cur[j] += byte((int(left) + int(up)) / 2)
			case 4:
				cur[j] += paeth(left, up, upLeft)
			default:
				return nil, fmt.Errorf("PNG row filter %d unknown", filter)
			}
		}
		out = append(out, cur...)
		prev = cur
	}
	return out, nil
}

func slicesClone(b []byte) []byte { return append([]byte(nil), b...) }

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// objectNumberAt reads N from "N G obj" at off.
func objectNumberAt(text string, off int) (int, error) {
	if off < 0 || off >= len(text) {
		return 0, fmt.Errorf("offset %d outside file", off)
	}
	end, err := skipValue(text, off)
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(text[off:end])
	if err != nil || n < 0 || n > maxObjectNumber {
		return 0, fmt.Errorf("no object at offset %d", off)
	}
	return n, nil
}

// readXrefStream reads the cross-reference stream object at off.
func readXrefStream(text string, off int, b *budget) (xrefSection, error) {
	num, err := objectNumberAt(text, off)
	if err != nil {
		return xrefSection{}, fmt.Errorf("no cross-reference table or stream at offset %d", off)
	}
	o, err := readObject(text, off, num)
	if err != nil {
		return xrefSection{}, fmt.Errorf("cross-reference stream: %w", err)
	}
	d, err := o.dict()
	if err != nil {
		return xrefSection{}, fmt.Errorf("cross-reference stream %d: %w", num, err)
	}
	if t, _ := d.Get("/Type"); t != "/XRef" {
		return xrefSection{}, fmt.Errorf("object %d at offset %d is not a cross-reference stream", num, off)
	}
	data, err := decodeStream(d, o.data, b)
	if err != nil {
		return xrefSection{}, fmt.Errorf("cross-reference stream %d: %w", num, err)
	}
	sec := xrefSection{objects: map[int]location{}, trailer: d, end: o.end, streams: []placedObject{{num, off}}}
	if err := readXrefEntries(d, data, &sec); err != nil {
		return xrefSection{}, fmt.Errorf("cross-reference stream %d: %w", num, err)
	}
	return sec, nil
}

// readXrefEntries decodes the rows of a cross-reference stream.
func readXrefEntries(d Dict, data []byte, sec *xrefSection) error {
	wv, _ := d.Get("/W")
	w, err := ints(wv, 3)
	if err != nil {
		return fmt.Errorf("/W: %w", err)
	}
	width := 0
	for _, x := range w {
		if x > 8 {
			return fmt.Errorf("/W field of %d bytes", x)
		}
		width += x
	}
	if width == 0 {
		return errors.New("/W is all zero")
	}
	size := intEntry(d, "/Size", -1)
	if size < 0 {
		return errors.New("/Size missing or out of range")
	}
	index := []int{0, size}
	if v, ok := d.Get("/Index"); ok {
		if index, err = ints(v, -1); err != nil || len(index)%2 != 0 {
			return fmt.Errorf("/Index %q is not pairs of numbers", clip(v))
		}
	}
	row := 0
	for p := 0; p < len(index); p += 2 {
		first, count := index[p], index[p+1]
		if first > maxObjectNumber || count > maxObjectNumber {
			return fmt.Errorf("/Index subsection %d %d out of range", first, count)
		}
		for k := 0; k < count; k++ {
			if (row+1)*width > len(data) {
				return errors.New("the stream is shorter than its /Index says")
			}
			f := fields(data[row*width:(row+1)*width], w)
			row++
			n := first + k
			typ := 1
			if w[0] > 0 {
				typ = f[0]
			}
			switch typ {
			case 0:
				if n != 0 {
					sec.freed = append(sec.freed, n)
				}
			case 1:
				sec.objects[n] = location{off: f[1]}
			case 2:
				if f[1] > maxObjectNumber || f[2] > maxObjectNumber {
					return fmt.Errorf("object %d: object stream %d index %d out of range", n, f[1], f[2])
				}
				sec.objects[n] = location{off: -1, stream: f[1], index: f[2]}
			}
			// Other types are reserved and mean "null object": nothing.
		}
	}
	return nil
}

// fields splits one row into its big-endian fields of widths w.
func fields(row []byte, w []int) [3]int {
	var out [3]int
	i := 0
	for k, width := range w {
		v := 0
		for j := 0; j < width; j++ {
			v = v<<8 | int(row[i])
			i++
		}
		if v < 0 || v > 1<<48 {
			v = 1 << 48 // beyond any file: reads as an offset outside it
		}
		out[k] = v
	}
	return out
}

// ints reads an array of small non-negative integers; want < 0 takes any
// count.
func ints(array string, want int) ([]int, error) {
	fs := strings.Fields(strings.NewReplacer("[", " ", "]", " ").Replace(array))
	if want >= 0 && len(fs) != want {
		return nil, fmt.Errorf("want %d numbers, found %d", want, len(fs))
	}
	if len(fs) > 2*maxSections {
		return nil, errors.New("too many numbers")
	}
	out := make([]int, len(fs))
	for i, s := range fs {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return nil, fmt.Errorf("%q is not a non-negative integer", clip(s))
		}
		out[i] = n
	}
	return out, nil
}

// objectStream is an inflated object stream: where each object's value
// starts, in header order.
type objectStream struct {
	nums    []int
	offsets []int
	data    string
}

// readCompressed reads object n from the object stream loc names.
func readCompressed(text string, objects *table, n int, loc location) (object, error) {
	stm, ok := objects.stms[loc.stream]
	if !ok {
		var err error
		if stm, err = inflateObjectStream(text, objects, loc.stream); err != nil {
			return object{}, fmt.Errorf("object %d: %w", n, err)
		}
		objects.stms[loc.stream] = stm
	}
	if loc.index >= len(stm.nums) || stm.nums[loc.index] != n {
		return object{}, fmt.Errorf("object %d: not at index %d of object stream %d", n, loc.index, loc.stream)
	}
	start := stm.offsets[loc.index]
	end, err := skipValue(stm.data, start)
	if err != nil {
		return object{}, fmt.Errorf("object %d in object stream %d: %w", n, loc.stream, err)
	}
	end = extendRef(stm.data, start, end)
	return object{value: stm.data[start:end]}, nil
}

// inflateObjectStream reads object stream number s, which must itself be
// at a byte offset (object streams do not nest).
func inflateObjectStream(text string, objects *table, s int) (objectStream, error) {
	loc, ok := objects.at[s]
	if !ok || loc.off < 0 {
		return objectStream{}, fmt.Errorf("object stream %d is not an object at a byte offset", s)
	}
	o, err := readObject(text, loc.off, s)
	if err != nil {
		return objectStream{}, err
	}
	d, err := o.dict()
	if err != nil {
		return objectStream{}, fmt.Errorf("object stream %d: %w", s, err)
	}
	if t, _ := d.Get("/Type"); t != "/ObjStm" {
		return objectStream{}, fmt.Errorf("object %d is not an object stream", s)
	}
	data, err := decodeStream(d, o.data, objects.inflate)
	if err != nil {
		return objectStream{}, fmt.Errorf("object stream %d: %w", s, err)
	}
	count, first := intEntry(d, "/N", -1), intEntry(d, "/First", -1)
	if count < 0 || first < 0 || first > len(data) || count > len(data) {
		return objectStream{}, fmt.Errorf("object stream %d: /N or /First out of range", s)
	}
	head, err := ints(string(data[:first]), 2*count)
	if err != nil {
		return objectStream{}, fmt.Errorf("object stream %d header: %w", s, err)
	}
	stm := objectStream{data: string(data[first:])}
	for i := 0; i < len(head); i += 2 {
		if head[i+1] >= len(stm.data) {
			return objectStream{}, fmt.Errorf("object stream %d: object %d starts past its end", s, head[i])
		}
		stm.nums = append(stm.nums, head[i])
		stm.offsets = append(stm.offsets, head[i+1])
	}
	return stm, nil
}

// isZero reports whether b holds only zero bytes.
func isZero(b []byte) bool { return len(bytes.Trim(b, "\x00")) == 0 }
