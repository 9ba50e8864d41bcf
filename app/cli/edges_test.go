package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadingCommandsCreateNoLibrary: list, show, check, history, verify
// and the rest, run where there is no library, say so and leave nothing
// behind.
func TestReadingCommandsCreateNoLibrary(t *testing.T) {
	h := newHarness(t)
	draftFile := h.path("d.json")
	h.ok("example", "-o", draftFile)
	out := h.ok("list")
	mustContain(t, "list", out, "no drafts (library ", "there is no library there yet")
	if got := strings.TrimSpace(h.ok("list", "--json")); got != "[]" {
		t.Errorf("list --json with no library: %q", got)
	}
	for _, args := range [][]string{{"show", "1"}, {"check", "1"}, {"history", "1"}, {"diff", "1"}, {"market", "1"}, {"calendar", "1"}} {
		_, errs, code := h.run(args...)
		if code != exitError || !strings.Contains(errs, "there is no library there yet") {
			t.Errorf("%v: exit %d, %q", args, code, errs)
		}
	}
	h.ok("check", draftFile) // a file needs no library
	if _, err := os.Stat(h.lib); !os.IsNotExist(err) {
		t.Errorf("a reading command created the library: %v", err)
	}
	if _, err := os.Stat(filepath.Dir(h.lib)); !os.IsNotExist(err) {
		t.Errorf("a reading command created the library's folder: %v", err)
	}
}

// TestURLLibraryPathRefused: a library path that is a URL is refused with
// a clear message, and no file or folder named after it appears.
func TestURLLibraryPathRefused(t *testing.T) {
	h := newHarness(t)
	dir := h.path("here")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	h.lib = "https://db.example.com/pactwright"
	for _, cmd := range [][]string{{"new"}, {"list"}} {
		_, errs, code := h.run(cmd...)
		if code != exitError || !strings.Contains(errs, "looks like a URL, but the library is a file on this computer or a PostgreSQL database") {
			t.Errorf("%v: exit %d, %q", cmd, code, errs)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("a URL library path left %v behind", entries)
	}
}
