package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
)

// Exports are written to a temporary file next to the output and renamed
// into place. A process killed before the rename leaves its temporary file
// behind, so the name carries the writer's process id, and the next write
// into the same folder removes the files of writers that are gone. Files of
// a process still running (another export at this moment) are left alone.

const tempPrefix = ".pactwright-"

// createTemp makes this process's temporary file in dir.
func createTemp(dir string) (*os.File, error) {
	return os.CreateTemp(dir, fmt.Sprintf("%s%d-*", tempPrefix, os.Getpid()))
}

// removeStaleTemps deletes temporary files left in dir by processes that
// no longer run. It is tidying up: failures are ignored.
func removeStaleTemps(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), tempPrefix)
		if !ok || e.IsDir() {
			continue
		}
		pidText, _, ok := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || pid <= 0 || pid == os.Getpid() || processRuns(pid) {
			continue
		}
		os.Remove(filepath.Join(dir, e.Name()))
	}
}

// processRuns reports whether process pid exists. Signal 0 checks without
// signalling; Windows has no such signal, and finds only live processes.
func processRuns(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	if runtime.GOOS == "windows" {
		p.Release()
		return true
	}
	err = p.Signal(syscall.Signal(0))
	return !errors.Is(err, os.ErrProcessDone)
}
