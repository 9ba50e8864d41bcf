package render

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// This file adds empty digital signature fields to a finished PDF. gopdf
// cannot make form fields, so the fields arrive as one incremental update
// appended after gopdf's bytes: a widget annotation per signatory, the
// pages that hold them rewritten with /Annots, a catalog with /AcroForm,
// and a new xref section whose trailer points back with /Prev. Earlier
// bytes are never changed, which is also how signing tools append their
// signatures later; a signed PDF must never be rewritten.
//
// The parser reads only what gopdf writes: classic xref tables, objects
// "N G obj << ... >>", direct or indirect /Info. It is not a general PDF
// reader and says so in its errors rather than guessing.

// addSignatureFields appends the update for sigs to pdf and returns the
// longer file. pageHeight converts the layout's top-left coordinates.
func addSignatureFields(pdf []byte, sigs []sigPlacement, pageHeight float64) ([]byte, error) {
	f, err := parsePDF(pdf)
	if err != nil {
		return nil, err
	}
	rootNum, ok := f.trailer.ref("/Root")
	if !ok {
		return nil, errors.New("trailer has no /Root")
	}
	catalog, err := f.dict(rootNum)
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	if _, exists := catalog.get("/AcroForm"); exists {
		return nil, errors.New("catalog already has an /AcroForm")
	}
	pagesNum, ok := catalog.ref("/Pages")
	if !ok {
		return nil, errors.New("catalog has no /Pages")
	}
	pages, err := f.pageList(pagesNum, 0)
	if err != nil {
		return nil, err
	}

	u := update{base: pdf, next: f.size}
	// The original /Info is a direct dictionary in gopdf's trailer; the
	// new trailer refers to a copy so the metadata survives the update.
	info := ""
	if v, ok := f.trailer.get("/Info"); ok {
		if strings.HasPrefix(v, "<<") {
			info = fmt.Sprintf("%d 0 R", u.add(v))
		} else {
			info = v
		}
	}

	annots := map[int][]string{} // page object -> widget refs
	var fields []string
	for _, s := range sigs {
		if s.page < 1 || s.page > len(pages) {
			return nil, fmt.Errorf("signature field %s: page %d of %d", s.name, s.page, len(pages))
		}
		page := pages[s.page-1]
		rect := fmt.Sprintf("[%s %s %s %s]", num(s.x), num(pageHeight-s.y-s.h), num(s.x+s.w), num(pageHeight-s.y))
		widget := fmt.Sprintf("<< /Type /Annot /Subtype /Widget /FT /Sig /T (%s) /Rect %s /F 4 /P %d 0 R >>",
			s.name, rect, page)
		ref := fmt.Sprintf("%d 0 R", u.add(widget))
		annots[page] = append(annots[page], ref)
		fields = append(fields, ref)
	}

	pageNums := make([]int, 0, len(annots))
	for p := range annots {
		pageNums = append(pageNums, p)
	}
	slices.Sort(pageNums)
	for _, p := range pageNums {
		d, err := f.dict(p)
		if err != nil {
			return nil, fmt.Errorf("page object %d: %w", p, err)
		}
		refs := annots[p]
		if old, ok := d.get("/Annots"); ok {
			inner, isArray := strings.CutPrefix(old, "[")
			if !isArray {
				return nil, fmt.Errorf("page object %d: indirect /Annots is not supported", p)
			}
			refs = append([]string{strings.TrimSpace(strings.TrimSuffix(inner, "]"))}, refs...)
		}
		d.set("/Annots", "["+strings.Join(refs, " ")+"]")
		u.replace(p, d.String())
	}

	catalog.set("/AcroForm", "<< /Fields ["+strings.Join(fields, " ")+"] /SigFlags 1 >>")
	u.replace(rootNum, catalog.String())

	trailer := fmt.Sprintf("/Size %d /Root %d 0 R", u.next, rootNum)
	if info != "" {
		trailer += " /Info " + info
	}
	trailer += fmt.Sprintf(" /Prev %d", f.startxref)
	return u.bytes(trailer), nil
}

