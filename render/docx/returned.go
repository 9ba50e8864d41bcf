package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Para is one paragraph of a Word file's body, read with its tracked
// changes both ways.
type Para struct {
	Style    string
	Accepted string // the text with every tracked change accepted
	Rejected string // with every tracked change rejected
	Shown    string // with every change shown, old words before new
	Tracked  bool   // holds tracked changes
	// MarkInserted or MarkDeleted: the paragraph mark itself was
	// inserted or deleted, so the paragraph joins the next one when the
	// change is rejected or accepted.
	MarkInserted, MarkDeleted bool
	// RowInserted or RowDeleted: the table row holding the paragraph was.
	RowInserted, RowDeleted bool
	InTable                 bool
	Bookmark                string   // the innermost bookmark open at the paragraph's start or opened in it
	Authors                 []string // who made its tracked changes, in order of first change
}

// Comment is a comment in a Word file, with the bookmark it was made in.
type Comment struct {
	ID       string `json:"-"`
	Author   string `json:"author"`
	Date     string `json:"date,omitempty"`
	Text     string `json:"text"`
	Bookmark string `json:"-"`
}

// Body is a Word file's body read paragraph by paragraph, and its comments.
type Body struct {
	Paras    []Para
	Comments []Comment
}

// ReadBody reads the paragraphs and comments of a Word file.
func ReadBody(file []byte) (Body, error) {
	zr, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		return Body{}, fmt.Errorf("not a Word file (.docx): %w", err)
	}
	var doc, comments []byte
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			doc, err = readPart(f)
		case "word/comments.xml":
			comments, err = readPart(f)
		}
		if err != nil {
			return Body{}, err
		}
	}
	if doc == nil {
		return Body{}, fmt.Errorf("not a Word file (.docx): it has no word/document.xml")
	}
	b, anchors, err := readParas(doc)
	if err != nil {
		return Body{}, fmt.Errorf("read the Word file's text: %w", err)
	}
	if comments != nil {
		if b.Comments, err = readComments(comments, anchors); err != nil {
			return Body{}, fmt.Errorf("read the Word file's comments: %w", err)
		}
	}
	return b, nil
}

// readParas walks document.xml once, keeping both readings of tracked
// changes; anchors maps comment ids to the bookmark they start in.
func readParas(data []byte) (Body, map[string]string, error) {
	var (
		b         Body
		anchors   = map[string]string{}
		open      []string              // bookmark names open, innermost last
		names     = map[string]string{} // bookmark id → name
		cur       *Para
		tables    int
		inPPr     bool
		inTrPr    bool
		rowIns    bool
		rowDel    bool
		ins, del  int // depth inside w:ins / w:del around runs
		inText    bool
		lastShown int // change kind of the last text shown: 0 none, 1 ins, 2 del
	)
	innermost := func() string {
		if len(open) == 0 {
			return ""
		}
		return open[len(open)-1]
	}
	add := func(s string, kind int) {
		if cur == nil {
			return
		}
		if del == 0 {
			cur.Accepted += s
		}
		if ins == 0 {
			cur.Rejected += s
		}
		if kind != lastShown && cur.Shown != "" && !strings.HasSuffix(cur.Shown, " ") && (kind != 0 || lastShown != 0) {
			cur.Shown += " "
		}
		cur.Shown += s
		lastShown = kind
	}
	kind := func() int {
		switch {
		case del > 0:
			return 2
		case ins > 0:
			return 1
		}
		return 0
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return Body{}, nil, err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "tbl":
				tables++
			case "tr":
				rowIns, rowDel = false, false
			case "trPr":
				inTrPr = true
			case "p":
				cur = &Para{InTable: tables > 0, Bookmark: innermost(), RowInserted: rowIns, RowDeleted: rowDel}
				lastShown = 0
			case "pPr":
				inPPr = true
			case "pStyle":
				if inPPr && cur != nil {
					cur.Style = attr(e, "val")
				}
			case "bookmarkStart":
				name := attr(e, "name")
				names[attr(e, "id")] = name
				open = append(open, name)
				if cur != nil && cur.Bookmark != name {
					cur.Bookmark = name
				}
			case "bookmarkEnd":
				name := names[attr(e, "id")]
				for i := len(open) - 1; i >= 0; i-- {
					if open[i] == name {
						open = append(open[:i], open[i+1:]...)
						break
					}
				}
			case "commentRangeStart", "commentReference":
				if _, ok := anchors[attr(e, "id")]; !ok {
					anchors[attr(e, "id")] = innermost()
				}
			case "ins", "del":
				switch {
				case inTrPr && e.Name.Local == "ins":
					rowIns = true
				case inTrPr:
					rowDel = true
				case inPPr && cur != nil && e.Name.Local == "ins":
					cur.MarkInserted, cur.Tracked = true, true
				case inPPr && cur != nil:
					cur.MarkDeleted, cur.Tracked = true, true
				case e.Name.Local == "ins":
					ins++
				default:
					del++
				}
				if cur != nil && !inPPr && !inTrPr {
					cur.Tracked = true
				}
				if a := attr(e, "author"); cur != nil && a != "" && !slices.Contains(cur.Authors, a) {
					cur.Authors = append(cur.Authors, a)
				}
			case "t", "delText", "instrText":
				inText = e.Name.Local != "instrText"
			case "tab":
				if !inPPr {
					add("\t", kind())
				}
			case "br", "cr":
				if t := attr(e, "type"); t != "page" && t != "column" { // LibreOffice writes a page break as one
					add("\n", kind())
				}
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "tbl":
				tables--
			case "trPr":
				inTrPr = false
			case "tr":
				rowIns, rowDel = false, false
			case "pPr":
				inPPr = false
			case "ins":
				if !inPPr && !inTrPr && ins > 0 {
					ins--
				}
			case "del":
				if !inPPr && !inTrPr && del > 0 {
					del--
				}
			case "t", "delText":
				inText = false
			case "p":
				if cur != nil {
					b.Paras = append(b.Paras, *cur)
				}
				cur = nil
			}
		case xml.CharData:
			if inText {
				add(string(e), kind())
			}
		}
	}
	return b, anchors, nil
}

// readComments reads comments.xml: each comment's author, date and text,
// and the bookmark its range starts in.
func readComments(data []byte, anchors map[string]string) ([]Comment, error) {
	var x struct {
		Comments []struct {
			ID     string `xml:"id,attr"`
			Author string `xml:"author,attr"`
			Date   string `xml:"date,attr"`
			Paras  []struct {
				Inner []byte `xml:",innerxml"`
			} `xml:"p"`
		} `xml:"comment"`
	}
	if err := xml.Unmarshal(data, &x); err != nil {
		return nil, err
	}
	var out []Comment
	for _, c := range x.Comments {
		var paras []string
		for _, p := range c.Paras {
			paras = append(paras, plainText(p.Inner))
		}
		out = append(out, Comment{ID: c.ID, Author: c.Author, Date: c.Date, Text: strings.TrimSpace(strings.Join(paras, "\n")), Bookmark: anchors[c.ID]})
	}
	return out, nil
}

// plainText is the text of the w:t elements in a fragment of XML.
func plainText(fragment []byte) string {
	var b strings.Builder
	dec := xml.NewDecoder(bytes.NewReader(fragment))
	inText := false
	for {
		tok, err := dec.Token()
		if err != nil {
			return b.String()
		}
		switch e := tok.(type) {
		case xml.StartElement:
			inText = e.Name.Local == "t"
		case xml.EndElement:
			inText = false
		case xml.CharData:
			if inText {
				b.Write(e)
			}
		}
	}
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
