package pdfupdate

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// File is what this package knows about a PDF: its cross-reference chain
// and the newest trailer. It reads classic xref tables and objects
// "N G obj << ... >>", which is what gopdf and the signers we meet write;
// anything else gets an error that says so rather than a guess.
type File struct {
	text      string // the whole file; slicing a string copies nothing
	StartXref int    // offset of the newest xref section
	offsets   map[int]int
	Trailer   Dict // the newest trailer
	Size      int  // the newest trailer's /Size: the next free object number
}

// Parse reads the xref chain of data and its newest trailer.
func Parse(data []byte) (*File, error) {
	text := string(data)
	start, err := lastStartXref(text)
	if err != nil {
		return nil, err
	}
	f := &File{text: text, StartXref: start, offsets: map[int]int{}}
	seen := map[int]bool{}
	for off, first := start, true; ; first = false {
		if seen[off] {
			return nil, errors.New("xref /Prev loop")
		}
		seen[off] = true
		sec, err := readXref(text, off)
		if err != nil {
			return nil, err
		}
		for n, o := range sec.offsets {
			if _, newer := f.offsets[n]; !newer {
				f.offsets[n] = o
			}
		}
		if first {
			f.Trailer = sec.trailer
			v, _ := sec.trailer.Get("/Size")
			if f.Size, err = strconv.Atoi(v); err != nil {
				return nil, fmt.Errorf("trailer /Size %q: %w", v, err)
			}
		}
		prev, ok := sec.trailer.Get("/Prev")
		if !ok {
			return f, nil
		}
		if off, err = strconv.Atoi(prev); err != nil {
			return nil, fmt.Errorf("trailer /Prev %q: %w", prev, err)
		}
	}
}

// ObjectOffsets maps each object number to where its newest definition
// starts: what a writer that rewrites the file (render's deflate step)
// needs to find every object.
func (f *File) ObjectOffsets() map[int]int { return f.offsets }

// lastStartXref reads the offset after the last "startxref".
func lastStartXref(text string) (int, error) {
	tail := text[max(0, len(text)-1024):]
	i := strings.LastIndex(tail, "startxref")
	if i < 0 {
		return 0, errors.New("no startxref")
	}
	fields := strings.Fields(tail[i+len("startxref"):])
	if len(fields) == 0 {
		return 0, errors.New("startxref has no offset")
	}
	start, err := strconv.Atoi(fields[0])
	if err != nil {
		return 0, fmt.Errorf("startxref offset: %w", err)
	}
	return start, nil
}

// xrefSection is one classic cross-reference table and its trailer.
type xrefSection struct {
	offsets map[int]int // objects in use -> byte offset
	freed   []int       // objects marked free (other than object 0)
	trailer Dict
	end     int // just after the trailer dictionary
}

// readXref reads the classic xref section at off.
func readXref(text string, off int) (xrefSection, error) {
	if off < 0 || off >= len(text) {
		return xrefSection{}, fmt.Errorf("xref offset %d outside file", off)
	}
	rest := text[off:]
	if !strings.HasPrefix(rest, "xref") {
		return xrefSection{}, fmt.Errorf("no classic xref table at offset %d (cross-reference streams are not supported)", off)
	}
	t := strings.Index(rest, "trailer")
	if t < 0 {
		return xrefSection{}, errors.New("xref without trailer")
	}
	sec := xrefSection{offsets: map[int]int{}}
	lines := strings.Split(strings.ReplaceAll(rest[len("xref"):t], "\r", "\n"), "\n")
	obj, left := 0, 0
	for _, ln := range lines {
		fs := strings.Fields(ln)
		switch {
		case len(fs) == 0:
		case left == 0 && len(fs) == 2: // subsection header "first count"
			a, err1 := strconv.Atoi(fs[0])
			b, err2 := strconv.Atoi(fs[1])
			if err1 != nil || err2 != nil || a < 0 || b < 0 {
				return xrefSection{}, fmt.Errorf("bad xref subsection %q", ln)
			}
			obj, left = a, b
		case left > 0 && len(fs) == 3:
			o, err := strconv.Atoi(fs[0])
			if err != nil {
				return xrefSection{}, fmt.Errorf("bad xref entry %q", ln)
			}
			switch {
			case fs[2] == "n":
				sec.offsets[obj] = o
			case obj != 0:
				sec.freed = append(sec.freed, obj)
			}
			obj++
			left--
		default:
			return xrefSection{}, fmt.Errorf("bad xref line %q", ln)
		}
	}
	body := skipSpace(text, off+t+len("trailer"))
	if !strings.HasPrefix(text[body:], "<<") {
		return xrefSection{}, errors.New("trailer is not a dictionary")
	}
	end, err := skipValue(text, body)
	if err != nil {
		return xrefSection{}, fmt.Errorf("trailer dictionary: %w", err)
	}
	if sec.trailer, err = ParseDict(text[body:end]); err != nil {
		return xrefSection{}, fmt.Errorf("trailer dictionary: %w", err)
	}
	sec.end = end
	return sec, nil
}

// Dict reads object n, which must be a dictionary (a stream's dictionary
// counts).
func (f *File) Dict(n int) (Dict, error) { return readDict(f.text, f.offsets, n) }

// readDict reads object n, found through offsets, as a dictionary.
func readDict(text string, offsets map[int]int, n int) (Dict, error) {
	off, ok := offsets[n]
	if !ok {
		return Dict{}, fmt.Errorf("object %d not in xref", n)
	}
	o, err := readObject(text, off, n)
	if err != nil {
		return Dict{}, err
	}
	return o.dict()
}

