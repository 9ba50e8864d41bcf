package library

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"pactwright/app/answers"
)

// The tests below re-run this test binary as a child process (the
// TestHelperProcess pattern from os/exec), so that "another process" and
// "killed mid-write" are real, not simulated with goroutines.

const helperEnv = "PACTWRIGHT_LIBRARY_HELPER"

func helper(t *testing.T, mode, path string, id int64, extra ...string) *exec.Cmd {
	t.Helper()
	return helperCmd(mode, path, id, extra...)
}

func helperCmd(mode, path string, id int64, extra ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode, "HELPER_LIBRARY="+path, "HELPER_ID="+strconv.FormatInt(id, 10))
	cmd.Env = append(cmd.Env, extra...)
	cmd.Stderr = os.Stderr
	return cmd
}

// TestHelperProcess is not a test: it is the child process body.
func TestHelperProcess(t *testing.T) {
	mode := os.Getenv(helperEnv)
	if mode == "" {
		t.Skip("helper process only")
	}
	if err := runHelper(mode, os.Getenv("HELPER_LIBRARY"), os.Getenv("HELPER_ID"), os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(2)
	}
	os.Exit(0)
}

func runHelper(mode, path, idText string, stdin io.Reader, stdout io.Writer) error {
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil {
		return err
	}
	l, err := Open(path)
	if err != nil {
		return err
	}
	defer l.Close()
	switch mode {
	case "autosave-forever":
		// Autosave as fast as possible, printing each version only after
		// Autosave returned: a printed version is an acknowledged save.
		for n := 0; ; n++ {
			d, err := l.Get(id)
			if err != nil {
				return err
			}
			next := d.Version + 1
			c := d.Content
			c.Answers = c.Answers.Clone()
			c.Answers["customer_name"] = answers.Value{Text: fmt.Sprintf("Writer %d", next)}
			if _, err := l.Autosave(id, c, d.Version); err != nil {
				return err
			}
			fmt.Fprintln(stdout, next)
			if n%10 == 0 {
				if _, err := l.SaveRevision(id, fmt.Sprintf("at %d", next)); err != nil {
					return err
				}
				fmt.Fprintln(stdout, "revision at", next)
			}
		}
	case "autosave-once":
		// Load, wait for the starting gun, then save on the stale version.
		d, err := l.Get(id)
		if err != nil {
			return err
		}
		c := d.Content
		c.Answers = c.Answers.Clone()
		c.Answers["customer_name"] = answers.Value{Text: os.Getenv("HELPER_NAME")}
		fmt.Fprintln(stdout, "ready")
		if _, err := bufio.NewReader(stdin).ReadString('\n'); err != nil {
			return err
		}
		_, err = l.SaveWorking(id, c, d.Version, nil)
		var conflict *ConflictError
		switch {
		case err == nil:
			fmt.Fprintln(stdout, "saved")
		case errors.As(err, &conflict):
			fmt.Fprintln(stdout, "conflict", conflict.CopyID)
		default:
			return err
		}
		return nil
	case "import-reopen", "list-reopen":
		// What a shell loop of `pactwright import` or `list` does: open,
		// one command, close, again.
		return reopenLoop(mode, path, 150)
	}
	return fmt.Errorf("unknown helper mode %q", mode)
}

// TestSIGKILLDuringAutosave kills 200 client processes in the middle of
// their writes: each autosaves (and every tenth time saves a revision) as
// fast as it can, printing each write once the library acknowledged it,
// and is killed at a random moment. Every acknowledged write must be in
// the library afterwards, which must open and read as before. Four
// clients run at once, each on a draft of its own, so that kills land
// while other processes write too.
func TestSIGKILLDuringAutosave(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes")
	}
	eachBackend(t, sigkillDuringAutosave)
}

const (
	sigkillClients = 4  // processes writing at once
	sigkillRounds  = 50 // kills of each: 200 in all
)

func sigkillDuringAutosave(t *testing.T, be backend) {
	l, path := openOn(t, be)
	ids := make([]int64, sigkillClients)
	for i := range ids {
		var err error
		if ids[i], err = l.Create(example(t)); err != nil {
			t.Fatal(err)
		}
	}
	var saves, revisions, kills, starting atomic.Int64
	var wg sync.WaitGroup
	for c, id := range ids {
		// Each client's writes are checked through a handle of its own,
		// as another person's window would see them.
		check := openAgain(t, path)
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(c), uint64(time.Now().UnixNano())))
			for round := range sigkillRounds {
				k, err := killMidWrite(check, path, id, rng)
				if err != nil {
					t.Errorf("client %d, round %d: %v", c, round, err)
					return
				}
				saves.Add(k.saves)
				revisions.Add(k.revisions)
				starting.Add(int64(k.starting))
				kills.Add(1)
			}
		}()
	}
	wg.Wait()
	// The library opens afresh as it did before, holding every draft.
	again, err := Open(path)
	if err != nil {
		t.Fatalf("reopen after the kills: %v", err)
	}
	defer again.Close()
	if be.name == "sqlite" {
		var check string
		if err := again.db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
			t.Errorf("integrity_check %q %v", check, err)
		}
	}
	for _, id := range ids {
		if d, err := again.Get(id); err != nil || d.Customer != fmt.Sprintf("Writer %d", d.Version) {
			t.Errorf("draft %d after the kills: %q at version %d, %v", id, d.Customer, d.Version, err)
		}
	}
	if n := kills.Load(); n > 0 {
		t.Logf("%d clients killed mid-write, %d acknowledged saves and %d acknowledged revisions all present; a client took %v on average from its start to its first acknowledged save",
			n, saves.Load(), revisions.Load(), (time.Duration(starting.Load()) / time.Duration(n)).Round(time.Millisecond))
	}
}

