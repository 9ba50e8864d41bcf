package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Carried is what a Word file exported by Pactwright carries inside it.
type Carried struct {
	DocumentID string
	Files      map[string][]byte // the document's attachments by name: the draft JSON, its origin
	Clauses    []Mark            // each clause key and the bookmark around it
}

// ErrNotOurs means a Word file has no Pactwright part: it was not exported
// by Pactwright, or a program dropped the part when it saved the file.
var ErrNotOurs = errors.New("this Word file carries no Pactwright draft: only Word files exported by Pactwright do, and a program that re-saves the file may drop it")

// maxPart bounds what is read of one part, so a hostile file cannot
// exhaust memory by claiming a huge size.
const maxPart = 64 << 20

// Read finds the Pactwright part in a Word file, in whichever customXml
// item the saving program put it.
func Read(file []byte) (Carried, error) {
	zr, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		return Carried{}, fmt.Errorf("not a Word file (.docx): %w", err)
	}
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "customXml/item") || strings.Contains(f.Name, "Props") || !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		data, err := readPart(f)
		if err != nil {
			return Carried{}, err
		}
		if c, ok := parseCustom(data); ok {
			return c, nil
		}
	}
	return Carried{}, ErrNotOurs
}

func readPart(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", f.Name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxPart+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", f.Name, err)
	}
	if len(data) > maxPart {
		return nil, fmt.Errorf("read %s: larger than %d MB", f.Name, maxPart>>20)
	}
	return data, nil
}

// customXML is the shape customPart writes.
type customXML struct {
	XMLName    xml.Name `xml:"pactwright"`
	DocumentID string   `xml:"document-id,attr"`
	Files      []struct {
		Name string `xml:"name,attr"`
		Data string `xml:",chardata"`
	} `xml:"file"`
	Clauses []struct {
		Key      string `xml:"key,attr"`
		Number   string `xml:"number,attr"`
		Bookmark string `xml:"bookmark,attr"`
	} `xml:"clause"`
}

// parseCustom reads one customXml item; ok is false for another program's.
func parseCustom(data []byte) (Carried, bool) {
	var x customXML
	if err := xml.Unmarshal(data, &x); err != nil || x.XMLName.Space != CustomNamespace {
		return Carried{}, false
	}
	c := Carried{DocumentID: x.DocumentID, Files: map[string][]byte{}}
	for _, f := range x.Files {
		c.Files[f.Name] = []byte(f.Data)
	}
	for _, m := range x.Clauses {
		c.Clauses = append(c.Clauses, Mark{Key: m.Key, Number: m.Number, Bookmark: m.Bookmark})
	}
	return c, true
}
