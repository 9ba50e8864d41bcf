package render

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteSamples writes sample PDFs for a human to look at:
//
//	PW_SAMPLE_DIR=/tmp/samples go test ./render/ -run TestWriteSamples
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("PW_SAMPLE_DIR")
	if dir == "" {
		t.Skip("PW_SAMPLE_DIR not set")
	}
	final := fixture()
	final.Draft = false
	// Long enough for the SLA table and the checklist to run over pages.
	for range 3 {
		final.Checklist.Groups = append(final.Checklist.Groups, final.Checklist.Groups...)
		sla := final.Sections[len(final.Sections)-1].Blocks[1].Table
		sla.Rows = append(sla.Rows, sla.Rows...)
	}
	samples := map[string]Document{"fixture.pdf": fixture(), "long.pdf": final}
	for name, doc := range samples {
		path, _, warnings := renderTo(t, doc)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, name)
		if err := os.WriteFile(out, data, 0o644); err != nil {
			t.Fatal(err)
		}
		fmt.Println(out, len(data), "bytes", warnings)
	}
}
