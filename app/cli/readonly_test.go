package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadOnlyLibraryStillReads: on a read-only file system (a tmpfs
// remounted read-only; this needs root, which make test has) the reading
// commands work, and a write says the library is read-only, not damaged.
func TestReadOnlyLibraryStillReads(t *testing.T) {
	h := newHarness(t)
	mnt := h.path("ro")
	if err := os.Mkdir(mnt, 0o700); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Fatalf("mount a tmpfs (this test needs root): %v\n%s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", mnt).Run() })
	h.lib = filepath.Join(mnt, "library.db")
	id := firstLine(h.ok("new", "--example"))
	h.ok("save", id, "--note", "first")
	pdf := h.path("agreement.pdf")
	h.ok("export", id, "-o", pdf)
	if out, err := exec.Command("mount", "-o", "remount,ro", mnt).CombinedOutput(); err != nil {
		t.Fatalf("remount read-only: %v\n%s", err, out)
	}
	for _, args := range [][]string{{"list"}, {"show", id}, {"history", id}, {"diff", id}, {"verify", pdf}} {
		h.ok(args...)
	}
	_, stderr, code := h.run("save", id)
	if code != 1 || !strings.Contains(stderr, "read-only: it can still be read") || strings.Contains(stderr, "damaged") {
		t.Errorf("save on a read-only library: exit %d\n%s", code, stderr)
	}
}
