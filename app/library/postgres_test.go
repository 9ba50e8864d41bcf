package library

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"pactwright/app/answers"
	"pactwright/app/library/pgtest"
)

func TestPostgresRefusesNewerLibraryUntouched(t *testing.T) {
	loc := pgtest.Location(t)
	l, err := Open(loc)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Create(exampleDraft()); err != nil {
		t.Fatal(err)
	}
	l.Close()
	pgtest.Exec(t, loc, `UPDATE `+pgtest.Schema(t, loc)+`.library_meta SET value = '99' WHERE key = 'schema_version'`)
	state := `SELECT string_agg(key || '=' || value, ',' ORDER BY key) FROM library_meta
		UNION ALL SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = current_schema()
		UNION ALL SELECT string_agg(id || ':' || version || ':' || title, ',') FROM drafts`
	before := strings.Join(pgtest.Rows(t, loc, state), "\n")
	for name, open := range map[string]func(string) (*Library, error){"Open": Open, "OpenExisting": OpenExisting} {
		_, err := open(loc)
		if !errors.Is(err, ErrNewerVersion) || !strings.Contains(err.Error(), "schema version 99") {
			t.Errorf("%s of a newer library: %v, want ErrNewerVersion naming version 99", name, err)
		}
	}
	if after := strings.Join(pgtest.Rows(t, loc, state), "\n"); after != before {
		t.Errorf("refusing changed the database:\n%s\nwas\n%s", after, before)
	}
}

func TestPostgresRefusesAnotherProgramsTables(t *testing.T) {
	loc := pgtest.Location(t)
	pgtest.Exec(t, loc, `CREATE TABLE `+pgtest.Schema(t, loc)+`.invoices (id int)`)
	_, err := Open(loc)
	if !errors.Is(err, ErrNotLibrary) || !strings.Contains(err.Error(), "tables of another program") {
		t.Fatalf("Open on another program's schema: %v", err)
	}
	if got := pgtest.Rows(t, loc, `SELECT tablename FROM pg_tables WHERE schemaname = current_schema()`); len(got) != 1 {
		t.Errorf("refusing added tables: %v", got)
	}
}

func TestPostgresReadingCommandDoesNotCreate(t *testing.T) {
	loc := pgtest.Location(t)
	if _, err := OpenExisting(loc); !errors.Is(err, ErrNoLibrary) {
		t.Fatalf("OpenExisting on an empty schema: %v, want ErrNoLibrary", err)
	}
	if got := pgtest.Rows(t, loc, `SELECT tablename FROM pg_tables WHERE schemaname = current_schema()`); len(got) != 0 {
		t.Errorf("a reading open created tables: %v", got)
	}
}

// TestPasswordNeverShown: neither errors (a wrong password, a server that
// is not there) nor the library's location ever show the password.
func TestPasswordNeverShown(t *testing.T) {
	loc := pgtest.Location(t)
	u, _ := url.Parse(loc)
	password, _ := u.User.Password()
	if password == "" {
		t.Fatal("the test server's connection string has no password")
	}
	l, err := Open(loc)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if strings.Contains(l.Path(), password) || !strings.Contains(l.Path(), "xxxxx") {
		t.Errorf("Path() = %q shows the password", l.Path())
	}
	if _, err := l.Get(999); err == nil || strings.Contains(err.Error(), password) {
		t.Errorf("Get error %v", err)
	}

	const wrong = "Wr0ngSecret-4242"
	bad := *u
	bad.User = url.UserPassword(u.User.Username(), wrong)
	_, err = Open(bad.String())
	if !errors.Is(err, ErrLoginRefused) || strings.Contains(err.Error(), wrong) || !strings.Contains(err.Error(), "xxxxx") {
		t.Errorf("wrong password: %v, want ErrLoginRefused without the password", err)
	}
	// The same password as a query parameter.
	q := bad.Query()
	q.Set("password", wrong)
	bad.User = url.User(u.User.Username())
	bad.RawQuery = q.Encode()
	if _, err = Open(bad.String()); err == nil || strings.Contains(err.Error(), wrong) {
		t.Errorf("password parameter: %v", err)
	}

	// A port nobody listens on.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()
	gone := *u
	gone.Host = closed
	_, err = Open(gone.String())
	if !errors.Is(err, ErrServerUnreachable) || strings.Contains(err.Error(), password) || !strings.Contains(err.Error(), closed) {
		t.Errorf("unreachable server: %v, want ErrServerUnreachable naming %s without the password", err, closed)
	}
}

func TestRebind(t *testing.T) {
	for in, want := range map[string]string{
		`SELECT 1`:                        `SELECT 1`,
		`a = ? AND b = ?`:                 `a = $1 AND b = $2`,
		`a = ?2 OR b = ?1 OR c = ?12`:     `a = $2 OR b = $1 OR c = $12`,
		`x LIKE ? ESCAPE '\' AND y = '?'`: `x LIKE $1 ESCAPE '\' AND y = '?'`,
	} {
		if got := rebind(in); got != want {
			t.Errorf("rebind(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://ann:s3cret@db.example.com/lib?sslmode=verify-full": "postgres://ann:xxxxx@db.example.com/lib?sslmode=verify-full",
		"postgresql://ann@db/lib?password=s3cret":                      "postgresql://ann@db/lib?password=xxxxx",
		"/home/ann/library.db":                                         "/home/ann/library.db",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPostgresConnectionsCutMidSession: when the server drops every
// connection (as a restart does), a save in that instant says so in plain
// words and changes nothing; once the server is back, saving reconnects
// by itself and nothing saved before is lost.
func TestPostgresConnectionsCutMidSession(t *testing.T) {
	loc := pgtest.Location(t)
	app := fmt.Sprintf("pw_cut_%d", os.Getpid())
	l, err := Open(pgtest.WithParam(t, loc, "application_name", app))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	id, err := l.Create(exampleDraft())
	if err != nil {
		t.Fatal(err)
	}
	d := mustGet(t, l, id)
	pgtest.Exec(t, pgtest.Server(t), `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '`+app+`'`)
	mine := edit(d.Content, "customer_name", answers.Value{Text: "After The Cut Ltd"})
	if _, err := l.Autosave(id, mine, d.Version); err == nil {
		t.Log("the save reconnected at once")
	} else if !errors.Is(err, ErrServerUnreachable) {
		t.Fatalf("save as the connection dropped: %v, want ErrServerUnreachable", err)
	}
	// A restart takes longer than a second; a connection idle that long is
	// checked before it is used again.
	time.Sleep(1200 * time.Millisecond)
	cur := mustGet(t, l, id)
	if cur.Version != d.Version && cur.Customer != "After The Cut Ltd" {
		t.Fatalf("the draft changed without a save: %+v", cur.Summary)
	}
	v, err := l.Autosave(id, mine, cur.Version)
	if err != nil {
		t.Fatalf("save once the server is back: %v", err)
	}
	if got := mustGet(t, l, id); got.Version != v || got.Customer != "After The Cut Ltd" {
		t.Errorf("after reconnecting: %+v", got.Summary)
	}
}
