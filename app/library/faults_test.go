package library

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// smallDisk mounts a 2 MB tmpfs for the test: the way to get a real full
// disk and a real read-only folder. It needs root, which make test and CI
// have; elsewhere the test fails saying so rather than skipping.
func smallDisk(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Fatalf("mount a small tmpfs (this test needs root): %v\n%s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v\n%s", dir, err, out)
		}
	})
	return dir
}

// fill writes a file until the disk is full.
func fill(t *testing.T, dir string) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 64<<10)
	for {
		if _, err := f.Write(buf); err != nil {
			return
		}
	}
}

// libraryWithOneDraft makes a library in dir holding one draft, closed.
func libraryWithOneDraft(t *testing.T, dir string) (path string, id int64) {
	t.Helper()
	path = filepath.Join(dir, "library.db")
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if id, err = l.Create(example(t)); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	return path, id
}

// readsStillWork opens path and checks that the draft can be listed and
// read, and that a save fails with want.
func readsStillWork(t *testing.T, path string, id int64, want error, wantText string) {
	t.Helper()
	l, err := Open(path)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer l.Close()
	if list, err := l.List(""); err != nil || len(list) != 1 {
		t.Fatalf("list: %d drafts, %v", len(list), err)
	}
	d, err := l.Get(id)
	if err != nil {
		t.Fatalf("get: %v", err)
	}
	if _, err := l.History(id); err != nil {
		t.Fatalf("history: %v", err)
	}
	_, err = l.Autosave(id, d.Content, d.Version)
	if !errors.Is(err, want) || !strings.Contains(err.Error(), wantText) || strings.Contains(err.Error(), "damaged") {
		t.Errorf("autosave: %v, want %v saying %q", err, want, wantText)
	}
	if _, err := l.Create(example(t)); !errors.Is(err, want) {
		t.Errorf("create: %v, want %v", err, want)
	}
}

// TestFullDisk: with no space left, the library still opens and reads, and
// a save says the disk is full and that nothing was lost.
func TestFullDisk(t *testing.T) {
	dir := smallDisk(t)
	path, id := libraryWithOneDraft(t, dir)
	fill(t, dir)
	readsStillWork(t, path, id, ErrDiskFull, "autosave draft 1: the disk is full: nothing was lost")
}

// TestReadOnlyFolder: on a read-only file system the library opens and
// reads, and a save says it is read-only and can still be read.
func TestReadOnlyFolder(t *testing.T) {
	dir := smallDisk(t)
	path, id := libraryWithOneDraft(t, dir)
	if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
		t.Fatalf("remount read-only: %v\n%s", err, out)
	}
	readsStillWork(t, path, id, ErrReadOnly, "autosave draft 1: the library's file or folder is read-only: it can still be read")
}

// TestReaderDoesNotWaitForWriter: while another connection holds the
// write lock, opening and listing go ahead (WAL lets readers read), and a
// write that cannot get the lock says the library is busy and what waited.
func TestReaderDoesNotWaitForWriter(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the 5 s busy timeout")
	}
	l, path := openTemp(t)
	id, err := l.Create(example(t))
	if err != nil {
		t.Fatal(err)
	}
	tx, err := l.db.Begin() // BEGIN IMMEDIATE: holds the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	other, err := Open(path)
	if err != nil {
		t.Fatalf("open while another process writes: %v", err)
	}
	defer other.Close()
	if list, err := other.List(""); err != nil || len(list) != 1 {
		t.Fatalf("list while another process writes: %d, %v", len(list), err)
	}
	d, _ := other.Get(id)
	_, err = other.Autosave(id, d.Content, d.Version)
	if !errors.Is(err, ErrBusy) || !strings.HasPrefix(err.Error(), "autosave draft 1: the library is busy: another Pactwright window or command is writing to it") {
		t.Errorf("save behind a writer: %v", err)
	}
}

// TestEmptyFileBecomesPrivateLibrary: an existing empty file of the user's
// is made into a library and its mode set to 0600.
func TestEmptyFileBecomesPrivateLibrary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
}

// TestEmptyFileOfAnotherUserRefused: an empty file that belongs to someone
// else is not taken over.
func TestEmptyFileOfAnotherUserRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	if err := os.WriteFile(path, nil, 0o666); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(path, 4242, 4242); err != nil {
		t.Fatalf("chown (this test needs root): %v", err)
	}
	_, err := Open(path)
	if !errors.Is(err, ErrNotLibrary) || !strings.Contains(err.Error(), "belongs to another user") {
		t.Errorf("open another user's empty file: %v", err)
	}
}
