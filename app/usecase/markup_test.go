package usecase_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"pactwright/app/agreement"
	"pactwright/app/draft"
	"pactwright/app/library"
	"pactwright/app/template"
	"pactwright/app/usecase"
	"pactwright/render/docx/docxtest"
)

const theirRewrite = "The Provider may not subcontract the Services at all."

// markUp changes a Word file as the other side's Word would: payment days
// 30 → 45 as a tracked change with a comment, and one clause rewritten in
// their own words.
func markUp(t *testing.T, file []byte) []byte {
	t.Helper()
	file = docxtest.TrackReplace(t, file, "pw_pricing_invoices_and_payment", "30", "45", "Our finance team needs 45 days.")
	return docxtest.Rewrite(t, file, "pw_general_subcontracting", theirRewrite)
}

// checkMarkup: the payment clause changed, with payment days 45 proposed;
// the subcontracting clause rewritten, with nothing proposed; the comment
// named with its author and clause; everything else unchanged.
func checkMarkup(t *testing.T, m usecase.Markup) {
	t.Helper()
	byKey := map[string]usecase.MarkedClause{}
	for _, c := range m.Clauses {
		byKey[c.Key] = c
	}
	pay, sub := byKey["pricing.invoices_and_payment"], byKey["general.subcontracting"]
	if len(m.Clauses) != 2 || pay.Status != usecase.ClauseChanged || sub.Status != usecase.ClauseChanged {
		t.Fatalf("clauses %+v, want the payment and subcontracting clauses changed", m.Clauses)
	}
	if !strings.Contains(pay.Diff, "within [-30-]{+45+} days") || !pay.Tracked {
		t.Errorf("payment clause diff %q tracked %v", pay.Diff, pay.Tracked)
	}
	if len(m.Proposals) != 1 || m.Proposals[0].Field != "payment_days" || m.Proposals[0].From != "30 days" || m.Proposals[0].To != "45 days" {
		t.Errorf("proposals %+v, want payment days 30 → 45", m.Proposals)
	}
	if sub.Theirs != theirRewrite || len(sub.Proposals) != 0 {
		t.Errorf("rewritten clause: %+v", sub)
	}
	if len(m.Comments) != 1 || m.Comments[0].Author != "Tom Reid" || m.Comments[0].Clause != "pricing.invoices_and_payment" || m.Comments[0].Text != "Our finance team needs 45 days." {
		t.Errorf("comments %+v", m.Comments)
	}
	if m.Unchanged < 60 {
		t.Errorf("only %d clauses unchanged", m.Unchanged)
	}
	if len(m.Elsewhere) > 0 {
		t.Errorf("changes outside the clauses that nobody made: %+v", m.Elsewhere)
	}
}

// TestMarkupStory: the example goes out as Word and comes back marked up
// as the other side would mark it (payment days 30 → 45 as a tracked
// change with a comment, and a clause rewritten in their own words):
// edited as Word writes it, that file re-saved by LibreOffice, and edited
// in LibreOffice itself. Each time the markup proposes 45 days, offers the
// rewrite as negotiated wording and shows the comment; once the answer
// change is applied and the rewrite kept, the PDF shows 45 days and their
// clause, and its checklist and the findings name it.
func TestMarkupStory(t *testing.T) {
	routes := []struct {
		name string
		back func(t *testing.T, dir string, sent []byte) []byte
	}{
		{"edited as Word writes it", func(t *testing.T, _ string, sent []byte) []byte { return markUp(t, sent) }},
		{"re-saved by LibreOffice", func(t *testing.T, dir string, sent []byte) []byte {
			in := filepath.Join(dir, "returned.docx")
			if err := os.WriteFile(in, markUp(t, sent), 0o600); err != nil {
				t.Fatal(err)
			}
			return mustRead(t, docxtest.Resave(t, in))
		}},
		{"edited in LibreOffice", func(t *testing.T, _ string, sent []byte) []byte {
			return docxtest.EditInLibreOffice(t, sent, func(fodt string) string {
				fodt = docxtest.ODFTrackReplace(t, fodt, "pw_pricing_invoices_and_payment", "within ", "30", "45", "Our finance team needs 45 days.")
				return docxtest.ODFRewrite(t, fodt, "pw_general_subcontracting", theirRewrite)
			})
		}},
	}
	for _, r := range routes {
		t.Run(r.name, func(t *testing.T) {
			h := newHarness(t)
			tp := template.CallCentre()
			example := draft.Example(tp)
			example.Confirm(tp)
			id, err := h.svc.Library.Create(example)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(h.dir, "agreement.docx")
			if _, err := h.svc.Export(usecase.ExportRequest{Draft: id, Kind: usecase.Agreement, Format: usecase.Word, Path: path, Version: -1,
				Write: func(b []byte) error { return os.WriteFile(path, b, 0o600) }}); err != nil {
				t.Fatal(err)
			}
			m, err := h.svc.ReadMarkup(id, r.back(t, h.dir, mustRead(t, path)))
			if err != nil {
				t.Fatal(err)
			}
			checkMarkup(t, m)
			sub := m.Clauses[1]
			if !sub.Negotiable {
				t.Fatalf("their rewrite is not offered as negotiated wording: %+v", sub)
			}

			if n, err := h.svc.ApplyMarkup(id, m.Proposals); err != nil || n != 1 {
				t.Fatalf("apply: %d, %v", n, err)
			}
			if _, err := h.svc.KeepWording(id, m, "back.docx", usecase.WordingChoice{Keep: []string{sub.Number}}, time.Now()); err != nil {
				t.Fatal(err)
			}
			pdf, out := h.export(id, usecase.Agreement, "after.pdf")
			if out.Draft {
				t.Errorf("not signable after the markup: %v", out.Blockers)
			}
			mustContain(t, "the PDF after the markup", pdftext(t, pdf), "within 45 days of receiving it", sub.Number+" "+theirRewrite,
				"Clause "+sub.Number+" Negotiated wording, as agreed with the other side")
			mustContain(t, "the findings", findings(t, h.svc, id), "MEDIUM Clause "+sub.Number+" uses negotiated wording (from back.docx")
		})
	}
}