// num formats a coordinate compactly.
func num(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

// pdfFile is what the update needs to know about an existing PDF.
type pdfFile struct {
	data      []byte
	startxref int
	offsets   map[int]int // object number -> byte offset
	trailer   pdfDict     // the newest trailer
	size      int
}

// parsePDF reads the xref chain and the newest trailer.
func parsePDF(data []byte) (*pdfFile, error) {
	tail := data[max(0, len(data)-1024):]
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return nil, errors.New("no startxref")
	}
	fields := strings.Fields(string(tail[i+len("startxref"):]))
	if len(fields) == 0 {
		return nil, errors.New("startxref has no offset")
	}
	start, err := strconv.Atoi(fields[0])
	if err != nil {
		return nil, fmt.Errorf("startxref offset: %w", err)
	}
	f := &pdfFile{data: data, startxref: start, offsets: map[int]int{}}
	seen := map[int]bool{}
	for off, first := start, true; ; first = false {
		if seen[off] {
			return nil, errors.New("xref /Prev loop")
		}
		seen[off] = true
		trailer, err := f.readXref(off)
		if err != nil {
			return nil, err
		}
		if first {
			f.trailer = trailer
			v, _ := trailer.get("/Size")
			if f.size, err = strconv.Atoi(v); err != nil {
				return nil, fmt.Errorf("trailer /Size %q: %w", v, err)
			}
		}
		prev, ok := trailer.get("/Prev")
		if !ok {
			return f, nil
		}
		if off, err = strconv.Atoi(prev); err != nil {
			return nil, fmt.Errorf("trailer /Prev %q: %w", prev, err)
		}
	}
}

// readXref reads one classic xref section at off, keeping entries that
// newer sections have not set, and returns its trailer.
func (f *pdfFile) readXref(off int) (pdfDict, error) {
	if off < 0 || off >= len(f.data) {
		return pdfDict{}, fmt.Errorf("xref offset %d outside file", off)
	}
	rest := f.data[off:]
	if !bytes.HasPrefix(rest, []byte("xref")) {
		return pdfDict{}, fmt.Errorf("no classic xref table at offset %d (cross-reference streams are not supported)", off)
	}
	t := bytes.Index(rest, []byte("trailer"))
	if t < 0 {
		return pdfDict{}, errors.New("xref without trailer")
	}
	lines := strings.Split(strings.ReplaceAll(string(rest[len("xref"):t]), "\r", "\n"), "\n")
	obj, left := 0, 0
	for _, ln := range lines {
		fs := strings.Fields(ln)
		switch {
		case len(fs) == 0:
		case left == 0 && len(fs) == 2: // subsection header "first count"
			a, err1 := strconv.Atoi(fs[0])
			b, err2 := strconv.Atoi(fs[1])
			if err1 != nil || err2 != nil {
				return pdfDict{}, fmt.Errorf("bad xref subsection %q", ln)
			}
			obj, left = a, b
		case left > 0 && len(fs) == 3:
			o, err := strconv.Atoi(fs[0])
			if err != nil {
				return pdfDict{}, fmt.Errorf("bad xref entry %q", ln)
			}
			if _, set := f.offsets[obj]; !set && fs[2] == "n" {
				f.offsets[obj] = o
			}
			obj++
			left--
		default:
			return pdfDict{}, fmt.Errorf("bad xref line %q", ln)
		}
	}
	body := strings.TrimSpace(string(rest[t+len("trailer"):]))
	if !strings.HasPrefix(body, "<<") {
		return pdfDict{}, errors.New("trailer is not a dictionary")
	}
	end, err := skipValue(body, 0)
	if err != nil {
		return pdfDict{}, fmt.Errorf("trailer dictionary: %w", err)
	}
	d, err := parseDict(body[:end])
	if err != nil {
		return pdfDict{}, fmt.Errorf("trailer dictionary: %w", err)
	}
	return d, nil
}

