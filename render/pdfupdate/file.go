package pdfupdate

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// File is what this package knows about a PDF: its cross-reference chain
// and the newest trailer. It reads every cross-reference form a PDF may
// use: classic tables, cross-reference streams, hybrid files whose classic
// trailer points to a stream with /XRefStm, and objects kept inside object
// streams. Anything it cannot read gets an error that says so rather than
// a guess.
type File struct {
	text      string // the whole file; slicing a string copies nothing
	StartXref int    // offset of the newest xref section
	objects   *table
	Trailer   Dict // the newest trailer
	Size      int  // the newest trailer's /Size: the next free object number
}

// location is where the newest definition of an object is: at a byte
// offset in the file, or inside an object stream.
type location struct {
	off    int // byte offset of "N G obj"; -1 when the object is in a stream
	stream int // the object stream that holds it, when off < 0
	index  int // its place in that stream
}

// table maps object numbers to where they are defined, and keeps the
// object streams it has inflated so each is inflated once.
type table struct {
	at      map[int]location
	inflate *budget
	stms    map[int]objectStream
}

func newTable(b *budget) *table {
	return &table{at: map[int]location{}, inflate: b, stms: map[int]objectStream{}}
}

// define records where object n's newest definition is, forgetting an
// object stream inflated under that number before.
func (t *table) define(n int, loc location) {
	t.at[n] = loc
	delete(t.stms, n)
}

// Limits on what a file may ask this package to do, so that any input is
// read in bounded time and memory.
const (
	maxObjectNumber = 10_000_000 // a /Size or object number beyond this is not a real file
	maxDecoded      = 32 << 20   // bytes one stream may inflate to
	maxNesting      = 200        // arrays and dictionaries inside one another
	maxPages        = 100_000
	maxSections     = 10_000 // cross-reference sections in one chain
)

// Parse reads the xref chain of data and its newest trailer.
func Parse(data []byte) (*File, error) {
	text := string(data)
	start, err := lastStartXref(text)
	if err != nil {
		return nil, err
	}
	f := &File{text: text, StartXref: start, objects: newTable(newBudget())}
	seen := map[int]bool{}
	for off, first := start, true; ; first = false {
		if seen[off] {
			return nil, errors.New("xref /Prev loop")
		}
		if len(seen) >= maxSections {
			return nil, fmt.Errorf("more than %d cross-reference sections", maxSections)
		}
		seen[off] = true
		sec, err := readSection(text, off, f.objects.inflate)
		if err != nil {
			return nil, err
		}
		for n, loc := range sec.objects {
			if _, newer := f.objects.at[n]; !newer {
				f.objects.at[n] = loc
			}
		}
		if first {
			f.Trailer = sec.trailer
			v, _ := sec.trailer.Get("/Size")
			if f.Size, err = strconv.Atoi(v); err != nil {
				return nil, fmt.Errorf("trailer /Size %q: %w", clip(v), err)
			}
			if f.Size < 0 || f.Size > maxObjectNumber {
				return nil, fmt.Errorf("trailer /Size %d is outside 0 to %d", f.Size, maxObjectNumber)
			}
		}
		prev, ok := sec.trailer.Get("/Prev")
		if !ok {
			return f, nil
		}
		if off, err = strconv.Atoi(prev); err != nil {
			return nil, fmt.Errorf("trailer /Prev %q: %w", clip(prev), err)
		}
	}
}

// ObjectOffsets maps each object number to where its newest definition
// starts: what a writer that rewrites the file (render's deflate step)
// needs to find every object. Objects inside object streams have no
// offset of their own and are left out.
func (f *File) ObjectOffsets() map[int]int {
	out := make(map[int]int, len(f.objects.at))
	for n, loc := range f.objects.at {
		if loc.off >= 0 {
			out[n] = loc.off
		}
	}
	return out
}

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

