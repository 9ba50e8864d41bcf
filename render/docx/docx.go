// Package docx turns a render.Document into a Word file (Office Open XML,
// .docx) that the other side can edit: Word styles, clause numbering that
// is Word's own list numbering, schedules as tables with repeating header
// rows, the document id and page number in the footer, a DRAFT header on
// every page of a draft, and a redline's changes as tracked changes.
//
// It is fed the same Document as the PDF renderer, so the two files say
// the same words. The draft travels inside the file in a custom XML part,
// and every clause sits in a bookmark named after its clause key, so a
// returned file can be matched clause by clause after the other side has
// edited around it.
//
// Only the standard library is used: no Go library served here writes
// tracked changes.
package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"time"

	"pactwright/render"
)

// CustomNamespace is the namespace of the custom XML part that carries the
// draft, its origin and the clause bookmarks.
const CustomNamespace = "urn:pactwright:docx:1"

// Options are what the document itself does not say.
type Options struct {
	// Author is the name on tracked changes and in the file's properties.
	Author string
	// Now dates the tracked changes and the file; zero means time.Now.
	Now time.Time
}

// Bytes writes doc as a .docx and returns the file.
func Bytes(doc render.Document, opt Options) ([]byte, error) {
	var buf bytes.Buffer
	if err := Write(&buf, doc, opt); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Write writes doc as a .docx to w.
func Write(w io.Writer, doc render.Document, opt Options) error {
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	if opt.Author == "" {
		opt.Author = "Pactwright"
	}
	opt.Now = opt.Now.UTC().Truncate(time.Second)

	b := newBody(opt)
	b.document(doc)
	custom, err := customPart(doc, b.marks)
	if err != nil {
		return err
	}
	parts := []struct{ name, data string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", coreProps(doc, opt)},
		{"docProps/app.xml", appProps},
		{"word/document.xml", b.String()},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/styles.xml", styles},
		{"word/numbering.xml", numbering},
		{"word/settings.xml", settings},
		{"word/header1.xml", header(doc)},
		{"word/footer1.xml", footer(doc)},
		{"customXml/item1.xml", custom},
		{"customXml/itemProps1.xml", customItemProps},
		{"customXml/_rels/item1.xml.rels", customItemRels},
	}
	zw := zip.NewWriter(w)
	// One compressor for all the parts, at the fastest level: the XML
	// shrinks nearly as well, and a fresh compressor per part would
	// allocate a megabyte each.
	var fw *flate.Writer
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if fw == nil {
			var err error
			fw, err = flate.NewWriter(out, flate.BestSpeed)
			return fw, err
		}
		fw.Reset(out)
		return fw, nil
	})
	for _, p := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: opt.Now})
		if err != nil {
			return fmt.Errorf("write %s: %w", p.name, err)
		}
		if _, err := io.WriteString(f, p.data); err != nil {
			return fmt.Errorf("write %s: %w", p.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write Word file: %w", err)
	}
	return nil
}
