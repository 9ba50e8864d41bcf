package docxtest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// View is how tracked changes are read: all of them shown (as a reader
// sees the markup), every one accepted, or every one rejected.
type View int

// Views of a document with tracked changes.
const (
	Markup View = iota
	AcceptAll
	RejectAll
)

// Paragraph is one paragraph of a Word file's body as a view reads it.
type Paragraph struct {
	Style   string
	Text    string // tabs as "\t", line breaks as "\n"
	InTable bool
}

// Paragraphs reads the body of a Word file paragraph by paragraph, as
// Word shows it in view v: accepting drops deleted text, deleted table
// rows, and paragraphs whose mark was deleted join the next one;
// rejecting does the same for insertions.
func Paragraphs(t testing.TB, file []byte, v View) []Paragraph {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		t.Fatalf("not a Word file: %v", err)
	}
	var data []byte
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			data, err = io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	if data == nil {
		t.Fatal("no word/document.xml")
	}
	hidden := "del" // the element whose content the view drops
	if v == RejectAll {
		hidden = "ins"
	}
	var (
		out      []Paragraph
		cur      *Paragraph
		carry    string // text of paragraphs whose mark the view removed
		tables   int
		inPPr    bool
		inTrPr   bool
		rowGone  bool
		markGone bool
		dropped  int // depth inside an element whose content is dropped
		inText   bool
	)
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("document.xml: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "tbl":
				tables++
			case "tr":
				rowGone = false
			case "trPr":
				inTrPr = true
			case "p":
				cur, markGone = &Paragraph{InTable: tables > 0}, false
			case "pPr":
				inPPr = true
			case "pStyle":
				if inPPr && cur != nil {
					cur.Style = attr(e, "val")
				}
			case "ins", "del":
				switch {
				case v == Markup:
					// Old and new words side by side, as the reader
					// tells them apart by their marks.
					if !inPPr && !inTrPr && cur != nil && cur.Text != "" && !strings.HasSuffix(cur.Text, " ") {
						cur.Text += " "
					}
				case inTrPr && e.Name.Local == hidden:
					rowGone = true
				case inPPr && e.Name.Local == hidden:
					markGone = true
				case !inPPr && !inTrPr && e.Name.Local == hidden:
					dropped++
				}
			case "t", "delText":
				inText = true
			case "tab":
				if !inPPr && cur != nil && dropped == 0 {
					cur.Text += "\t"
				}
			case "br":
				if cur != nil && dropped == 0 {
					cur.Text += "\n"
				}
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "tbl":
				tables--
			case "trPr":
				inTrPr = false
			case "tr":
				rowGone = false
			case "pPr":
				inPPr = false
			case "ins", "del":
				if v != Markup && !inPPr && !inTrPr && e.Name.Local == hidden {
					dropped--
				}
			case "t", "delText":
				inText = false
			case "p":
				if cur == nil {
					break
				}
				if rowGone {
					cur = nil
					break
				}
				cur.Text = carry + cur.Text
				carry = ""
				if markGone {
					carry = cur.Text
				} else {
					out = append(out, *cur)
				}
				cur = nil
			}
		case xml.CharData:
			if inText && cur != nil && dropped == 0 {
				cur.Text += string(e)
			}
		}
	}
	return out
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// Text joins paragraphs' text, one a line.
func Text(ps []Paragraph) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Text)
		b.WriteByte('\n')
	}
	return b.String()
}
