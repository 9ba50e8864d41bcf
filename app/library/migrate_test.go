package library

import (
	"crypto/sha256"
	"database/sql"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"pactwright/app/draft"
	"pactwright/app/template"
)

var updateFixtures = flag.Bool("update-fixtures", false, "regenerate testdata/library-v*.db from testdata/schema-v*.sql")

// fixtureV1 is a library as schema 1 wrote it, committed to testdata so the
// migration test starts from real old bytes. Regenerate with
// go test ./app/library -run TestMigrateFromV1 -update-fixtures.
const fixtureV1 = "testdata/library-v1.db"

func writeFixtureV1(t *testing.T, path string) {
	t.Helper()
	schema, err := os.ReadFile("testdata/schema-v1.sql")
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(path)
	db, err := sql.Open("sqlite3", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(string(schema)); err != nil {
		t.Fatal(err)
	}
	tp := template.CallCentre()
	ex := draft.Example(tp)
	content, err := encodeDraft(tp, ex)
	if err != nil {
		t.Fatal(err)
	}
	z, err := compress(content)
	if err != nil {
		t.Fatal(err)
	}
	at := formatTime(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
	mustExec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	mustExec(`INSERT INTO drafts (id, title, customer, provider, status, percent, version, signed_revision, created, changed, content)
		VALUES (1, ?, 'Brightside Home Goods Ltd', 'Northpoint Contact Solutions Ltd', 'signed', 100, 7, 2, ?, ?, ?)`, ex.Title, at, at, string(content))
	mustExec(`INSERT INTO revisions VALUES (1, 1, 'export', '/home/u/a.pdf', ?, ?, 'aa11', ?)`, at, ex.Title, z)
	mustExec(`INSERT INTO revisions VALUES (1, 2, 'signed', 'signed', ?, ?, '', ?)`, at, ex.Title, z)
	mustExec(`INSERT INTO exports (draft_id, revision, path, created, sha256, length) VALUES (1, 1, '/home/u/a.pdf', ?, ?, ?)`,
		at, hexSum(sha256.Sum256(fakePDF("v1 export"))), len(fakePDF("v1 export")))
	mustExec(`INSERT INTO drafts (id, title, status, created, changed, trashed, content) VALUES (2, 'Old trashed draft', 'draft', ?, ?, ?, ?)`,
		at, at, at, string(content))
	// Checkpoint so the fixture is one self-contained file.
	mustExec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	mustExec(`PRAGMA journal_mode = DELETE`)
}

func TestMigrateFromV1(t *testing.T) {
	if *updateFixtures {
		writeFixtureV1(t, fixtureV1)
	}
	path := filepath.Join(t.TempDir(), "old.db")
	copyFile(t, fixtureV1, path)
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	var v int
	l.db.QueryRow(`PRAGMA user_version`).Scan(&v)
	if v != schemaVersion {
		t.Fatalf("user_version %d after migration", v)
	}
	d := mustGet(t, l, 1)
	if d.Status != StatusSigned || d.Version != 7 || d.SignedRevision != 2 || d.Content.Answers.Text("customer_name") != "Brightside Home Goods Ltd" {
		t.Fatalf("draft after migration: %+v", d)
	}
	// The search column added by schema 2 was filled in for old rows.
	if got, _ := l.List("northpoint"); len(got) != 1 || got[0].ID != 1 {
		t.Fatalf("search after migration: %+v", got)
	}
	if got, _ := l.Trash(); len(got) != 1 || got[0].ID != 2 {
		t.Fatalf("trash after migration: %+v", got)
	}
	hist, err := l.History(1)
	if err != nil || len(hist) != 2 {
		t.Fatalf("history after migration: %+v %v", hist, err)
	}
	if res, _ := l.Verify(fakePDF("v1 export")); res.Match != MatchExact || res.Revision != 1 {
		t.Fatalf("verify after migration: %+v", res)
	}
	if c, err := l.DiffSigned(1); err != nil || len(c) != 0 {
		t.Fatalf("diff signed after migration: %v %v", c, err)
	}
	// And it still works as a library.
	if _, err := l.Autosave(1, d.Content, d.Version); err != nil {
		t.Fatal(err)
	}
	var check string
	l.db.QueryRow(`PRAGMA integrity_check`).Scan(&check)
	if check != "ok" {
		t.Fatal(check)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
