package usecase_test

import (
	"strings"
	"testing"
	"time"

	"pactwright/app/check"
	"pactwright/app/draft"
	"pactwright/app/library"
	"pactwright/app/template"
	"pactwright/app/usecase"
	"pactwright/render/docx"
	"pactwright/render/docx/docxtest"
)

// returnedExample exports draft id as Word and marks it up as the other
// side would (see markUp).
func returnedExample(h *harness, id int64) []byte {
	h.t.Helper()
	var sent []byte
	if _, err := h.svc.Export(usecase.ExportRequest{Draft: id, Format: usecase.Word, Version: -1, Write: func(b []byte) error { sent = b; return nil }}); err != nil {
		h.t.Fatal(err)
	}
	return markUp(h.t, sent)
}

func findings(t *testing.T, svc *usecase.Service, id int64) string {
	t.Helper()
	d, err := svc.Library.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, f := range check.ForDraft(template.CallCentre(), d.Content).Findings {
		msgs = append(msgs, strings.ToUpper(string(f.Severity))+" "+f.Message)
	}
	return strings.Join(msgs, "\n")
}

// TestNegotiatedWording: their rewrite of a clause, kept as negotiated
// wording, is printed under the clause's own number in the PDF and the
// Word file, marked in the checklist, named by a MEDIUM finding that does
// not stop a signable export, carried into the amendment, the redline and
// the conformed copy, and can be dropped again.
func TestNegotiatedWording(t *testing.T) {
	h := newHarness(t)
	tp := template.CallCentre()
	example := draft.Example(tp)
	example.Confirm(tp)
	id, err := h.svc.Library.Create(example)
	if err != nil {
		t.Fatal(err)
	}
	h.export(id, usecase.Agreement, "signed.pdf")
	if _, err := h.svc.MarkSigned(id, nil); err != nil {
		t.Fatal(err)
	}

	m, err := h.svc.ReadMarkup(id, returnedExample(h, id))
	if err != nil {
		t.Fatal(err)
	}
	checkMarkup(t, m)
	sub := m.Clauses[1]
	if sub.Key != "general.subcontracting" || !sub.Negotiable || m.Clauses[0].Negotiable {
		t.Fatalf("offered as negotiated wording: %+v", m.Clauses)
	}
	mustContain(t, "the comparison", m.Report("back.docx"), sub.Number+" general.subcontracting: changed\n", "their own wording: no answers produce it; it can be kept as negotiated wording, or rejected")

	// Only a rewrite no answer produces can be kept, and not also rejected.
	for _, c := range []usecase.WordingChoice{{Keep: []string{m.Clauses[0].Number}}, {Keep: []string{"99.1"}}, {Keep: []string{sub.Number}, Reject: []string{sub.Key}}} {
		if _, err := h.svc.KeepWording(id, m, "back.docx", c, time.Now()); err == nil {
			t.Errorf("%+v was accepted", c)
		}
	}
	if kept, err := h.svc.KeepWording(id, m, "back.docx", usecase.WordingChoice{Reject: []string{sub.Number}}, time.Now()); err != nil || len(kept) != 0 {
		t.Fatalf("reject: %+v, %v", kept, err)
	}
	mustNotContain(t, "findings after rejecting", findings(t, h.svc, id), "negotiated wording")

	if _, err := h.svc.ApplyMarkup(id, m.Proposals); err != nil {
		t.Fatal(err)
	}
	kept, err := h.svc.KeepWording(id, m, "/tmp/back.docx", usecase.WordingChoice{Keep: []string{sub.Number}}, time.Date(2027, 1, 11, 9, 0, 0, 0, time.UTC))
	if err != nil || len(kept) != 1 || kept[0].Key != sub.Key {
		t.Fatalf("keep: %+v, %v", kept, err)
	}
	list, err := h.svc.Wording(id)
	if err != nil || len(list) != 1 || list[0].Text != theirRewrite || list[0].From != "back.docx, document "+m.DocumentID || list[0].Number != sub.Number {
		t.Fatalf("negotiated wording stored: %+v, %v", list, err)
	}

	named := "Clause " + sub.Number + " uses negotiated wording (from back.docx, document " + m.DocumentID + "): Pactwright's checks on it no longer apply"
	mustContain(t, "findings", findings(t, h.svc, id), "MEDIUM "+named)

	// The agreement: still signable, 45 days, their clause under its number.
	pdf, out := h.export(id, usecase.Agreement, "after.pdf")
	if out.Draft || len(out.Blockers) > 0 {
		t.Fatalf("negotiated wording blocks a signable export: %+v", out.Blockers)
	}
	text := pdftext(t, pdf)
	mustContain(t, "the PDF", text, "within 45 days of receiving it", sub.Number+" "+theirRewrite,
		"Clause "+sub.Number+" Negotiated wording, as agreed with the other side")
	mustNotContain(t, "the PDF", text, sub.Ours)
	var word []byte
	if _, err := h.svc.Export(usecase.ExportRequest{Draft: id, Format: usecase.Word, Version: -1, Write: func(b []byte) error { word = b; return nil }}); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "the Word file", docxtest.Text(docxtest.Paragraphs(t, word, docx.AcceptAll)), theirRewrite, "Negotiated wording, as agreed")

	// Amendment No. 1 replaces the clause with their words; the redline and
	// the conformed copy show it.
	if _, err := h.svc.Amend(id, library.AmendmentTerms{Effective: "2027-03-01"}); err != nil {
		t.Fatal(err)
	}
	a1, _ := h.export(id, usecase.Amendment, "amendment-1.pdf")
	mustContain(t, "the amendment", pdftext(t, a1), "Clause "+sub.Number+" is deleted and replaced with", theirRewrite, "45 days")
	redline, _ := h.export(id, usecase.Redline, "redline.pdf")
	// Word by word: their words are inserted beside ours, struck through.
	mustContain(t, "the redline", pdftext(t, redline), "may not subcontract any part of the Services", "at all.")
	if _, err := h.svc.MarkSigned(id, nil); err != nil {
		t.Fatal(err)
	}
	conformed, _ := h.export(id, usecase.Conformed, "conformed.pdf")
	mustContain(t, "the conformed copy", pdftext(t, conformed), sub.Number+" "+theirRewrite)

	// Dropped, the clause is Pactwright's again and the finding goes.
	if _, err := h.svc.DropWording(id, "8.1"); err == nil || !strings.Contains(err.Error(), "these do: "+sub.Number) {
		t.Errorf("dropping a clause without negotiated wording: %v", err)
	}
	if n, err := h.svc.DropWording(id, sub.Key); err != nil || n.Number != sub.Number {
		t.Fatalf("drop: %+v, %v", n, err)
	}
	mustNotContain(t, "findings after dropping", findings(t, h.svc, id), "negotiated wording")
	pdf, _ = h.export(id, usecase.Agreement, "dropped.pdf")
	mustContain(t, "the PDF after dropping", pdftext(t, pdf), sub.Ours)
	if _, err := h.svc.DropWording(id, sub.Key); err == nil || !strings.Contains(err.Error(), "has no negotiated wording") {
		t.Errorf("dropping twice: %v", err)
	}
}