// TestMarkupFilesItCannotMatch: a file that is not a Word file, or not
// from Pactwright, is refused with a message saying so; one whose draft
// part a program dropped but whose clause bookmarks survive is compared
// with the draft as it is now, with a note.
func TestMarkupFilesItCannotMatch(t *testing.T) {
	h := newHarness(t)
	id, err := h.svc.Library.Create(draft.Example(template.CallCentre()))
	if err != nil {
		t.Fatal(err)
	}
	returned := returnedExample(h, id)
	if _, err := h.svc.ReadMarkup(id, []byte("PK not really")); err == nil || !strings.Contains(err.Error(), "not a Word file (.docx)") {
		t.Errorf("a file that is not a Word file: %v", err)
	}
	dropped := docxtest.Rezip(t, returned, func(name, data string) string {
		if strings.HasPrefix(name, "customXml/item1") {
			return `<?xml version="1.0"?><other xmlns="urn:someone-else"/>`
		}
		return data
	}, nil)
	m, err := h.svc.ReadMarkup(id, dropped)
	if err != nil {
		t.Fatal(err)
	}
	checkMarkup(t, m)
	if len(m.Notes) != 1 || !strings.Contains(m.Notes[0], "no longer carries the draft it was sent with") || !strings.Contains(m.Report("back.docx"), "back.docx (document id unknown) against draft 1") {
		t.Errorf("a file without its draft: notes %q", m.Notes)
	}
	bookmarks := regexp.MustCompile(`<w:bookmark(Start|End) [^>]*/>`)
	foreign := docxtest.Rezip(t, dropped, func(name, data string) string {
		if name == "word/document.xml" {
			return bookmarks.ReplaceAllString(data, "")
		}
		return data
	}, nil)
	if _, err := h.svc.ReadMarkup(id, foreign); err != usecase.ErrNotPactwrightWord {
		t.Errorf("a Word file not from Pactwright: %v", err)
	}
}

