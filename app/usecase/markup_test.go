package usecase_test

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"pactwright/app/draft"
	"pactwright/app/template"
	"pactwright/app/usecase"
	"pactwright/render/docx/docxtest"
)

// rewriteZip returns file with each part passed through edit (by name);
// edit may add parts by returning them in extra.
func rewriteZip(t *testing.T, file []byte, edit func(name, data string) string, extra map[string]string) []byte {
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

const theirRewrite = "The Provider may not subcontract the Services at all."

// markUp changes a Word file as the other side's Word would: payment days
// 30 → 45 as a tracked change, one clause rewritten in their own words,
// and a comment on the payment clause.
func markUp(t *testing.T, file []byte) []byte {
	t.Helper()
	by := `w:author="Tom Reid" w:date="2027-01-10T10:00:00Z"`
	edit := func(name, data string) string {
		switch name {
		case "word/document.xml":
			pay := regexp.MustCompile(`(<w:bookmarkStart w:id="\d+" w:name="pw_pricing_invoices_and_payment"/>)(<w:r><w:t xml:space="preserve">[^<]*?within )30( days[^<]*</w:t></w:r>)`)
			if !pay.MatchString(data) {
				t.Fatal("no payment clause in the exported Word file")
			}
			data = pay.ReplaceAllString(data, `$1<w:commentRangeStart w:id="0"/>$2</w:t></w:r>`+
				`<w:del w:id="901" `+by+`><w:r><w:delText>30</w:delText></w:r></w:del><w:ins w:id="902" `+by+`><w:r><w:t>45</w:t></w:r></w:ins>`+
				`<w:r><w:t xml:space="preserve">$3<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>`)
			sub := regexp.MustCompile(`(<w:bookmarkStart w:id="\d+" w:name="pw_general_subcontracting"/>).*?(<w:bookmarkEnd )`)
			if !sub.MatchString(data) {
				t.Fatal("no subcontracting clause in the exported Word file")
			}
			return sub.ReplaceAllString(data, `$1<w:r><w:t>`+theirRewrite+`</w:t></w:r>$2`)
		case "word/_rels/document.xml.rels":
			return strings.Replace(data, "</Relationships>", `<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>`, 1)
		case "[Content_Types].xml":
			return strings.Replace(data, "</Types>", `<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>`, 1)
		}
		return data
	}
	comments := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:comment w:id="0" ` + by + ` w:initials="TR"><w:p><w:r><w:t>Our finance team needs 45 days.</w:t></w:r></w:p></w:comment></w:comments>`
	return rewriteZip(t, file, edit, map[string]string{"word/comments.xml": comments})
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
	plain := rewriteZip(t, returned, func(name, data string) string { return data }, nil)
	plain = rewriteZip(t, plain, func(name, data string) string {
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
