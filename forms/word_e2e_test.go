package forms_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"pactwright/app/library"
	"pactwright/render/docx"
)

// TestRealLibraryExportWord: an export whose file name ends in .docx, as
// File ▸ Export Word for markup suggests, writes a Word file carrying the
// draft, and records nothing: only a PDF is signed.
func TestRealLibraryExportWord(t *testing.T) {
	ui, lib, id, q := realUI(t)
	file := export(t, ui, q, filepath.Join(t.TempDir(), "markup.docx"))
	if !bytes.HasPrefix(file, []byte("PK")) {
		t.Fatalf("the export is not a Word file: %.20q", file)
	}
	carried, err := docx.Read(file)
	if err != nil || !strings.Contains(string(carried.Files["pactwright-draft.json"]), "Brightside") {
		t.Fatalf("the Word file does not carry the draft: %v", err)
	}
	hist, err := lib.History(id)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range hist {
		if r.Kind == library.KindExport {
			t.Errorf("a Word export was recorded: %+v", r)
		}
	}
}