// killed is what one client acknowledged before it was killed.
type killed struct {
	saves, revisions int64
	starting         time.Duration // from its start to its first acknowledged save
}

// killMidWrite starts one client autosaving draft id, kills it at a
// random moment after its first acknowledged save, and checks that the
// library holds every write it acknowledged. It returns how many saves
// and revisions were acknowledged. l is the handle the checks read through.
func killMidWrite(l *Library, path string, id int64, rng *rand.Rand) (killed, error) {
	cmd := helperCmd("autosave-forever", path, id)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return killed{}, err
	}
	started := time.Now()
	if err := cmd.Start(); err != nil {
		return killed{}, err
	}
	acked := make(chan int64, 1<<16)
	var notes []string // revisions acknowledged, by note; read after acked closes
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if v, ok := strings.CutPrefix(line, "revision "); ok {
				notes = append(notes, v)
			} else if v, err := strconv.ParseInt(line, 10, 64); err == nil {
				acked <- v
			}
		}
		close(acked)
	}()
	first, ok := <-acked
	starting := time.Since(started)
	if !ok {
		cmd.Wait()
		return killed{}, errors.New("the client acknowledged nothing")
	}
	time.Sleep(time.Duration(rng.IntN(60_000)) * time.Microsecond)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		return killed{}, err
	}
	cmd.Wait()
	last := first
	for v := range acked {
		last = v
	}

	d, err := l.Get(id)
	if err != nil {
		return killed{}, err
	}
	// The save in flight when the child died may or may not have
	// committed; every acknowledged one must have.
	if d.Version < last {
		return killed{}, fmt.Errorf("version %d, but %d was acknowledged", d.Version, last)
	}
	if want := fmt.Sprintf("Writer %d", d.Version); d.Customer != want || d.Content.Answers.Text("customer_name") != want {
		return killed{}, fmt.Errorf("version %d holds %q / %q", d.Version, d.Customer, d.Content.Answers.Text("customer_name"))
	}
	hist, err := l.History(id)
	if err != nil {
		return killed{}, err
	}
	for _, n := range notes {
		if !slices.ContainsFunc(hist, func(r Revision) bool { return r.Note == n }) {
			return killed{}, fmt.Errorf("the revision %q was acknowledged but is not in History", n)
		}
	}
	return killed{saves: last - first + 1, revisions: int64(len(notes)), starting: starting}, nil
}

// TestConcurrentWritersAcrossProcesses: two processes save the same draft
// from the same version at once; one saves, the other is told of the
// conflict and its answers are in the conflict copy it names.
func TestConcurrentWritersAcrossProcesses(t *testing.T) {
	eachBackend(t, concurrentWritersAcrossProcesses)
}

func concurrentWritersAcrossProcesses(t *testing.T, be backend) {
	l, path := openOn(t, be)
	id, err := l.Create(example(t))
	if err != nil {
		t.Fatal(err)
	}
	for round := 0; round < 5; round++ {
		var cmds [2]*exec.Cmd
		var outs [2]*bufio.Reader
		var gos [2]io.WriteCloser
		for i := range cmds {
			cmds[i] = helper(t, "autosave-once", path, id, fmt.Sprintf("HELPER_NAME=Process %d round %d", i, round))
			stdout, err := cmds[i].StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			outs[i] = bufio.NewReader(stdout)
			if gos[i], err = cmds[i].StdinPipe(); err != nil {
				t.Fatal(err)
			}
			if err := cmds[i].Start(); err != nil {
				t.Fatal(err)
			}
		}
		// Both must have loaded the same version before either saves: wait
		// until each says it is ready, however slow the machine, then fire
		// both at once.
		for i, out := range outs {
			if line, err := out.ReadString('\n'); strings.TrimSpace(line) != "ready" {
				t.Fatalf("round %d: helper %d said %q (%v) instead of ready", round, i, line, err)
			}
		}
		for _, g := range gos {
			io.WriteString(g, "go\n")
			g.Close()
		}
		var outcome [2]string
		for i, out := range outs {
			line, _ := out.ReadString('\n')
			outcome[i] = strings.TrimSpace(line)
		}
		for i, c := range cmds {
			if err := c.Wait(); err != nil {
				t.Fatalf("helper %d: %v", i, err)
			}
		}
		a, b := outcome[0], outcome[1]
		var winner int
		var copyText string
		switch {
		case a == "saved" && strings.HasPrefix(b, "conflict "):
			winner, copyText = 0, strings.TrimPrefix(b, "conflict ")
		case strings.HasPrefix(a, "conflict ") && b == "saved":
			winner, copyText = 1, strings.TrimPrefix(a, "conflict ")
		default:
			t.Fatalf("round %d: outcomes %q and %q, want one saved and one conflict", round, a, b)
		}
		got := mustGet(t, l, id)
		if want := fmt.Sprintf("Process %d round %d", winner, round); got.Customer != want {
			t.Fatalf("round %d: library holds %q, winner wrote %q", round, got.Customer, want)
		}
		copyID, err := strconv.ParseInt(copyText, 10, 64)
		if err != nil {
			t.Fatalf("round %d: conflict copy %q", round, copyText)
		}
		if want, got := fmt.Sprintf("Process %d round %d", 1-winner, round), mustGet(t, l, copyID); got.Customer != want {
			t.Fatalf("round %d: the conflict copy holds %q, the loser wrote %q", round, got.Customer, want)
		}
	}
}