// Catalog returns the document catalog and its object number.
func (f *File) Catalog() (int, Dict, error) {
	root, ok := f.Trailer.Ref("/Root")
	if !ok {
		return 0, Dict{}, errors.New("trailer has no /Root")
	}
	catalog, err := f.Dict(root)
	if err != nil {
		return 0, Dict{}, fmt.Errorf("catalog: %w", err)
	}
	return root, catalog, nil
}

// SignatureFields returns the objects listed in the catalog's direct
// /AcroForm /Fields array, as the export writes it; none if there is no form.
func SignatureFields(catalog Dict) ([]int, error) {
	form, ok := catalog.Get("/AcroForm")
	if !ok {
		return nil, nil
	}
	d, err := ParseDict(form)
	if err != nil {
		return nil, fmt.Errorf("/AcroForm: %w", err)
	}
	fields, _ := d.Get("/Fields")
	return Refs(fields)
}

// object is the source text of one indirect object.
type object struct {
	value string // the value after "N G obj", without any stream data
	end   int    // just after "endobj"
}

func (o object) dict() (Dict, error) {
	if !strings.HasPrefix(o.value, "<<") {
		return Dict{}, errors.New("not a dictionary")
	}
	return ParseDict(o.value)
}

// readObject reads object n at off: its value, a stream's data skipped by
// its /Length (or, when that is indirect, up to "endstream"), up to
// "endobj".
func readObject(text string, off, n int) (object, error) {
	if off < 0 || off >= len(text) {
		return object{}, fmt.Errorf("object %d: offset %d outside file", n, off)
	}
	head := strconv.Itoa(n) + " "
	if !strings.HasPrefix(text[off:], head) {
		return object{}, fmt.Errorf("object %d: xref offset does not point at it", n)
	}
	i := skipSpace(text, off+len(head))
	gen, err := skipValue(text, i)
	if err != nil {
		return object{}, fmt.Errorf("object %d: %w", n, err)
	}
	i = skipSpace(text, gen)
	if !strings.HasPrefix(text[i:], "obj") {
		return object{}, fmt.Errorf("object %d: xref offset does not point at it", n)
	}
	start := skipSpace(text, i+len("obj"))
	end, err := skipValue(text, start)
	if err != nil {
		return object{}, fmt.Errorf("object %d: %w", n, err)
	}
	o := object{value: text[start:end]}
	i = skipSpace(text, end)
	if strings.HasPrefix(text[i:], "stream") {
		if i, err = skipStream(text, i, o); err != nil {
			return object{}, fmt.Errorf("object %d: %w", n, err)
		}
		i = skipSpace(text, i)
	}
	if !strings.HasPrefix(text[i:], "endobj") {
		return object{}, fmt.Errorf("object %d: no endobj", n)
	}
	o.end = i + len("endobj")
	return o, nil
}

// skipStream returns the offset just after the "endstream" of the stream
// whose keyword starts at i.
func skipStream(text string, i int, o object) (int, error) {
	i += len("stream")
	if strings.HasPrefix(text[i:], "\r\n") {
		i += 2
	} else if strings.HasPrefix(text[i:], "\n") {
		i++
	}
	if d, err := o.dict(); err == nil {
		if v, ok := d.Get("/Length"); ok {
			if n, err := strconv.Atoi(v); err == nil && n >= 0 && i+n <= len(text) {
				if j := skipSpace(text, i+n); strings.HasPrefix(text[j:], "endstream") {
					return j + len("endstream"), nil
				}
			}
		}
	}
	j := strings.Index(text[i:], "endstream")
	if j < 0 {
		return 0, errors.New("unterminated stream")
	}
	return i + j + len("endstream"), nil
}

// Pages returns the page object numbers in page order.
func (f *File) Pages() ([]int, error) {
	_, catalog, err := f.Catalog()
	if err != nil {
		return nil, err
	}
	pages, ok := catalog.Ref("/Pages")
	if !ok {
		return nil, errors.New("catalog has no /Pages")
	}
	return f.pageList(pages, 0, nil)
}

// pageList appends the pages under page tree node n to out.
func (f *File) pageList(n, depth int, out []int) ([]int, error) {
	if depth > 32 {
		return nil, errors.New("page tree too deep")
	}
	d, err := f.Dict(n)
	if err != nil {
		return nil, fmt.Errorf("page tree: %w", err)
	}
	if t, _ := d.Get("/Type"); t == "/Page" {
		return append(out, n), nil
	}
	kids, ok := d.Get("/Kids")
	if !ok || !strings.HasPrefix(kids, "[") {
		return nil, fmt.Errorf("page tree node %d has no /Kids array", n)
	}
	refs, err := Refs(kids)
	if err != nil {
		return nil, fmt.Errorf("page tree node %d: %w", n, err)
	}
	for _, k := range refs {
		if out, err = f.pageList(k, depth+1, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Refs returns the object numbers of an array of indirect references
// "[1 0 R 2 0 R]".
func Refs(array string) ([]int, error) {
	fs := strings.Fields(strings.Trim(strings.TrimSpace(array), "[]"))
	if len(fs)%3 != 0 {
		return nil, fmt.Errorf("bad reference list %q", clip(array))
	}
	refs := make([]int, 0, len(fs)/3)
	for i := 0; i < len(fs); i += 3 {
		k, err := strconv.Atoi(fs[i])
		if err != nil || fs[i+2] != "R" {
			return nil, fmt.Errorf("bad reference %q", strings.Join(fs[i:i+3], " "))
		}
		refs = append(refs, k)
	}
	return refs, nil
}
