package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"pactwright/render"
)

var fixed = Options{Author: "Tester", Now: time.Date(2027, 3, 1, 9, 30, 0, 0, time.UTC)}

// sample is a small agreement with what the writer has to handle: numbered
// groups and clauses, a defined term, a schedule table, a checklist and
// signatures, and a draft JSON attachment.
func sample() render.Document {
	return render.Document{
		Title: "Call Centre Services Agreement", Subtitle: "between A & B Ltd and C Ltd", ID: "PW-1234-ABCD", Draft: true,
		Attachments: []render.Attachment{{Name: "pactwright-draft.json", MIME: "application/json", Data: []byte(`{"title":"A <&> B"}`)}},
		Cover:       render.Cover{KeyTerms: []render.KeyTerm{{Label: "Charges", Value: "£24.50 per hour"}}, Note: "For convenience only."},
		Sections: []render.Section{
			{Key: "parties", Number: "1", Heading: "Parties & Term", Blocks: []render.Block{
				{Kind: render.Paragraph, Text: `This agreement is made between A & B Ltd (the "Customer") and C Ltd.`},
				{Kind: render.Subheading, Text: "Definitions"},
				{Kind: render.Clause, Key: "parties.definitions", Number: "1.1", Text: "In this agreement:"},
				{Kind: render.Paragraph, Text: `"Business Day" means a day other than a Saturday.`},
				{Kind: render.Clause, Key: "parties.term", Number: "1.2", Text: "This agreement starts\non the Start Date."},
			}},
			{Key: "pricing", Number: "2", Heading: "Pricing", Blocks: []render.Block{
				{Kind: render.Clause, Key: "pricing.invoices_and_payment", Number: "2.1", Text: "Invoices are payable within 30 days."},
			}},
			{Key: "schedule.charges", Number: "Schedule 1", Heading: "Charges", NewPage: true, Blocks: []render.Block{
				{Kind: render.TableBlock, Table: &render.Table{Columns: []string{"Charge", "Amount"}, Widths: []float64{2, 1}, Rows: [][]string{{"Main rate", "£24.50"}, {"Set-up", "£5,000.00"}}}},
			}},
		},
		Checklist: render.Checklist{Groups: []render.ChecklistGroup{{Name: "Pricing", Elements: []render.ChecklistElement{{Name: "Charges", Status: "Complete", Done: true}}}}},
		Signing:   render.Signing{Intro: "Signed by the parties.", Signatories: []render.Signatory{{Party: "For and on behalf of A & B Ltd", Role: "Customer", Name: "Priya Shah"}}},
	}
}

// parts unzips a Word file, checking that every part is well-formed XML.
func parts(t *testing.T, file []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
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
		dec := xml.NewDecoder(bytes.NewReader(data))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
			}
		}
		out[f.Name] = string(data)
	}
	return out
}

func TestWordFileParts(t *testing.T) {
	file, err := Bytes(sample(), fixed)
	if err != nil {
		t.Fatal(err)
	}
	p := parts(t, file)
	for _, name := range []string{"[Content_Types].xml", "word/document.xml", "word/styles.xml", "word/numbering.xml", "word/header1.xml", "word/footer1.xml", "customXml/item1.xml"} {
		if p[name] == "" {
			t.Errorf("no %s", name)
		}
	}
	body := p["word/document.xml"]
	checks := []struct{ what, pattern string }{
		{"clauses numbered by Word, not as text", `<w:pStyle w:val="Clause"/></w:pPr><w:bookmarkStart w:id="\d+" w:name="pw_parties_definitions"/><w:r><w:t xml:space="preserve">In this agreement:`},
		{"a line break inside a clause", `starts</w:t><w:br/><w:t xml:space="preserve">on the Start Date`},
		{"the defined term bold where it is defined", `<w:rStyle w:val="DefinedTerm"/></w:rPr><w:t xml:space="preserve">&quot;Business Day&quot;</w:t>`},
		{"a term defined after a name", `<w:rStyle w:val="DefinedTerm"/></w:rPr><w:t xml:space="preserve">&quot;Customer&quot;</w:t>`},
		{"a schedule heading numbered by the schedule list", `<w:pStyle w:val="ScheduleHeading"/><w:pageBreakBefore/></w:pPr><w:r><w:t xml:space="preserve">Charges</w:t>`},
		{"the table header repeating on every page", `<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`},
		{"escaped text", `A &amp; B Ltd`},
	}
	for _, c := range checks {
		if !regexp.MustCompile(c.pattern).MatchString(body) {
			t.Errorf("document.xml lacks %s (%s)", c.what, c.pattern)
		}
	}
	if !strings.Contains(p["word/header1.xml"], DraftMark) {
		t.Error("a draft's header does not say DRAFT")
	}
	for _, f := range []string{"PAGE", "NUMPAGES", "Doc ID PW-1234-ABCD"} {
		if !strings.Contains(p["word/footer1.xml"], f) {
			t.Errorf("the footer lacks %s", f)
		}
	}
	if !strings.Contains(p["word/settings.xml"], `w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"`) {
		t.Error("settings do not keep Word out of compatibility mode")
	}

	done := sample()
	done.Draft = false
	file, err = Bytes(done, fixed)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(parts(t, file)["word/header1.xml"], "DRAFT") {
		t.Error("a complete agreement's header says DRAFT")
	}
}

