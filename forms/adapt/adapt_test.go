package adapt_test

import (
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"pactwright/app/agreement"
	"pactwright/app/answers"
	"pactwright/app/draft"
	"pactwright/app/library"
	"pactwright/app/template"
	"pactwright/app/usecase"
	"pactwright/forms"
	"pactwright/forms/adapt"
	"pactwright/render/pdfupdate/pdfupdatetest"
)

func openStore(t *testing.T) (adapt.Store, *template.Template) {
	t.Helper()
	lib, err := library.Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	return adapt.Store{L: lib}, lib.Template()
}

func TestTrashAndPurge(t *testing.T) {
	s, tpl := openStore(t)
	id, err := s.Create(draft.Example(tpl))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Purge(id); err == nil {
		t.Fatal("purged a draft that is not in the trash")
	}
	if err := s.Delete(id); err != nil {
		t.Fatal(err)
	}
	tr, err := s.Trash()
	if err != nil || len(tr) != 1 || tr[0].ID != id || tr[0].Customer != "Brightside Home Goods Ltd" {
		t.Fatalf("trash = %+v, %v", tr, err)
	}
	if err := s.Purge(id); err != nil {
		t.Fatal(err)
	}
	if tr, _ := s.Trash(); len(tr) != 0 {
		t.Fatalf("trash after purge = %+v", tr)
	}
	if _, err := s.Get(id); err == nil {
		t.Fatal("a purged draft can still be read")
	}
}

func openDocuments(t *testing.T) (adapt.Documents, adapt.Store, *template.Template) {
	t.Helper()
	s, tpl := openStore(t)
	eng, err := agreement.NewEngine(tpl)
	if err != nil {
		t.Fatal(err)
	}
	return adapt.Documents{S: &usecase.Service{Library: s.L, Engine: eng}}, s, tpl
}

// export writes a PDF of draft id at version to a temporary file.
func export(t *testing.T, d adapt.Documents, id, version int64) ([]byte, error) {
	t.Helper()
	var pdf []byte
	_, err := d.Export(forms.ExportRequest{ID: id, Kind: forms.ExportAgreement, Version: version, Path: filepath.Join(t.TempDir(), "a.pdf"),
		Write: func(b []byte) error { pdf = b; return nil }})
	return pdf, err
}

func TestExportQuotesTheVersion(t *testing.T) {
	d, s, tpl := openDocuments(t)
	id, _ := s.Create(draft.Example(tpl))
	sd, _ := s.Get(id)
	v, err := s.Autosave(id, sd.Content, sd.Version, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := export(t, d, id, sd.Version); !errors.Is(err, forms.ErrConflict) {
		t.Fatalf("exporting an older version: %v, want forms.ErrConflict", err)
	}
	if _, err := export(t, d, id, v); err != nil {
		t.Fatalf("exporting the current version: %v", err)
	}
	if h, _ := s.History(id); len(h) != 1 || h[0].Kind != library.KindExport {
		t.Fatalf("history after export: %+v", h)
	}
}

func TestMarkSignedRefusesForeignPDF(t *testing.T) {
	d, s, tpl := openDocuments(t)
	example := draft.Example(tpl)
	example.Confirm(tpl)
	id, _ := s.Create(example)
	other, _ := s.Duplicate(id)
	sd, _ := s.Get(other)
	otherPDF, err := export(t, d, other, sd.Version)
	if err != nil {
		t.Fatal(err)
	}
	for name, pdf := range map[string][]byte{"another draft's": otherPDF, "an unknown": []byte("%PDF-1.7\n%%EOF\n")} {
		if _, err := d.MarkSigned(id, pdf); !errors.Is(err, forms.ErrNotExported) {
			t.Errorf("%s PDF: %v, want forms.ErrNotExported", name, err)
		}
	}
	if _, err := d.MarkSigned(other, pdfupdatetest.Sign(t, otherPDF, 0)); err != nil {
		t.Fatalf("the draft's own export, signed: %v", err)
	}
}

// TestRendererConcurrentUse runs the preview and an export at once, as the
// editor does, with no lock in the adapter: run with -race.
func TestRendererConcurrentUse(t *testing.T) {
	tpl := template.CallCentre()
	eng, err := agreement.NewEngine(tpl)
	if err != nil {
		t.Fatal(err)
	}
	r := &adapt.Renderer{E: eng}
	d := draft.Example(tpl)
	var wg sync.WaitGroup
	wg.Go(func() {
		if _, _, err := eng.RenderPDF(d); err != nil {
			t.Error(err)
		}
	})
	wg.Go(func() {
		if p := r.Preview(d); len(p) < 1000 {
			t.Errorf("preview %q", p)
		}
	})
	wg.Go(func() { r.UnsupportedCharacters(d) })
	wg.Wait()
}

// TestHistoryShowsTheSignedChain: History names the signed agreement and
// each amendment's export and signature.
func TestHistoryShowsTheSignedChain(t *testing.T) {
	d, s, tpl := openDocuments(t)
	id, _ := s.Create(draft.Example(tpl))
	sd, _ := s.Get(id)
	if _, err := export(t, d, id, sd.Version); err != nil {
		t.Fatal(err)
	}
	if _, err := d.MarkSigned(id, nil); err != nil {
		t.Fatal(err)
	}
	sd, _ = s.Get(id)
	sd.Content.Answers["payment_days"] = answers.Value{Text: "45", Unit: "days"}
	v, err := s.Autosave(id, sd.Content, sd.Version, nil)
	if err != nil {
		t.Fatal(err)
	}
	if msg, err := d.Amend(id, "2027-06-01", ""); err != nil || !strings.Contains(msg, "Amendment No. 1") {
		t.Fatalf("amend: %q, %v", msg, err)
	}
	if _, err := d.Export(forms.ExportRequest{ID: id, Kind: forms.ExportAmendment, Version: v, Path: "a1.pdf", Write: func([]byte) error { return nil }}); err != nil {
		t.Fatal(err)
	}
	if sg, err := d.MarkSigned(id, nil); err != nil || sg.Amendment != 1 {
		t.Fatalf("mark the amendment signed: %+v, %v", sg, err)
	}
	h, err := s.History(id)
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	for _, r := range h {
		notes = append(notes, r.Note)
	}
	all := strings.Join(notes, "\n")
	for _, want := range []string{"Agreement signed", "Amendment No. 1 · ", "Amendment No. 1 signed, effective 2027-06-01"} {
		if !strings.Contains(all, want) {
			t.Errorf("history lacks %q:\n%s", want, all)
		}
	}
}
