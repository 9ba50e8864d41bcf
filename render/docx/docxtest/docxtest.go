// Package docxtest checks Word files the way the other side's tools see
// them: LibreOffice converts them to PDF, poppler reads the text back, and
// python-docx (Debian's python3-docx) opens them. The tools are required:
// a test that cannot run them fails, naming the Debian package to install.
package docxtest

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"pactwright/render"
)

// Python is Debian's interpreter, which python3-docx installs into.
const Python = "/usr/bin/python3"

// tools names the Debian package behind each tool the checks run.
var tools = map[string]string{
	"soffice":   "libreoffice-writer-nogui",
	"pdftotext": "poppler-utils",
	Python:      "python3",
}

// Need fails the test when a tool is missing.
func Need(t testing.TB, names ...string) {
	t.Helper()
	for _, n := range names {
		if _, err := exec.LookPath(n); err != nil {
			t.Fatalf("%s is not installed (Debian package %s; `make test-deps` installs it): %v", n, tools[n], err)
		}
	}
}

// ToPDF converts Word files to PDF with LibreOffice headless, all in one
// run, and returns the PDFs' paths. A file LibreOffice cannot convert
// fails the test.
func ToPDF(t testing.TB, files ...string) []string {
	t.Helper()
	Need(t, "soffice")
	dir := t.TempDir()
	profile := "file://" + filepath.Join(dir, "profile")
	args := append([]string{"-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf", "--outdir", dir}, files...)
	cmd := exec.Command("soffice", args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("soffice --convert-to pdf: %v\n%s", err, out.String())
	}
	pdfs := make([]string, len(files))
	for i, f := range files {
		pdfs[i] = filepath.Join(dir, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))+".pdf")
		if st, err := os.Stat(pdfs[i]); err != nil || st.Size() == 0 {
			t.Fatalf("LibreOffice did not convert %s: %v\n%s", f, err, out.String())
		}
	}
	return pdfs
}

// Pages is the text of each page of a PDF, as pdftotext reads it.
func Pages(t testing.TB, pdf string) []string {
	t.Helper()
	Need(t, "pdftotext")
	out, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	pages := strings.Split(string(out), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// Body is the text between the header and the footer of every page of an
// A4 PDF, squashed (see Squash): the words of the document, without the
// running header and footer that break a clause at a page end. The layout
// mode keeps a hanging clause number on its clause's line.
func Body(t testing.TB, pdf string) string {
	t.Helper()
	Need(t, "pdftotext")
	out, err := exec.Command("pdftotext", "-layout", "-x", "0", "-y", "62", "-W", "596", "-H", "720", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	return Squash(string(out))
}

// Squash drops white space and hyphens: the two PDFs wrap lines in other
// places, and pdftotext drops a hyphen at a line end.
func Squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' || r == '\u00ad' || r == '\u2010' {
			return -1
		}
		return r
	}, s)
}

// SameText checks that two squashed texts (our PDF's and LibreOffice's
// PDF of the Word file) both hold doc clause by clause, in order: each
// section heading, subheading, numbered clause with its number, and
// paragraph. The words of table cells, the cover, checklist and signature
// blocks must appear too, in any order: text side by side in columns
// reads back line by line, interleaved.
func SameText(t testing.TB, doc render.Document, ours, word string) {
	t.Helper()
	var ordered, anywhere []string
	for _, s := range doc.Sections {
		ordered = append(ordered, strings.TrimSpace(s.Number+" "+s.Heading))
		for _, b := range s.Blocks {
			switch {
			case b.Table != nil:
				anywhere = append(anywhere, b.Table.Columns...)
				for _, r := range b.Table.Rows {
					anywhere = append(anywhere, r...)
				}
			case b.Kind == render.Clause:
				ordered = append(ordered, b.Number+" "+b.Text)
			default:
				ordered = append(ordered, b.Text)
			}
		}
	}
	for _, p := range doc.Cover.Parties {
		anywhere = append(anywhere, p.Name, p.Details)
	}
	for _, k := range doc.Cover.KeyTerms {
		anywhere = append(anywhere, k.Label, k.Value)
	}
	for _, g := range doc.Checklist.Groups {
		anywhere = append(anywhere, g.Name)
		for _, e := range g.Elements {
			anywhere = append(anywhere, e.Name)
		}
	}
	for _, s := range doc.Signing.Signatories {
		anywhere = append(anywhere, s.Party, s.Name, s.Title)
	}
	for name, text := range map[string]string{"our PDF": ours, "the Word file's PDF": word} {
		at := 0
		for _, piece := range ordered {
			sq := Squash(piece)
			i := strings.Index(text[at:], sq)
			if i < 0 {
				t.Errorf("%s lacks, after what came before it: %.120q", name, piece)
				continue
			}
			at += i + len(sq)
		}
		for _, piece := range anywhere {
			for _, w := range strings.Fields(piece) {
				if sq := Squash(w); !strings.Contains(text, sq) {
					t.Errorf("%s lacks %q of %.120q", name, w, piece)
				}
			}
		}
	}
}

