package library

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// refusedUntouched opens path, expects want, and checks the file's bytes
// did not change.
func refusedUntouched(t *testing.T, path string, want error) {
	t.Helper()
	before := fileSum(t, path)
	l, err := Open(path)
	if err == nil {
		l.Close()
		t.Fatalf("opened %s", path)
	}
	if !errors.Is(err, want) {
		t.Fatalf("error %v, want %v", err, want)
	}
	t.Logf("refused: %v", err)
	if fileSum(t, path) != before {
		t.Fatalf("%s was modified", path)
	}
}

func TestRefusesTextFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(path, []byte("these are my notes, not a database\n"), 0o644)
	refusedUntouched(t, path, ErrNotLibrary)
}

func TestRefusesShortFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "short.db")
	os.WriteFile(path, []byte("SQLite format 3\x00\x10\x00"), 0o644)
	refusedUntouched(t, path, ErrNotLibrary)
}

// Another program's database in rollback-journal mode: opening it with the
// library DSN would switch it to WAL, rewriting its header.
func TestRefusesOtherSQLite(t *testing.T) {
	for name, setup := range map[string]string{
		"plain":          `CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x')`,
		"application id": `PRAGMA application_id = 42; CREATE TABLE t (x)`,
		"user version":   `PRAGMA user_version = 3`,
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "other.db")
			db, err := sql.Open("sqlite3", "file:"+path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec(setup); err != nil {
				t.Fatal(err)
			}
			db.Close()
			refusedUntouched(t, path, ErrNotLibrary)
		})
	}
}

func TestRefusesTruncatedLibrary(t *testing.T) {
	l, path := openTemp(t)
	for i := 0; i < 30; i++ {
		id, err := l.Create(example(t))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := l.SaveRevision(id, "x"); err != nil {
			t.Fatal(err)
		}
	}
	l.Close()
	full, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Fatal("WAL left behind after close: the test would not see a truncated main file")
	}
	for name, n := range map[string]int{"mid-page": len(full)/2 + 100, "page boundary": len(full) / 2 / 4096 * 4096, "header": 60} {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "cut.db")
			if err := os.WriteFile(p, full[:n], 0o600); err != nil {
				t.Fatal(err)
			}
			refusedUntouched(t, p, ErrNotLibrary)
		})
	}
}

func TestRefusesNewerLibrary(t *testing.T) {
	l, path := openTemp(t)
	if _, err := l.Create(example(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := l.db.Exec(`PRAGMA user_version = 99`); err != nil {
		t.Fatal(err)
	}
	l.Close()
	refusedUntouched(t, path, ErrNewerVersion)
	if got := "this library was written by a newer version of Pactwright"; ErrNewerVersion.Error() != got {
		t.Errorf("message %q", ErrNewerVersion)
	}
}

// A newer schema number that sits only in the -wal file (the main file's
// header not yet checkpointed) is caught inside the migration transaction.
func TestRefusesNewerLibraryInWAL(t *testing.T) {
	l, path := openTemp(t)
	if _, err := l.Create(example(t)); err != nil {
		t.Fatal(err)
	}
	// Keep a second connection open so closing l does not checkpoint.
	hold, err := sql.Open("sqlite3", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	defer hold.Close()
	if _, err := hold.Exec(`PRAGMA wal_autocheckpoint = 0`); err != nil {
		t.Fatal(err)
	}
	if _, err := hold.Exec(`PRAGMA user_version = 99`); err != nil {
		t.Fatal(err)
	}
	l.Close()
	_, err = Open(path)
	if !errors.Is(err, ErrNewerVersion) {
		t.Fatalf("error %v, want ErrNewerVersion", err)
	}
	var v int
	hold.QueryRow(`PRAGMA user_version`).Scan(&v)
	if v != 99 {
		t.Fatalf("user_version changed to %d", v)
	}
}

// A library whose creation stopped after SQLite wrote its header but before
// the first migration committed is not foreign: it opens as a new library.
func TestOpensInterruptedCreation(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lib.db")
	db, err := sql.Open("sqlite3", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Ping(); err != nil {
		t.Fatal(err)
	}
	db.Close()
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
}
