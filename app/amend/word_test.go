package amend_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pactwright/app/amend"
	"pactwright/app/answers"
	"pactwright/app/draft"
	"pactwright/app/template"
	"pactwright/render"
	"pactwright/render/docx"
	"pactwright/render/docx/docxtest"
)

// sectionStyles are the paragraph styles of the clauses and schedules, the
// part of a redline that compares two versions.
var sectionStyles = map[string]bool{"Heading1": true, "Heading2": true, "ScheduleHeading": true, "Clause": true, "BodyText": true, "TableText": true, "TableHeader": true}

func sectionText(t *testing.T, file []byte, v docx.View) []docxtest.Paragraph {
	t.Helper()
	var out []docxtest.Paragraph
	for _, p := range docxtest.Paragraphs(t, file, v) {
		if sectionStyles[p.Style] && p.Text != "" {
			out = append(out, p)
		}
	}
	return out
}

func word(t *testing.T, doc render.Document) []byte {
	t.Helper()
	b, err := docx.Bytes(doc, docx.Options{Author: "Pactwright", Now: time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func sameParagraphs(t *testing.T, what string, got, want []docxtest.Paragraph) {
	t.Helper()
	for i := 0; i < max(len(got), len(want)); i++ {
		var g, w docxtest.Paragraph
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Fatalf("%s: paragraph %d is %+v, want %+v (%d paragraphs, want %d)", what, i, g, w, len(got), len(want))
		}
	}
}

// TestWordRedlineAcceptsAndRejects: the redline as a Word file holds its
// differences as tracked changes: accepting all of them gives exactly the
// newer version's clauses and schedules, rejecting all exactly the older's.
// Both directions run, so clauses, subheadings and table columns are both
// inserted and deleted.
func TestWordRedlineAcceptsAndRejects(t *testing.T) {
	e, signed, amended := versions(t)
	tp := template.CallCentre()
	noCredits := draft.Example(tp)
	noCredits.Answers["service_credits"] = answers.Value{Text: "no"}
	noCredits.Answers["payment_days"] = answers.Value{Text: "45"}
	fewer, err := e.Document(noCredits)
	if err != nil {
		t.Fatal(err)
	}
	pairs := []struct {
		name         string
		older, newer render.Document
	}{
		{"price and service level", signed, amended},
		{"service credits dropped", signed, fewer},
		{"service credits added", fewer, amended},
	}
	for _, p := range pairs {
		t.Run(p.name, func(t *testing.T) {
			red, changes := amend.Redline(p.older, p.newer, "the older", "the newer")
			if len(changes) == 0 {
				t.Fatal("no changes")
			}
			file := word(t, red)
			sameParagraphs(t, "accept all", sectionText(t, file, docxtest.AcceptAll), sectionText(t, word(t, p.newer), docxtest.Markup))
			sameParagraphs(t, "reject all", sectionText(t, file, docxtest.RejectAll), sectionText(t, word(t, p.older), docxtest.Markup))
		})
	}
}

// TestWordRedlineThroughLibreOffice: LibreOffice's Accept All on the
// redline gives the newer version's clauses and schedules as LibreOffice
// reads that version's own Word file, numbers included (a deleted clause's
// successors renumber); Reject All gives the older's.
func TestWordRedlineThroughLibreOffice(t *testing.T) {
	docxtest.Need(t, "soffice")
	e, signed, _ := versions(t)
	noCredits := draft.Example(template.CallCentre())
	noCredits.Answers["service_credits"] = answers.Value{Text: "no"}
	noCredits.Answers["payment_days"] = answers.Value{Text: "45"}
	newer, err := e.Document(noCredits)
	if err != nil {
		t.Fatal(err)
	}
	red, _ := amend.Redline(signed, newer, "the older", "the newer")
	dir := t.TempDir()
	files := map[string]render.Document{"redline": red, "older": signed, "newer": newer}
	for name, doc := range files {
		if err := os.WriteFile(filepath.Join(dir, name+".docx"), word(t, doc), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	path := func(name string) string { return filepath.Join(dir, name+".docx") }
	texts := docxtest.ResolveText(t,
		docxtest.Resolved{File: path("redline"), How: docxtest.Accept},
		docxtest.Resolved{File: path("redline"), How: docxtest.Reject},
		docxtest.Resolved{File: path("newer")},
		docxtest.Resolved{File: path("older")})
	accepted, rejected, wantNew, wantOld := clausesOf(t, texts[0]), clausesOf(t, texts[1]), clausesOf(t, texts[2]), clausesOf(t, texts[3])
	if accepted != wantNew {
		t.Errorf("LibreOffice's Accept All does not give the newer version:\n%s", firstDifference(accepted, wantNew))
	}
	if rejected != wantOld {
		t.Errorf("LibreOffice's Reject All does not give the older version:\n%s", firstDifference(rejected, wantOld))
	}
	if !strings.Contains(accepted, "3.7 If, in any month") || !strings.Contains(rejected, "3.8 A chronic failure occurs") {
		t.Error("the clauses after the deleted one are not renumbered")
	}
}

// clausesOf is the text from the first clause group's heading to the end
// of the schedules, without empty lines: when a table changes its columns
// the redline holds both tables, which Word needs an empty paragraph to
// keep apart, and that paragraph stays whichever way the changes go.
func clausesOf(t *testing.T, text string) string {
	t.Helper()
	start := strings.Index(text, "1 Parties & Term")
	if start < 0 {
		t.Fatalf("no first clause group in:\n%.2000s", text)
	}
	text = text[start:]
	if end := strings.Index(text, "\nClause checklist"); end >= 0 {
		text = text[:end]
	}
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

func firstDifference(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < max(len(al), len(bl)); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n got %q\nwant %q", i+1, x, y)
		}
	}
	return ""
}