// Opened is what python-docx sees in a Word file.
type Opened struct {
	Paragraphs []struct {
		Style string `json:"style"`
		Text  string `json:"text"`
	} `json:"paragraphs"`
	Tables      int      `json:"tables"`
	HeaderTexts []string `json:"headers"`
	FooterTexts []string `json:"footers"`
}

const pythonDocx = `
import json, sys, docx
d = docx.Document(sys.argv[1])
out = {"paragraphs": [{"style": p.style.name, "text": p.text} for p in d.paragraphs],
       "tables": len(d.tables),
       "headers": [p.text for s in d.sections for p in s.header.paragraphs],
       "footers": [p.text for s in d.sections for p in s.footer.paragraphs]}
json.dump(out, sys.stdout)
`

// PythonDocx opens a Word file with python-docx.
func PythonDocx(t testing.TB, file string) Opened {
	t.Helper()
	Need(t, Python)
	cmd := exec.Command(Python, "-c", pythonDocx, file)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python-docx cannot open %s (Debian package python3-docx): %v\n%s", file, err, stderr.String())
	}
	var o Opened
	if err := json.Unmarshal(out, &o); err != nil {
		t.Fatalf("python-docx output: %v", err)
	}
	return o
}

// skipped are paragraph styles the PDF lays out differently: the lines to
// initial and sign are boxes in the PDF.
var skipped = map[string]bool{"Initials": true, "SignatureLine": true}

// SameAsWord checks that two squashed texts (our PDF's and LibreOffice's
// PDF of the Word file) both hold the Word file's paragraphs, with every
// tracked change shown, in order; the words of table cells anywhere.
func SameAsWord(t testing.TB, file []byte, ours, word string) {
	t.Helper()
	paras := Paragraphs(t, file, Markup)
	if len(paras) == 0 {
		t.Fatal("the Word file has no paragraphs")
	}
	for name, text := range map[string]string{"our PDF": ours, "the Word file's PDF": word} {
		at := 0
		for _, p := range paras {
			sq := Squash(p.Text)
			switch {
			case sq == "" || skipped[p.Style]:
			case p.InTable:
				for _, w := range strings.Fields(p.Text) {
					if w != "☒" && w != "☐" && !strings.Contains(text, Squash(w)) { // the PDF draws its boxes
						t.Errorf("%s lacks %q of the table cell %.80q", name, w, p.Text)
					}
				}
			default:
				i := strings.Index(text[at:], sq)
				if i < 0 {
					t.Errorf("%s lacks, after what came before it, the %s paragraph %.120q", name, p.Style, p.Text)
					continue
				}
				at += i + len(sq)
			}
		}
	}
}

// Resave opens a Word file in LibreOffice and saves it as Word again, as
// the other side's office suite would, and returns the new file's path.
func Resave(t testing.TB, file string) string {
	t.Helper()
	Need(t, "soffice")
	dir := t.TempDir()
	cmd := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "docx:MS Word 2007 XML", "--outdir", dir, file)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to docx: %v\n%s", err, out)
	}
	return filepath.Join(dir, filepath.Base(file))
}
