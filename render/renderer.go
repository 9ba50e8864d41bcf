package render

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/signintech/gopdf"
)

// Renderer turns Documents into PDFs. It holds the parsed fonts, which are
// read-only, so one Renderer may be created at start-up and used from many
// goroutines at once; parsing fonts costs more than laying out a contract.
type Renderer struct {
	fonts     *fontSet
	deflaters deflaters // compressors kept between renders: see deflate.go

	// Now gives the creation date written into the PDF; nil means
	// time.Now. Tests set it for reproducible output.
	Now func() time.Time
}

// NewRenderer parses the embedded fonts.
func NewRenderer() (*Renderer, error) {
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	for r := rune(0x20); r < 0x7F; r++ {
		// fontFilter skips its lookup for ASCII text on this promise.
		if !fs.supported(r) {
			return nil, fmt.Errorf("load fonts: no glyph for %q", r)
		}
	}
	return &Renderer{fonts: fs}, nil
}

// PDF renders doc with a Renderer made for this call. Callers exporting
// more than once should keep a Renderer instead.
func PDF(doc Document) (pdf []byte, warnings []string, err error) {
	r, err := NewRenderer()
	if err != nil {
		return nil, nil, err
	}
	return r.PDF(doc)
}

// WritePDF renders doc to w with a Renderer made for this call.
func WritePDF(w io.Writer, doc Document) (warnings []string, err error) {
	r, err := NewRenderer()
	if err != nil {
		return nil, err
	}
	return r.WritePDF(w, doc)
}

// UnsupportedCharacters lists, sorted and without repeats, the characters
// in doc that the PDF fonts cannot show, so the app can flag them before
// export. Control characters are not listed: the PDF drops them.
func UnsupportedCharacters(doc Document) []rune {
	r, err := NewRenderer()
	if err != nil {
		return nil
	}
	return r.UnsupportedCharacters(doc)
}

// UnsupportedCharacters is the method form of the package function.
func (r *Renderer) UnsupportedCharacters(doc Document) []rune {
	f := newFontFilter(r.fonts)
	mapText(doc, f.clean)
	return f.runes()
}

// PDF renders doc. Warnings report what the reader will see differently
// from what was asked (characters the font lacks, renamed signature
// fields); err is only for failures to produce a PDF at all.
func (r *Renderer) PDF(doc Document) (pdf []byte, warnings []string, err error) {
	var buf bytes.Buffer
	warnings, err = r.WritePDF(&buf, doc)
	if err != nil {
		return nil, warnings, err
	}
	return buf.Bytes(), warnings, nil
}

// WritePDF renders doc to w.
func (r *Renderer) WritePDF(w io.Writer, doc Document) (warnings []string, err error) {
	filter := newFontFilter(r.fonts)
	clean := mapText(doc, filter.clean)
	if missing := filter.runes(); len(missing) > 0 {
		warnings = append(warnings, missingWarning(missing))
	}
	names, nameWarnings := fieldNames(doc.Signing.Signatories)
	warnings = append(warnings, nameWarnings...)

	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	// Page streams are deflated afterwards by r.deflaters, which reuse their
	// compressors; gopdf would make a fresh one per page (deflate.go).
	gp.SetNoCompression()
	gp.SetInfo(r.info(doc))
	for _, src := range fontSources {
		if err := gp.AddTTFFontFromFontContainer(src.family, r.fonts.container); err != nil {
			return warnings, fmt.Errorf("embed font %s: %w", src.family, err)
		}
	}

	l := &layout{
		gp:     gp,
		faces:  r.fonts.faces,
		footer: footerText{title: oneLine(clean.Title), id: oneLine(clean.ID), draft: doc.Draft},
	}
	if doc.Letter {
		l.letterhead(&clean)
		l.sections(clean.Sections)
	} else {
		l.cover(&clean)
		l.sections(clean.Sections)
		if len(clean.Checklist.Groups) > 0 { // a redline or conformed copy has none
			l.checklist(clean.Checklist)
		}
	}
	if !doc.Letter && (len(clean.Signing.Signatories) > 0 || clean.Signing.Intro != "") {
		l.signatures(clean.Signing, names, doc.Draft)
	}
	l.fillPageCount()
	if l.err != nil {
		return warnings, fmt.Errorf("lay out PDF: %w", l.err)
	}

	d := r.deflaters.get()
	defer r.deflaters.put(d)
	if _, err := gp.WriteTo(&d.raw); err != nil {
		return warnings, fmt.Errorf("write PDF: %w", err)
	}
	out, err := d.deflateStreams(d.raw.Bytes())
	if err != nil {
		return warnings, fmt.Errorf("compress PDF: %w", err)
	}
	if len(doc.Attachments) > 0 {
		if out, err = attachUpdate(out, doc.Attachments); err != nil {
			return warnings, fmt.Errorf("embed files: %w", err)
		}
	}
	if len(l.sigs) > 0 && !doc.Draft { // a draft is not for signature
		if out, err = addSignatureFields(out, l.sigs, pageH); err != nil {
			return warnings, fmt.Errorf("add signature fields: %w", err)
		}
	}
	if _, err := w.Write(out); err != nil {
		return warnings, fmt.Errorf("write PDF: %w", err)
	}
	return warnings, nil
}

// info is the PDF's document information: what file managers and the
// reader's title bar show.
func (r *Renderer) info(doc Document) gopdf.PdfInfo {
	now := time.Now
	if r.Now != nil {
		now = r.Now
	}
	parties := make([]string, 0, len(doc.Parties))
	for _, p := range doc.Parties {
		if p = metadataText(p); p != "" {
			parties = append(parties, p)
		}
	}
	return gopdf.PdfInfo{
		Title:        metadataText(doc.Title),
		Subject:      metadataText(doc.Subtitle),
		Author:       strings.Join(parties, " and "),
		Creator:      metadataText(doc.Creator),
		Producer:     "gopdf",
		CreationDate: now(),
	}
}

// oneLine joins the lines of s for one-line slots such as the footer.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