// dict reads object n, which must be a dictionary.
func (f *pdfFile) dict(n int) (pdfDict, error) {
	off, ok := f.offsets[n]
	if !ok || off < 0 || off >= len(f.data) {
		return pdfDict{}, fmt.Errorf("object %d not in xref", n)
	}
	s := string(f.data[off:min(len(f.data), off+64*1024)])
	head := fmt.Sprintf("%d 0 obj", n)
	if !strings.HasPrefix(s, head) {
		return pdfDict{}, fmt.Errorf("object %d: xref offset does not point at it", n)
	}
	s = strings.TrimLeft(s[len(head):], " \t\r\n")
	if !strings.HasPrefix(s, "<<") {
		return pdfDict{}, fmt.Errorf("object %d is not a dictionary", n)
	}
	end, err := skipValue(s, 0)
	if err != nil {
		return pdfDict{}, fmt.Errorf("object %d: %w", n, err)
	}
	return parseDict(s[:end])
}

// pageList returns the page object numbers in page order, walking the
// page tree from node n.
func (f *pdfFile) pageList(n, depth int) ([]int, error) {
	if depth > 32 {
		return nil, errors.New("page tree too deep")
	}
	d, err := f.dict(n)
	if err != nil {
		return nil, fmt.Errorf("page tree: %w", err)
	}
	if t, _ := d.get("/Type"); t == "/Page" {
		return []int{n}, nil
	}
	kids, ok := d.get("/Kids")
	if !ok || !strings.HasPrefix(kids, "[") {
		return nil, fmt.Errorf("page tree node %d has no /Kids array", n)
	}
	fs := strings.Fields(strings.Trim(kids, "[]"))
	var pages []int
	for i := 0; i+2 < len(fs); i += 3 {
		k, err := strconv.Atoi(fs[i])
		if err != nil || fs[i+2] != "R" {
			return nil, fmt.Errorf("page tree node %d: bad kid %q", n, strings.Join(fs[i:i+3], " "))
		}
		sub, err := f.pageList(k, depth+1)
		if err != nil {
			return nil, err
		}
		pages = append(pages, sub...)
	}
	return pages, nil
}

// update collects the objects of one incremental update.
type update struct {
	base []byte
	next int            // next free object number
	objs map[int]string // object number -> dictionary text
}

// add stores a new object and returns its number.
func (u *update) add(body string) int {
	n := u.next
	u.next++
	u.replace(n, body)
	return n
}

// replace stores a new version of object n.
func (u *update) replace(n int, body string) {
	if u.objs == nil {
		u.objs = map[int]string{}
	}
	u.objs[n] = body
}

// bytes returns base followed by the update: objects, xref, trailer.
func (u *update) bytes(trailer string) []byte {
	var b bytes.Buffer
	b.Write(u.base)
	if len(u.base) > 0 && u.base[len(u.base)-1] != '\n' {
		b.WriteByte('\n')
	}
	nums := make([]int, 0, len(u.objs))
	for n := range u.objs {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	offsets := map[int]int{}
	for _, n := range nums {
		offsets[n] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", n, u.objs[n])
	}
	xref := b.Len()
	b.WriteString("xref\n")
	for i := 0; i < len(nums); {
		j := i + 1
		for j < len(nums) && nums[j] == nums[j-1]+1 {
			j++
		}
		fmt.Fprintf(&b, "%d %d\n", nums[i], j-i)
		for _, n := range nums[i:j] {
			fmt.Fprintf(&b, "%010d 00000 n \n", offsets[n])
		}
		i = j
	}
	fmt.Fprintf(&b, "trailer\n<< %s >>\nstartxref\n%d\n%%%%EOF\n", trailer, xref)
	return b.Bytes()
}