func TestWordFileCarriesTheDraft(t *testing.T) {
	file, err := Bytes(sample(), fixed)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Read(file)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(c.Files["pactwright-draft.json"]); got != `{"title":"A <&> B"}` || c.DocumentID != "PW-1234-ABCD" {
		t.Errorf("carried %q, document %q", got, c.DocumentID)
	}
	want := []Mark{
		{Key: "parties", Number: "1", Bookmark: "pw_parties"},
		{Key: "parties.definitions", Number: "1.1", Bookmark: "pw_parties_definitions"},
		{Key: "parties.term", Number: "1.2", Bookmark: "pw_parties_term"},
		{Key: "pricing", Number: "2", Bookmark: "pw_pricing"},
		{Key: "pricing.invoices_and_payment", Number: "2.1", Bookmark: "pw_pricing_invoices_and_payment"},
		{Key: "schedule.charges", Number: "Schedule 1", Bookmark: "pw_schedule_charges"},
	}
	if len(c.Clauses) != len(want) {
		t.Fatalf("clauses %+v, want %+v", c.Clauses, want)
	}
	for i := range want {
		if c.Clauses[i] != want[i] {
			t.Errorf("clause %d: %+v, want %+v", i, c.Clauses[i], want[i])
		}
	}
	if _, err := Read([]byte("not a zip")); err == nil {
		t.Error("a file that is not a Word file read without error")
	}
	plain := sample()
	plain.Attachments = nil
	file, _ = Bytes(plain, fixed)
	if c, _ := Read(file); len(c.Files) != 0 {
		t.Errorf("a document without attachments carries %v", c.Files)
	}
}

func TestBookmarkNamesAreValidAndUnique(t *testing.T) {
	used := map[string]bool{}
	keys := []string{"a.b", "a_b", "termination.exit_assistance.really_long_subheading_name.2", "termination.exit_assistance.really_long_subheading_name.3", "é.x"}
	valid := regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]{0,39}$`)
	for _, k := range keys {
		n := bookmarkName(k, used)
		if !valid.MatchString(n) {
			t.Errorf("%q: bookmark %q is not a valid Word bookmark name", k, n)
		}
	}
	if len(used) != len(keys) {
		t.Errorf("names collide: %v", used)
	}
}

// TestNumbersWordCannotMakeStayText: a document whose numbers are not
// Word's sequence (an amendment numbering its changes 1.1, 1.2 after an
// unnumbered heading) keeps its numbers as text rather than showing
// Word's.
func TestNumbersWordCannotMakeStayText(t *testing.T) {
	doc := render.Document{Sections: []render.Section{{Number: "3", Heading: "Later", Blocks: []render.Block{{Kind: render.Clause, Number: "3.4", Text: "Odd."}}}}}
	file, err := Bytes(doc, fixed)
	if err != nil {
		t.Fatal(err)
	}
	body := parts(t, file)["word/document.xml"]
	if n := strings.Count(body, `<w:numId w:val="0"/>`); n != 2 {
		t.Errorf("%d paragraphs taken out of Word's numbering, want the heading and the clause", n)
	}
	for _, want := range []string{`<w:t xml:space="preserve">3</w:t><w:tab/><w:t xml:space="preserve">Later</w:t>`, `<w:t xml:space="preserve">3.4</w:t><w:tab/></w:r>`} {
		if !strings.Contains(body, want) {
			t.Errorf("the number is not kept as text: no %s in\n%s", want, body)
		}
	}
}

// TestConspicuousTermsAreBoldInWord: a term the law wants conspicuous
// (Texas's jury waiver) is bold in the Word file as in the PDF, so that the
// version the other side negotiates and signs still gives fair notice.
func TestConspicuousTermsAreBoldInWord(t *testing.T) {
	doc := render.Document{Sections: []render.Section{{Number: "9", Heading: "Disputes", Blocks: []render.Block{
		{Kind: render.Clause, Number: "9.1", Text: "Disputes go to the courts of Texas."},
		{Kind: render.Clause, Number: "9.2", Text: "EACH PARTY GIVES UP ANY RIGHT TO A TRIAL BY JURY.", Conspicuous: true},
	}}}}
	file, err := Bytes(doc, fixed)
	if err != nil {
		t.Fatal(err)
	}
	body := parts(t, file)["word/document.xml"]
	if !strings.Contains(body, `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">EACH PARTY GIVES UP ANY RIGHT TO A TRIAL BY JURY.</w:t></w:r>`) {
		t.Errorf("the jury waiver is not bold in the Word file:\n%s", body)
	}
	if strings.Contains(body, `<w:b/></w:rPr><w:t xml:space="preserve">Disputes go to`) {
		t.Error("an ordinary clause is bold too")
	}
}
