package library

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"pactwright/app/library/pgtest"
)

// roleScript is docs/team-library-roles.sql, the grants the docs tell an
// administrator to run.
func roleScript(t *testing.T) string {
	t.Helper()
	_, here, _, _ := runtime.Caller(0)
	b, err := os.ReadFile(filepath.Join(filepath.Dir(here), "..", "..", "docs", "team-library-roles.sql"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestRolesScript: with the roles the SQL script makes, the owner creates
// the library, a writer works in it, and a reader reads it but is refused
// every change in plain words, with nothing changed.
func TestRolesScript(t *testing.T) {
	server := pgtest.Server(t)
	script := roleScript(t)
	pgtest.Exec(t, server, script, script) // twice: running it again is harmless
	t.Cleanup(func() {
		pgtest.Exec(t, server, `DROP SCHEMA IF EXISTS pactwright CASCADE`, `ALTER ROLE pactwright_owner NOLOGIN PASSWORD NULL`)
	})
	login := func(name, password string) string {
		u, _ := url.Parse(server)
		u.User = url.UserPassword(name, password)
		return pgtest.WithParam(t, u.String(), "search_path", "pactwright")
	}
	pgtest.Exec(t, server, `ALTER ROLE pactwright_owner LOGIN PASSWORD 'pw-owner'`)
	users := map[string]string{"owner": login("pactwright_owner", "pw-owner")}
	for _, group := range []string{"writer", "reader"} {
		name := fmt.Sprintf("t%d_%s", os.Getpid(), group)
		pgtest.Exec(t, server, fmt.Sprintf(`CREATE ROLE %s LOGIN PASSWORD 'pw-%s' IN ROLE pactwright_%s`, name, group, group))
		users[group] = login(name, "pw-"+group)
		t.Cleanup(func() { pgtest.Exec(t, server, `DROP ROLE `+name) })
	}

	owner, err := Open(users["owner"])
	if err != nil {
		t.Fatalf("the owner creates the library: %v", err)
	}
	owner.Close()

	writer, err := Open(users["writer"])
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	id, err := writer.Create(exampleDraft())
	if err != nil {
		t.Fatalf("writer: %v", err)
	}
	if _, err := writer.RecordExport(id, "a.pdf", fakePDF("a")); err != nil {
		t.Fatalf("writer: %v", err)
	}
	if err := writer.Delete(id); err != nil {
		t.Fatalf("writer: %v", err)
	}
	if err := writer.Undelete(id); err != nil {
		t.Fatalf("writer: %v", err)
	}

	reader, err := OpenExisting(users["reader"])
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	d, err := reader.Get(id)
	if err != nil {
		t.Fatalf("reader: %v", err)
	}
	if _, err := reader.History(id); err != nil {
		t.Fatalf("reader: %v", err)
	}
	if res, err := reader.Verify(fakePDF("a")); err != nil || res.Match != MatchExact {
		t.Fatalf("reader verify: %+v %v", res, err)
	}
	writes := map[string]func() error{
		"create":   func() error { _, err := reader.Create(exampleDraft()); return err },
		"autosave": func() error { _, err := reader.Autosave(id, d.Content, d.Version); return err },
		"save":     func() error { _, err := reader.SaveRevision(id, "x"); return err },
		"export":   func() error { _, err := reader.RecordExport(id, "b.pdf", fakePDF("b")); return err },
		"delete":   func() error { return reader.Delete(id) },
	}
	for name, write := range writes {
		err := write()
		if !errors.Is(err, ErrReadOnlyRole) || !strings.Contains(err.Error(), "may only read this library") {
			t.Errorf("reader %s: %v, want ErrReadOnlyRole", name, err)
		}
	}
	if after := mustGet(t, writer, id); after.Version != d.Version || after.Status != d.Status {
		t.Errorf("the reader's attempts changed the draft: %+v", after.Summary)
	}

	// A login in no group may not read it at all, and is told so.
	stranger := fmt.Sprintf("t%d_stranger", os.Getpid())
	pgtest.Exec(t, server, `CREATE ROLE `+stranger+` LOGIN PASSWORD 'pw'`)
	t.Cleanup(func() { pgtest.Exec(t, server, `DROP ROLE `+stranger) })
	if _, err := OpenExisting(login(stranger, "pw")); !errors.Is(err, ErrNoAccess) || !strings.Contains(err.Error(), "may not use it") {
		t.Errorf("a role without grants: %v, want ErrNoAccess", err)
	}
}
