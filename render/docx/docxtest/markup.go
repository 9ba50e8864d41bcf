package docxtest

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"
)

// These change a Word file the way the other side's Word does, editing
// its XML directly: a tracked replacement of words, a clause rewritten
// without tracking, a comment.

// Reviser is the other side's reviewer, as Word records them.
const Reviser = `w:author="Tom Reid" w:date="2027-01-10T10:00:00Z"`

// TrackReplace replaces old with new inside the clause in bookmark as a
// tracked deletion and insertion, and comments on the clause.
func TrackReplace(t testing.TB, file []byte, bookmark, old, new, comment string) []byte {
	t.Helper()
	re := regexp.MustCompile(`(<w:bookmarkStart w:id="\d+" w:name="` + bookmark + `"/>)(<w:r><w:t xml:space="preserve">[^<]*?)` + regexp.QuoteMeta(old) + `([^<]*</w:t></w:r>)`)
	edit := func(name, data string) string {
		switch name {
		case "word/document.xml":
			if !re.MatchString(data) {
				t.Fatalf("no %q in the clause in bookmark %s", old, bookmark)
			}
			return re.ReplaceAllString(data, `$1<w:commentRangeStart w:id="0"/>$2</w:t></w:r>`+
				`<w:del w:id="901" `+Reviser+`><w:r><w:delText xml:space="preserve">`+old+`</w:delText></w:r></w:del>`+
				`<w:ins w:id="902" `+Reviser+`><w:r><w:t xml:space="preserve">`+new+`</w:t></w:r></w:ins>`+
				`<w:r><w:t xml:space="preserve">$3<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>`)
		case "word/_rels/document.xml.rels":
			return strings.Replace(data, "</Relationships>", `<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>`, 1)
		case "[Content_Types].xml":
			return strings.Replace(data, "</Types>", `<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>`, 1)
		}
		return data
	}
	comments := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:comment w:id="0" ` + Reviser + ` w:initials="TR"><w:p><w:r><w:t>` + comment + `</w:t></w:r></w:p></w:comment></w:comments>`
	return Rezip(t, file, edit, map[string]string{"word/comments.xml": comments})
}

// Rewrite replaces the whole text of the clause in bookmark, untracked.
func Rewrite(t testing.TB, file []byte, bookmark, text string) []byte {
	t.Helper()
	re := regexp.MustCompile(`(<w:bookmarkStart w:id="\d+" w:name="` + bookmark + `"/>).*?(<w:bookmarkEnd )`)
	return Rezip(t, file, func(name, data string) string {
		if name != "word/document.xml" {
			return data
		}
		if !re.MatchString(data) {
			t.Fatalf("no bookmark %s", bookmark)
		}
		return re.ReplaceAllString(data, `$1<w:r><w:t>`+text+`</w:t></w:r>$2`)
	}, nil)
}

// Rezip returns file with each part passed through edit (by name), and
// the parts in extra added.
func Rezip(t testing.TB, file []byte, edit func(name, data string) string, extra map[string]string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	write := func(name, data string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, data); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		write(f.Name, edit(f.Name, string(data)))
	}
	for name, data := range extra {
		write(name, data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
