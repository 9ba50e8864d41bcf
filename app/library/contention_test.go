package library

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"pactwright/app/draft"
	"pactwright/app/template"
)

// reopenLoop is the body of the "import-reopen" and "list-reopen" helper
// processes: each round opens the library, imports a draft or lists, and
// closes it, as separate CLI calls do.
func reopenLoop(mode, path string, rounds int) error {
	d := draft.Example(template.CallCentre())
	for i := range rounds {
		l, err := Open(path)
		if err != nil {
			return fmt.Errorf("round %d: %w", i, err)
		}
		if mode == "import-reopen" {
			_, err = l.Create(d)
		} else {
			_, err = l.List("")
		}
		if cerr := l.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("round %d: %w", i, err)
		}
	}
	return nil
}

// TestEightProcessesNoFalseDamage: four importers and four listers, each a
// real process opening and closing the library over and over, all finish
// without an error; in particular no healthy library is called damaged
// while another process's checkpoint grows the file. The whole run is
// bounded by a deadline, not by sleeping.
func TestEightProcessesNoFalseDamage(t *testing.T) {
	l, path := openTemp(t)
	l.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failures []string
	for i := range 8 {
		mode := "import-reopen"
		if i%2 == 1 {
			mode = "list-reopen"
		}
		cmd := helper(t, mode, path, 0)
		cmd = exec.CommandContext(ctx, cmd.Path, cmd.Args[1:]...)
		cmd.Env = append(cmd.Environ(), helper(t, mode, path, 0).Env...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := cmd.Run(); err != nil {
				mu.Lock()
				failures = append(failures, fmt.Sprintf("%s: %v: %s", mode, err, strings.TrimSpace(stderr.String())))
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	for _, f := range failures {
		t.Error(f)
	}
	if ctx.Err() != nil {
		t.Fatal("the processes did not finish within 2 minutes")
	}
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if got, _ := l.List(""); len(got) != 4*150 {
		t.Errorf("%d drafts imported, want %d", len(got), 4*150)
	}
}
