package cli

import (
	"fmt"
	"os"
	"os/exec"
	"testing"
)

// TestKilledExportTempFileRemoved: the temporary file a killed export left
// next to its output is removed by the next export into that folder; one
// that belongs to a process still running is kept.
func TestKilledExportTempFileRemoved(t *testing.T) {
	h := newHarness(t)
	id := firstLine(h.ok("new", "--example"))
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	stale := h.path(fmt.Sprintf("%s%d-123456", tempPrefix, gone.Process.Pid))
	live := h.path(fmt.Sprintf("%s%d-654321", tempPrefix, os.Getppid()))
	for _, p := range []string{stale, live} {
		if err := os.WriteFile(p, []byte("%PDF-1.7 half an export"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	h.ok("export", id, "-o", h.path("agreement.pdf"))
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the killed export's temporary file is still there (%v)", err)
	}
	if _, err := os.Stat(live); err != nil {
		t.Errorf("a running process's temporary file was removed: %v", err)
	}
	entries, _ := os.ReadDir(h.dir)
	for _, e := range entries {
		if e.Name() != "agreement.pdf" && e.Name() != "lib" && e.Name() != fmt.Sprintf("%s%d-654321", tempPrefix, os.Getppid()) {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}