// BenchmarkReadMarkup reads the marked-up example back and proposes the
// answer change (target ≤ 100 ms).
func BenchmarkReadMarkup(b *testing.B) {
	lib, err := library.Open(filepath.Join(b.TempDir(), "library.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer lib.Close()
	eng, err := agreement.NewEngine(template.CallCentre())
	if err != nil {
		b.Fatal(err)
	}
	svc := &usecase.Service{Library: lib, Engine: eng}
	id, err := lib.Create(draft.Example(template.CallCentre()))
	if err != nil {
		b.Fatal(err)
	}
	var sent []byte
	if _, err := svc.Export(usecase.ExportRequest{Draft: id, Format: usecase.Word, Version: -1, Write: func(f []byte) error { sent = f; return nil }}); err != nil {
		b.Fatal(err)
	}
	returned := docxtest.TrackReplace(b, sent, "pw_pricing_invoices_and_payment", "30", "45", "We need 45 days.")
	b.ResetTimer()
	for b.Loop() {
		m, err := svc.ReadMarkup(id, returned)
		if err != nil || len(m.Proposals) != 1 {
			b.Fatalf("%+v, %v", m.Proposals, err)
		}
	}
}

// TestMarkupInsertedAndDeletedClauses: a clause they typed in with the
// Clause style is listed as inserted after the clause it follows; a clause
// they emptied as deleted; a file from another draft is compared with the
// draft inside it, with a note.
func TestMarkupInsertedAndDeletedClauses(t *testing.T) {
	h := newHarness(t)
	tp := template.CallCentre()
	id, err := h.svc.Library.Create(draft.Example(tp))
	if err != nil {
		t.Fatal(err)
	}
	other, err := h.svc.Library.Create(draft.Example(tp))
	if err != nil {
		t.Fatal(err)
	}
	var sent []byte
	if _, err := h.svc.Export(usecase.ExportRequest{Draft: id, Format: usecase.Word, Version: -1, Write: func(b []byte) error { sent = b; return nil }}); err != nil {
		t.Fatal(err)
	}
	back := docxtest.Rewrite(t, sent, "pw_general_insurance", "")
	back = docxtest.Rezip(t, back, func(name, data string) string {
		if name != "word/document.xml" {
			return data
		}
		at := strings.Index(data, `w:name="pw_pricing_late_payment"`)
		end := strings.Index(data[at:], "</w:p>") + at + len("</w:p>")
		return data[:end] + `<w:p><w:pPr><w:pStyle w:val="Clause"/></w:pPr><w:r><w:t>Interest never exceeds 2% a month.</w:t></w:r></w:p>` + data[end:]
	}, nil)
	m, err := h.svc.ReadMarkup(id, back)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range m.Clauses {
		got = append(got, c.Status+" "+c.Number+" "+c.Key)
	}
	want := []string{"inserted new, after 4.6 ", "deleted 8.8 general.insurance"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("clauses %q, want %q", got, want)
	}
	if m.Clauses[0].Theirs != "Interest never exceeds 2% a month." {
		t.Errorf("inserted clause %+v", m.Clauses[0])
	}
	if r := m.Report("back.docx"); !strings.Contains(r, "0 changed, 1 inserted, 1 deleted") || !strings.Contains(r, "new, after 4.6: inserted\n  Interest never exceeds") {
		t.Errorf("report:\n%s", r)
	}
	m, err = h.svc.ReadMarkup(other, back)
	if err != nil || len(m.Notes) != 1 || !strings.Contains(m.Notes[0], "exported from draft 1") {
		t.Errorf("a file from another draft: notes %q, %v", m.Notes, err)
	}
}

// TestMarkupOutsideTheClauses: a change to the cover or a schedule cannot
// become an answer or negotiated wording, but it is shown, part by part,
// with a word of what to do about it.
func TestMarkupOutsideTheClauses(t *testing.T) {
	h := newHarness(t)
	id, err := h.svc.Library.Create(draft.Example(template.CallCentre()))
	if err != nil {
		t.Fatal(err)
	}
	var sent []byte
	if _, err := h.svc.Export(usecase.ExportRequest{Draft: id, Format: usecase.Word, Version: -1, Write: func(b []byte) error { sent = b; return nil }}); err != nil {
		t.Fatal(err)
	}
	back := docxtest.Rezip(t, sent, func(name, data string) string {
		if name != "word/document.xml" {
			return data
		}
		data = strings.Replace(data, `<w:t xml:space="preserve">4 January 2027</w:t>`, `<w:t xml:space="preserve">1 February 2027</w:t>`, 1)
		return strings.Replace(data, `All amounts exclude tax unless`, `All amounts include tax unless`, 1)
	}, nil)
	m, err := h.svc.ReadMarkup(id, back)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Clauses) != 0 || len(m.Elsewhere) != 2 {
		t.Fatalf("clauses %+v, elsewhere %+v", m.Clauses, m.Elsewhere)
	}
	report := m.Report("back.docx")
	mustContain(t, "the comparison", report, "0 changed, 0 inserted, 0 deleted; 0 comments; 2 parts changed outside the clauses",
		"Outside the clauses, the cover, checklist or signature page, after “Start date”: changed", "[-4 January-]{+1 February+} 2027",
		"Outside the clauses, Schedule 2 (schedule.charges), after “Charges”: changed", "All amounts [-exclude-]{+include+} tax",
		"Pactwright reads no answers from here")
	pdf := filepath.Join(h.dir, "report.pdf")
	b, err := h.svc.MarkupFile(m, "back.docx", ".pdf")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pdf, b, 0o600); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "the report", pdftext(t, pdf), "Outside the clauses", "Schedule 2 (schedule.charges), after “Charges”", "All amounts [-exclude-]{+include+} tax")
}

// TestMarkupProposesOptionsAndDurations: a rewrite that another option
// of the clause's own choices produces, and a duration given in other
// units, are proposed as answer changes like a changed number.
func TestMarkupProposesOptionsAndDurations(t *testing.T) {
	h := newHarness(t)
	id, err := h.svc.Library.Create(draft.Example(template.CallCentre()))
	if err != nil {
		t.Fatal(err)
	}
	var sent []byte
	if _, err := h.svc.Export(usecase.ExportRequest{Draft: id, Format: usecase.Word, Version: -1, Write: func(b []byte) error { sent = b; return nil }}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ bookmark, old, new, want string }{
		{"pw_pricing_invoices_and_payment", "monthly in arrears, with the supporting volume and staffing data for the month", "monthly in advance, with a reconciliation against actual volumes in the following invoice", "invoicing: Monthly, after the month's work, with the volume figures → Monthly, in advance"},
		{"pw_scope_hours_of_operation", "30 days", "20 Business Days", "hours_change_notice: 30 days → 20 Business Days"},
	} {
		back := docxtest.TrackReplace(t, sent, c.bookmark, c.old, c.new, "")
		m, err := h.svc.ReadMarkup(id, back)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range m.Proposals {
			got = append(got, p.Field+": "+p.From+" → "+p.To)
		}
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%q → %q: proposals %q, want %q", c.old, c.new, got, c.want)
		}
	}
}