// xrefSection is one cross-reference section, in any of its forms, and
// its trailer.
type xrefSection struct {
	objects map[int]location // objects in use
	freed   []int            // objects marked free (other than object 0)
	trailer Dict
	end     int // just after the trailer dictionary, or the xref stream's endobj
	// streams are the cross-reference stream objects this section is
	// made of: the section itself, or the hybrid trailer's /XRefStm.
	streams []placedObject
	classic bool // the section starts with the keyword "xref"
}

// placedObject is an object at a byte offset.
type placedObject struct{ num, off int }

// readSection reads the cross-reference section at off: a classic table
// (with the stream its trailer's /XRefStm names, if any) or a stream.
func readSection(text string, off int, b *budget) (xrefSection, error) {
	if off < 0 || off >= len(text) {
		return xrefSection{}, fmt.Errorf("xref offset %d outside file", off)
	}
	if !strings.HasPrefix(text[off:], "xref") {
		return readXrefStream(text, off, b)
	}
	sec, err := readClassic(text, off)
	if err != nil {
		return sec, err
	}
	v, hybrid := sec.trailer.Get("/XRefStm")
	if !hybrid {
		return sec, nil
	}
	stm, err := strconv.Atoi(v)
	if err != nil {
		return xrefSection{}, fmt.Errorf("trailer /XRefStm %q: not an offset", clip(v))
	}
	extra, err := readXrefStream(text, stm, b)
	if err != nil {
		return xrefSection{}, fmt.Errorf("the /XRefStm stream of a hybrid trailer: %w", err)
	}
	// A reader looks in the classic table first, then in the stream.
	for n, loc := range extra.objects {
		if _, listed := sec.objects[n]; !listed {
			sec.objects[n] = loc
		}
	}
	sec.freed = append(sec.freed, extra.freed...)
	sec.streams = extra.streams
	return sec, nil
}

