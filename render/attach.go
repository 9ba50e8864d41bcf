package render

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"pactwright/render/pdfupdate"
)

// This file carries files inside the PDF (the draft's JSON, so a PDF that
// travels can be opened as a draft again). They are written as their own
// incremental update straight after gopdf's bytes and before the signature
// fields, so every signature later appended covers them: a signed PDF
// cannot have its draft swapped without breaking the signature.
//
// The reader (Attachments) does not walk the xref chain: it looks for the
// objects exactly as attachUpdate writes them. Signers only append, so the
// objects are still there byte for byte; a PDF rewritten by another tool
// simply has no attachments as far as Pactwright is concerned.

// Attachment is a file carried inside the PDF (a PDF "embedded file").
type Attachment struct {
	Name        string // file name shown by PDF readers, ASCII letters, digits, '.', '-', '_'
	Description string
	MIME        string // e.g. "application/json"
	Data        []byte
}

var attachmentName = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// attachUpdate appends one incremental update to pdf holding files as
// embedded files listed in the catalog's /Names /EmbeddedFiles tree.
func attachUpdate(pdf []byte, files []Attachment) ([]byte, error) {
	base, err := readUpdateBase(pdf)
	if err != nil {
		return nil, err
	}
	if _, exists := base.catalog.Get("/Names"); exists {
		return nil, errors.New("catalog already has a /Names dictionary")
	}
	u := update{base: pdf, next: base.size}
	info := base.info
	if strings.HasPrefix(info, "<<") {
		info = fmt.Sprintf("%d 0 R", u.add(info))
	}
	var names []string
	for _, f := range files {
		if !attachmentName.MatchString(f.Name) {
			return nil, fmt.Errorf("attachment name %q: use letters, digits, '.', '-' and '_' only", f.Name)
		}
		// /Length comes first: Attachments finds the stream by it.
		stream := fmt.Sprintf("<< /Type /EmbeddedFile /Length %d /Subtype /%s /Params << /Size %d >> >>\nstream\n%s\nendstream",
			len(f.Data), pdfName(f.MIME), len(f.Data), f.Data)
		sn := u.add(stream)
		spec := fmt.Sprintf("<< /Type /Filespec /F (%s) /UF (%s) /Desc %s /AFRelationship /Source /EF << /F %d 0 R /UF %d 0 R >> >>",
			f.Name, f.Name, pdfTextString(f.Description), sn, sn)
		names = append(names, fmt.Sprintf("(%s) %d 0 R", f.Name, u.add(spec)))
	}
	// The name tree's keys must be sorted; callers pass few files, in order.
	base.catalog.Set("/Names", "<< /EmbeddedFiles << /Names ["+strings.Join(names, " ")+"] >> >>")
	u.replace(base.root, base.catalog.String())
	trailer := fmt.Sprintf("/Size %d /Root %d 0 R", u.next, base.root)
	if info != "" {
		trailer += " /Info " + info
	}
	trailer += fmt.Sprintf(" /Prev %d", base.startxref)
	return u.bytes(trailer), nil
}

// updateBase is what an appended update needs from the PDF it extends.
type updateBase struct {
	root      int
	catalog   pdfupdate.Dict
	size      int    // next free object number
	startxref int    // for the new trailer's /Prev
	info      string // the trailer's /Info, direct or a reference; "" if none
}

// readUpdateBase is the one place this file reads the PDF's structure.
func readUpdateBase(pdf []byte) (updateBase, error) {
	f, err := pdfupdate.Parse(pdf)
	if err != nil {
		return updateBase{}, err
	}
	root, catalog, err := f.Catalog()
	if err != nil {
		return updateBase{}, err
	}
	info, _ := f.Trailer.Get("/Info")
	return updateBase{root: root, catalog: catalog, size: f.Size, startxref: f.StartXref, info: info}, nil
}

// pdfName writes s as a PDF name body, escaping '/' and other delimiters.
func pdfName(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte("#/()<>[]{}%", c) >= 0 {
			fmt.Fprintf(&b, "#%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// pdfTextString writes s as a PDF text string: UTF-16BE with a byte-order
// mark, hex-encoded, so any character and no escaping problem.
func pdfTextString(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, r := range s {
		if r > 0xFFFF {
			r -= 0x10000
			fmt.Fprintf(&b, "%04X%04X", 0xD800+(r>>10), 0xDC00+(r&0x3FF))
			continue
		}
		fmt.Fprintf(&b, "%04X", r)
	}
	b.WriteString(">")
	return b.String()
}

var (
	filespecRe = regexp.MustCompile(`(?m)^(\d{1,9}) 0 obj\n<< /Type /Filespec /F \(([A-Za-z0-9._-]{1,64})\) /UF \([^)]*\) /Desc <[0-9A-F]*> /AFRelationship /Source /EF << /F (\d{1,9}) 0 R`)
	streamRe   = regexp.MustCompile(`(?m)^(\d{1,9}) 0 obj\n<< /Type /EmbeddedFile /Length (\d{1,9}) [^\n]*>>\nstream\n`)
)

// Attachments returns the files a Pactwright PDF carries, by name. A PDF
// with none gives an empty map; a damaged attachment gives an error that
// says which. So that what is read is what the export wrote, a PDF that
// carries two files of one name, defines an attachment's object twice, or
// whose cross-reference points anywhere else for one (a later update
// redefined it) is refused, naming the file.
func Attachments(pdf []byte) (map[string][]byte, error) {
	newest := map[int]int{}
	if f, err := pdfupdate.Parse(pdf); err == nil {
		newest = f.ObjectOffsets()
	}
	current := func(num string, at int) bool {
		n, err := strconv.Atoi(num)
		off, listed := newest[n]
		return err == nil && listed && off == at
	}
	streams := map[string][]byte{} // object number -> data
	for _, m := range streamRe.FindAllSubmatchIndex(pdf, -1) {
		num := string(pdf[m[2]:m[3]])
		n, err := strconv.Atoi(string(pdf[m[4]:m[5]]))
		if err != nil {
			continue
		}
		if _, twice := streams[num]; twice {
			return nil, fmt.Errorf("embedded file object %s is defined twice: an update after export replaced a file inside the PDF", num)
		}
		start := m[1]
		if start+n > len(pdf) || !bytes.HasPrefix(pdf[start+n:], []byte("\nendstream")) {
			return nil, fmt.Errorf("embedded file object %s: its length does not match its data (the PDF is damaged)", num)
		}
		if !current(num, m[0]) {
			return nil, fmt.Errorf("embedded file object %s is not the one the PDF's cross-reference names: an update after export replaced it", num)
		}
		streams[num] = pdf[start : start+n]
	}
	out := map[string][]byte{}
	for _, m := range filespecRe.FindAllSubmatchIndex(pdf, -1) {
		specNum, name, num := string(pdf[m[2]:m[3]]), string(pdf[m[4]:m[5]]), string(pdf[m[6]:m[7]])
		if _, twice := out[name]; twice {
			return nil, fmt.Errorf("the PDF carries more than one embedded file named %s, so which one it means cannot be told", name)
		}
		if !current(specNum, m[0]) {
			return nil, fmt.Errorf("embedded file %s: its entry is not the one the PDF's cross-reference names: an update after export replaced it", name)
		}
		data, ok := streams[num]
		if !ok {
			return nil, fmt.Errorf("embedded file %s: its data object %s is missing (the PDF is damaged)", name, num)
		}
		out[name] = data
	}
	return out, nil
}
