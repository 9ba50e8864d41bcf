package amend

import (
	"testing"

	"pactwright/render"
)

// FuzzDiffWords: the unchanged and inserted runs spell the new text, the
// unchanged and deleted runs the old one, whatever the two texts are.
func FuzzDiffWords(f *testing.F) {
	f.Add("The Customer pays within 30 days.", "The Customer pays within 45 days of receiving it.")
	f.Add("", "new")
	f.Add("a  b\nc", "a b\n\nc ")
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) > 2000 || len(b) > 2000 {
			return
		}
		var old, new string
		for _, r := range diffWords(a, b) {
			if r.Kind != render.Inserted {
				old += r.Text
			}
			if r.Kind != render.Deleted {
				new += r.Text
			}
		}
		if old != a || new != b {
			t.Fatalf("runs spell %q / %q, want %q / %q", old, new, a, b)
		}
	})
}