// readClassic reads the classic xref section at off.
func readClassic(text string, off int) (xrefSection, error) {
	rest := text[off:]
	t := strings.Index(rest, "trailer")
	if t < 0 {
		return xrefSection{}, errors.New("xref without trailer")
	}
	sec := xrefSection{objects: map[int]location{}, classic: true}
	lines := strings.Split(strings.ReplaceAll(rest[len("xref"):t], "\r", "\n"), "\n")
	obj, left := 0, 0
	for _, ln := range lines {
		fs := strings.Fields(ln)
		switch {
		case len(fs) == 0:
		case left == 0 && len(fs) == 2: // subsection header "first count"
			a, err1 := strconv.Atoi(fs[0])
			b, err2 := strconv.Atoi(fs[1])
			if err1 != nil || err2 != nil || a < 0 || b < 0 || a > maxObjectNumber || b > maxObjectNumber {
				return xrefSection{}, fmt.Errorf("bad xref subsection %q", clip(ln))
			}
			obj, left = a, b
		case left > 0 && len(fs) == 3:
			o, err := strconv.Atoi(fs[0])
			if err != nil {
				return xrefSection{}, fmt.Errorf("bad xref entry %q", clip(ln))
			}
			switch {
			case fs[2] == "n":
				sec.objects[obj] = location{off: o}
			case obj != 0:
				sec.freed = append(sec.freed, obj)
			}
			obj++
			left--
		default:
			return xrefSection{}, fmt.Errorf("bad xref line %q", clip(ln))
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
func (f *File) Dict(n int) (Dict, error) { return readDict(f.text, f.objects, n) }

// Value reads the source text of object n's value, whatever its type.
func (f *File) Value(n int) (string, error) {
	o, err := readAt(f.text, f.objects, n)
	return o.value, err
}

// readDict reads object n, found through objects, as a dictionary.
func readDict(text string, objects *table, n int) (Dict, error) {
	o, err := readAt(text, objects, n)
	if err != nil {
		return Dict{}, err
	}
	d, err := o.dict()
	if err != nil {
		return Dict{}, fmt.Errorf("object %d: %w", n, err)
	}
	return d, nil
}

// readAt reads object n wherever objects says it is.
func readAt(text string, objects *table, n int) (object, error) {
	loc, ok := objects.at[n]
	if !ok {
		return object{}, fmt.Errorf("object %d not in xref", n)
	}
	if loc.off >= 0 {
		return readObject(text, loc.off, n)
	}
	return readCompressed(text, objects, n, loc)
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
	data  string // a stream's raw (still encoded) data
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
		if i, err = skipStream(text, i, &o); err != nil {
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
// whose keyword starts at i, and keeps the stream's data in o.
func skipStream(text string, i int, o *object) (int, error) {
	i += len("stream")
	if strings.HasPrefix(text[i:], "\r\n") {
		i += 2
	} else if strings.HasPrefix(text[i:], "\n") {
		i++
	}
	if d, err := o.dict(); err == nil {
		if v, ok := d.Get("/Length"); ok {
			if n, err := strconv.Atoi(v); err == nil && n >= 0 && n <= len(text)-i {
				if j := skipSpace(text, i+n); strings.HasPrefix(text[j:], "endstream") {
					o.data = text[i : i+n]
					return j + len("endstream"), nil
				}
			}
		}
	}
	j := strings.Index(text[i:], "endstream")
	if j < 0 {
		return 0, errors.New("unterminated stream")
	}
	o.data = strings.TrimRight(text[i:i+j], "\r\n")
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
	return pageList(f.text, f.objects, pages)
}

// pageList returns the pages under page tree node root. A page tree is a
// tree: a node met twice (a shared subtree, which could multiply the
// pages beyond any bound) is refused, not followed again.
func pageList(text string, objects *table, root int) ([]int, error) {
	var out []int
	seen := map[int]bool{}
	var walk func(n, depth int) error
	walk = func(n, depth int) error {
		if depth > 32 {
			return errors.New("page tree too deep")
		}
		if seen[n] {
			return fmt.Errorf("page tree node %d appears more than once (a page tree must be a tree)", n)
		}
		seen[n] = true
		d, err := readDict(text, objects, n)
		if err != nil {
			return fmt.Errorf("page tree: %w", err)
		}
		if t, _ := d.Get("/Type"); t == "/Page" {
			if len(out) >= maxPages {
				return fmt.Errorf("more than %d pages", maxPages)
			}
			out = append(out, n)
			return nil
		}
		kids, ok := d.Get("/Kids")
		if !ok || !strings.HasPrefix(kids, "[") {
			return fmt.Errorf("page tree node %d has no /Kids array", n)
		}
		refs, err := Refs(kids)
		if err != nil {
			return fmt.Errorf("page tree node %d: %w", n, err)
		}
		for _, k := range refs {
			if err := walk(k, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return out, walk(root, 0)
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
			return nil, fmt.Errorf("bad reference %q", clip(strings.Join(fs[i:i+3], " ")))
		}
		refs = append(refs, k)
	}
	return refs, nil
}

// PageContent returns what page (from 1) draws: its content streams,
// decoded and joined in order.
func (f *File) PageContent(page int) ([]byte, error) {
	pages, err := f.Pages()
	if err != nil {
		return nil, err
	}
	if page < 1 || page > len(pages) {
		return nil, fmt.Errorf("page %d of %d", page, len(pages))
	}
	d, err := f.Dict(pages[page-1])
	if err != nil {
		return nil, err
	}
	var out []byte
	for _, n := range refsIn(d, "/Contents") {
		o, err := readAt(f.text, f.objects, n)
		if err != nil {
			return nil, fmt.Errorf("page %d content: %w", page, err)
		}
		sd, err := o.dict()
		if err != nil {
			return nil, fmt.Errorf("page %d content: %w", page, err)
		}
		data, err := decodeStream(sd, o.data, f.objects.inflate)
		if err != nil {
			return nil, fmt.Errorf("page %d content: %w", page, err)
		}
		out = append(append(out, data...), '\n')
	}
	return out, nil
}
