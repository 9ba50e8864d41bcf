package render

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"pactwright/render/pdfupdate"
)

// This file adds empty digital signature fields to a finished PDF. gopdf
// cannot make form fields, so the fields arrive as one incremental update
// appended after gopdf's bytes: a widget annotation per signatory, the
// pages that hold them rewritten with /Annots, a catalog with /AcroForm,
// and a new xref section whose trailer points back with /Prev. Earlier
// bytes are never changed, which is also how signing tools append their
// signatures later; a signed PDF must never be rewritten.
//
// The PDF is read with render/pdfupdate, which is not a general PDF reader
// and says so in its errors rather than guessing.

// addSignatureFields appends the update for sigs to pdf and returns the
// longer file. pageHeight converts the layout's top-left coordinates.
func addSignatureFields(pdf []byte, sigs []sigPlacement, pageHeight float64) ([]byte, error) {
	f, err := pdfupdate.Parse(pdf)
	if err != nil {
		return nil, err
	}
	rootNum, catalog, err := f.Catalog()
	if err != nil {
		return nil, err
	}
	if _, exists := catalog.Get("/AcroForm"); exists {
		return nil, errors.New("catalog already has an /AcroForm")
	}
	pages, err := f.Pages()
	if err != nil {
		return nil, err
	}

	u := update{base: pdf, next: f.Size}
	// The original /Info is a direct dictionary in gopdf's trailer; the
	// new trailer refers to a copy so the metadata survives the update.
	info := ""
	if v, ok := f.Trailer.Get("/Info"); ok {
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
		d, err := f.Dict(p)
		if err != nil {
			return nil, fmt.Errorf("page object %d: %w", p, err)
		}
		refs := annots[p]
		if old, ok := d.Get("/Annots"); ok {
			inner, isArray := strings.CutPrefix(old, "[")
			if !isArray {
				return nil, fmt.Errorf("page object %d: indirect /Annots is not supported", p)
			}
			refs = append([]string{strings.TrimSpace(strings.TrimSuffix(inner, "]"))}, refs...)
		}
		d.Set("/Annots", "["+strings.Join(refs, " ")+"]")
		u.replace(p, d.String())
	}

	catalog.Set("/AcroForm", "<< /Fields ["+strings.Join(fields, " ")+"] /SigFlags 1 >>")
	u.replace(rootNum, catalog.String())

	trailer := fmt.Sprintf("/Size %d /Root %d 0 R", u.next, rootNum)
	if info != "" {
		trailer += " /Info " + info
	}
	trailer += fmt.Sprintf(" /Prev %d", f.StartXref)
	return u.bytes(trailer), nil
}

// num formats a coordinate compactly.
func num(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

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
