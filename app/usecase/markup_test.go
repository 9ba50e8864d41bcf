package usecase_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

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
}

// TestMarkupStory: the example goes out as Word, comes back marked up
// (once edited as Word writes it, once also re-saved by LibreOffice), the
// markup is read clause by clause, and applying it puts 45 days in the
// PDF.
func TestMarkupStory(t *testing.T) {
	h := newHarness(t)
	id, err := h.svc.Library.Create(draft.Example(template.CallCentre()))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(h.dir, "agreement.docx")
	if _, err := h.svc.Export(usecase.ExportRequest{Draft: id, Kind: usecase.Agreement, Format: usecase.Word, Path: path, Version: -1,
		Write: func(b []byte) error { return os.WriteFile(path, b, 0o600) }}); err != nil {
		t.Fatal(err)
	}
	returned := markUp(t, mustRead(t, path))
	m, err := h.svc.ReadMarkup(id, returned)
	if err != nil {
		t.Fatal(err)
	}
	checkMarkup(t, m)

	t.Run("re-saved by LibreOffice", func(t *testing.T) {
		in := filepath.Join(h.dir, "returned.docx")
		if err := os.WriteFile(in, returned, 0o600); err != nil {
			t.Fatal(err)
		}
		resaved := docxtest.Resave(t, in)
		m, err := h.svc.ReadMarkup(id, mustRead(t, resaved))
		if err != nil {
			t.Fatal(err)
		}
		checkMarkup(t, m)
	})

	if _, err := h.svc.ReadMarkup(id, []byte("PK not really")); err == nil {
		t.Error("a file that is not a Word file was read")
	}
	plain := docxtest.Rezip(t, returned, func(name, data string) string {
		if strings.HasPrefix(name, "customXml/item1") {
			return `<?xml version="1.0"?><other xmlns="urn:someone-else"/>`
		}
		return data
	}, nil)
	if _, err := h.svc.ReadMarkup(id, plain); err != usecase.ErrNotPactwrightWord {
		t.Errorf("a Word file without the draft: %v", err)
	}

	if n, err := h.svc.ApplyMarkup(id, m.Proposals); err != nil || n != 1 {
		t.Fatalf("apply: %d, %v", n, err)
	}
	pdf, _ := h.export(id, usecase.Agreement, "after.pdf")
	mustContain(t, "the PDF after applying the markup", pdftext(t, pdf), "within 45 days of receiving it")
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
