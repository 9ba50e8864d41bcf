package adapt_test

import (
	"errors"
	"path/filepath"
	"sync"
	"testing"

	"pactwright/app/agreement"
	"pactwright/app/draft"
	"pactwright/app/library"
	"pactwright/app/template"
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

func TestRecordExportQuotesTheVersion(t *testing.T) {
	s, tpl := openStore(t)
	id, _ := s.Create(draft.Example(tpl))
	sd, _ := s.Get(id)
	pdf := []byte("%PDF-1.7\n%%EOF\n")
	v, err := s.Autosave(id, sd.Content, sd.Version)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordExport(id, sd.Version, "stale.pdf", pdf); !errors.Is(err, forms.ErrConflict) {
		t.Fatalf("recording an export of an older version: %v, want forms.ErrConflict", err)
	}
	r, err := s.RecordExport(id, v, "a.pdf", pdf)
	if err != nil || r.Kind != library.KindExport {
		t.Fatalf("recording the current version: %+v, %v", r, err)
	}
}

func TestMarkSignedRefusesForeignPDF(t *testing.T) {
	s, tpl := openStore(t)
	id, _ := s.Create(draft.Example(tpl))
	other, _ := s.Duplicate(id)
	sd, _ := s.Get(other)
	otherPDF := pdfupdatetest.Export(t, "other")
	if _, err := s.RecordExport(other, sd.Version, "other.pdf", otherPDF); err != nil {
		t.Fatal(err)
	}
	for name, pdf := range map[string][]byte{"another draft's": otherPDF, "an unknown": []byte("%PDF-1.7\n%%EOF\n")} {
		if _, err := s.MarkSigned(id, pdf); !errors.Is(err, forms.ErrNotExported) {
			t.Errorf("%s PDF: %v, want forms.ErrNotExported", name, err)
		}
	}
	if _, err := s.MarkSigned(other, pdfupdatetest.Sign(t, otherPDF, 0)); err != nil {
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
		if _, _, err := r.RenderPDF(d); err != nil {
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
