package amend_test

import (
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
