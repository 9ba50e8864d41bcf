package cli

import (
	"net/url"
	"strings"
	"testing"

	"pactwright/app/library/pgtest"
)

// TestPostgresLibrary: --library postgres://… and PACTWRIGHT_LIBRARY keep
// drafts on PostgreSQL, and no output, not even an error's, shows the
// password of the connection string.
func TestPostgresLibrary(t *testing.T) {
	h := newHarness(t)
	h.lib = pgtest.Location(t)
	u, _ := url.Parse(h.lib)
	password, _ := u.User.Password()

	var all strings.Builder
	run := func(args ...string) string {
		t.Helper()
		out := h.ok(args...)
		all.WriteString(out)
		return out
	}
	run("example", "-o", h.path("example.json"))
	mustContain(t, "import", run("import", h.path("example.json")), "as draft 1")
	mustContain(t, "new", run("new"), "created draft 2", "xxxxx")
	run("save", "1", "--note", "first look")
	mustContain(t, "list", run("list"), "Brightside")
	mustContain(t, "history", run("history", "1"), "first look")

	// The environment variable selects it too.
	lib := h.lib
	h.lib = ""
	t.Setenv("PACTWRIGHT_LIBRARY", lib)
	out, errs, code := h.run("list")
	if code != 0 || !strings.Contains(out, "Brightside") {
		t.Errorf("list with PACTWRIGHT_LIBRARY: exit %d, %q %q", code, out, errs)
	}
	all.WriteString(out + errs)

	// A wrong password is refused in plain words, without the password.
	bad := *u
	bad.User = url.UserPassword(u.User.Username(), "Not-The-Pw-123")
	h.lib = bad.String()
	_, errs, code = h.run("list")
	if code == 0 || !strings.Contains(errs, "refused the login") || strings.Contains(errs, "Not-The-Pw-123") {
		t.Errorf("wrong password: exit %d, %q", code, errs)
	}
	if strings.Contains(all.String(), password) {
		t.Errorf("the password appears in the output:\n%s", all.String())
	}
}

// TestHistoryShowsWho: history and the trash say who saved, exported and
// deleted, by the name in PACTWRIGHT_AUTHOR.
func TestHistoryShowsWho(t *testing.T) {
	h := newHarness(t)
	t.Setenv("PACTWRIGHT_AUTHOR", "Ann Owner")
	h.ok("example", "-o", h.path("example.json"))
	h.ok("import", h.path("example.json"))
	h.ok("save", "1", "--note", "first look")
	t.Setenv("PACTWRIGHT_AUTHOR", "Bob Ops")
	h.ok("delete", "1")
	hist := h.ok("history", "1")
	mustContain(t, "history", hist, "Ann Owner", "deleted by Bob Ops")
	mustContain(t, "trash", h.ok("list", "--trash"), "Bob Ops")
}

// TestLibraryCopy: library copy moves a library to PostgreSQL and back,
// reports what it checked, and the copy lists and verifies the same.
func TestLibraryCopy(t *testing.T) {
	h := newHarness(t)
	pg := pgtest.Location(t)
	h.ok("example", "-o", h.path("example.json"))
	h.ok("import", h.path("example.json"))
	h.ok("export", "1", "-o", h.path("agreement.pdf"))
	h.ok("mark-signed", "1", "--pdf", h.path("agreement.pdf"))
	want := h.ok("list")

	out := h.ok("library", "copy", h.lib, pg)
	mustContain(t, "copy", out, "every table matches", "all 1 PDF fingerprints", "xxxxx")
	u, _ := url.Parse(pg)
	if password, _ := u.User.Password(); strings.Contains(out, password) {
		t.Errorf("copy shows the password:\n%s", out)
	}
	back := h.path("back.db")
	h.ok("library", "copy", pg, back)
	h.lib = back
	if got := h.ok("list"); got != want {
		t.Errorf("list after the round trip:\n%s\nwant\n%s", got, want)
	}
	mustContain(t, "verify", h.ok("verify", h.path("agreement.pdf")), "draft 1")
	// A second copy into the same library is refused.
	if _, errs, code := h.run("library", "copy", h.lib, pg); code == 0 || !strings.Contains(errs, "already holds 1 drafts") {
		t.Errorf("copy into a full library: exit %d, %q", code, errs)
	}
}
