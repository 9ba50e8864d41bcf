package usecase_test

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"pactwright/app/agreement"
	"pactwright/app/draft"
	"pactwright/app/library"
	"pactwright/app/template"
	"pactwright/app/usecase"
	"pactwright/render/pdfupdate/pdfupdatetest"
)

// exportedElsewhere is an agreement PDF exported by another library, and
// the draft JSON it carries.
func exportedElsewhere(t *testing.T) ([]byte, []byte) {
	t.Helper()
	h := newHarness(t)
	tp := template.CallCentre()
	id, err := h.svc.Library.Create(draft.Example(tp))
	if err != nil {
		t.Fatal(err)
	}
	path, _ := h.export(id, usecase.Agreement, "a.pdf")
	data, err := draft.Marshal(tp, draft.Example(tp))
	if err != nil {
		t.Fatal(err)
	}
	return mustRead(t, path), data
}

var draftStream = regexp.MustCompile(`(?m)^(\d+) 0 obj\n<< /Type /EmbeddedFile /Length \d+ /Subtype /application#2Fjson`)

// TestImportRefusesSwappedOrDoubledDrafts: a PDF from another library
// whose draft was swapped after export (pages still showing the original),
// redefined by a later update, or doubled, is refused with its reason, and
// nothing is imported.
func TestImportRefusesSwappedOrDoubledDrafts(t *testing.T) {
	pdf, data := exportedElsewhere(t)
	if !bytes.Contains(pdf, data) {
		t.Fatal("the export does not carry the draft as written")
	}
	// Same length, so every offset stays right: only the customer changes.
	swappedData := bytes.Replace(data, []byte("Brightside"), []byte("Shadowside"), 1)
	swapped := bytes.Replace(pdf, data, swappedData, 1)

	m := draftStream.FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no embedded draft stream found")
	}
	var num int
	fmt.Sscan(string(m[1]), &num)
	stream := fmt.Sprintf("<< /Type /EmbeddedFile /Length %d /Subtype /application#2Fjson /Params << /Size %d >> >>\nstream\n%s\nendstream", len(swappedData), len(swappedData), swappedData)
	redefined := pdfupdatetest.AppendUpdate(t, pdf, map[int]string{num: stream})
	doubled := pdfupdatetest.AppendUpdate(t, pdf, map[int]string{
		9001: stream,
		9002: "<< /Type /Filespec /F (pactwright-draft.json) /UF (pactwright-draft.json) /Desc <FEFF> /AFRelationship /Source /EF << /F 9001 0 R /UF 9001 0 R >> >>",
	})
	for name, c := range map[string]struct {
		file []byte
		want string
	}{
		"swapped in place":            {swapped, "the draft inside this PDF is not the one its pages show (page 1 differs from what that draft renders to)"},
		"redefined by an update":      {redefined, "an update after export replaced"},
		"a second draft in an update": {doubled, "more than one embedded file named pactwright-draft.json"},
	} {
		t.Run(name, func(t *testing.T) {
			other := openService(t, filepath.Join(t.TempDir(), "other.db"))
			im, err := other.ImportPDF(c.file, false)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("import: %v, %v; want an error with %q", im, err, c.want)
			}
			if list, _ := other.Library.List(""); len(list) != 0 {
				t.Errorf("the library holds %d drafts after a refused import", len(list))
			}
		})
	}
	if _, err := openService(t, filepath.Join(t.TempDir(), "x.db")).ImportPDF(swapped, false); !errors.Is(err, usecase.ErrDraftNotShown) {
		t.Errorf("swapped: %v, want ErrDraftNotShown", err)
	}
}

// TestImportMessageDoesNotRepeatClaims: a PDF from another library says
// it is draft 1; in a library whose draft 1 is something else, the
// message reports that as the file's claim, not as a fact about this
// library.
func TestImportMessageDoesNotRepeatClaims(t *testing.T) {
	pdf, _ := exportedElsewhere(t)
	h := newHarness(t)
	if _, err := h.svc.Library.Create(draft.Draft{Title: "Something else", Answers: template.CallCentre().Defaults()}); err != nil {
		t.Fatal(err)
	}
	im, err := h.svc.ImportPDF(pdf, false)
	if err != nil {
		t.Fatal(err)
	}
	msg := im.String()
	mustContain(t, "import message", msg, "the PDF says it is the agreement of draft 1", "in the library that exported it")
	mustNotContain(t, "import message", msg, "already in this library", "comes from draft 1")
}

// FuzzImportPDF: whatever is appended to an export (hybrid and stream
// cross-references, object streams, shared page trees, more embedded
// files), import answers without panicking, and a draft that is imported
// is the one the export carried.
func FuzzImportPDF(f *testing.F) {
	dir := f.TempDir()
	lib, err := library.Open(filepath.Join(dir, "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { lib.Close() })
	eng, err := agreement.NewEngine(template.CallCentre())
	if err != nil {
		f.Fatal(err)
	}
	svc := &usecase.Service{Library: lib, Engine: eng}
	tp := template.CallCentre()
	id, err := lib.Create(confirmedExample(tp))
	if err != nil {
		f.Fatal(err)
	}
	var pdf []byte
	if _, err := svc.Export(usecase.ExportRequest{Draft: id, Kind: usecase.Agreement, Version: -1, Write: func(b []byte) error { pdf = b; return nil }}); err != nil {
		f.Fatal(err)
	}
	if err := lib.Delete(id); err != nil {
		f.Fatal(err)
	}
	if err := lib.Purge(id); err != nil {
		f.Fatal(err)
	}
	want, _ := draft.Marshal(tp, confirmedExample(tp))
	f.Add([]byte{})
	for _, file := range [][]byte{
		pdfupdatetest.ShadowHybrid(f, pdf, 2, "forged"),
		pdfupdatetest.AppendStreamUpdate(f, pdf, map[int]string{9001: "<< /Type /EmbeddedFile /Length 2 >>\nstream\n{}\nendstream"},
			map[int]string{9002: "<< /Type /Filespec /F (pactwright-draft.json) /EF << /F 9001 0 R >> >>"}),
		pdfupdatetest.AppendUpdate(f, pdf, map[int]string{9003: "<< /Type /Pages /Kids [9003 0 R 9003 0 R] /Count 2 >>"}),
		pdfupdatetest.Sign(f, pdf, 0),
	} {
		f.Add(file[len(pdf):])
	}
	f.Fuzz(func(t *testing.T, tail []byte) {
		im, err := svc.ImportPDF(append(append([]byte(nil), pdf...), tail...), true)
		if err != nil {
			return
		}
		got, _ := draft.Marshal(tp, im.Content)
		if !bytes.Equal(got, want) {
			t.Errorf("imported a draft the export did not carry:\n%s", got)
		}
	})
}
