package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pactwright/render/pdfupdate/pdfupdatetest"
)

// harness runs commands against one temporary library.
type harness struct {
	t   *testing.T
	lib string
	dir string
}

func newHarness(t *testing.T) *harness {
	t.Setenv("PACTWRIGHT_LIBRARY", "") // never touch a real library
	dir := t.TempDir()
	return &harness{t: t, lib: filepath.Join(dir, "lib", "library.db"), dir: dir}
}

// run runs one command line and returns stdout, stderr and the exit code.
func (h *harness) run(args ...string) (string, string, int) {
	h.t.Helper()
	var out, errb bytes.Buffer
	code := Run(append([]string{"--library", h.lib}, args...), strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

// ok runs a command that must succeed and returns its stdout.
func (h *harness) ok(args ...string) string {
	h.t.Helper()
	out, errs, code := h.run(args...)
	if code != 0 {
		h.t.Fatalf("pactwright %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), code, out, errs)
	}
	return out
}

func (h *harness) path(name string) string { return filepath.Join(h.dir, name) }

func firstLine(s string) string { return strings.SplitN(s, "\n", 2)[0] }

func mustContain(t *testing.T, what, s string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(s, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, s)
		}
	}
}

func TestUsage(t *testing.T) {
	h := newHarness(t)
	out, _, code := h.run()
	if code != 2 {
		t.Errorf("no command: exit %d", code)
	}
	for _, c := range commands() {
		mustContain(t, "usage", out, "  "+c.name+" ")
	}
	if _, errs, code := h.run("frobnicate"); code != 2 || !strings.Contains(errs, "unknown command") {
		t.Errorf("unknown command: %d %s", code, errs)
	}
	if _, errs, code := h.run("list", "--bogus"); code != 2 || !strings.Contains(errs, "usage:") {
		t.Errorf("bad flag: %d %s", code, errs)
	}
	if _, _, code := h.run("show"); code != 2 {
		t.Errorf("missing id: %d", code)
	}
	if _, errs, code := h.run("show", "abc"); code != 2 || !strings.Contains(errs, "not a draft id") {
		t.Errorf("bad id: %d %s", code, errs)
	}
	if out, _, code := h.run("help"); code != 0 || !strings.Contains(out, "mark-signed") {
		t.Errorf("help: %d", code)
	}
}

func TestErrorsGoToStderr(t *testing.T) {
	h := newHarness(t)
	h.ok("new")
	out, errs, code := h.run("show", "42")
	if code != 1 || out != "" || !strings.Contains(errs, "not found") {
		t.Errorf("missing draft: exit %d stdout %q stderr %q", code, out, errs)
	}
	foreign := h.path("notes.txt")
	os.WriteFile(foreign, []byte("shopping list"), 0o600)
	var o, e bytes.Buffer
	if code := Run([]string{"list", "--library", foreign}, nil, &o, &e); code != 1 || !strings.Contains(e.String(), "not a Pactwright library") {
		t.Errorf("foreign library: %d %s", code, e.String())
	}
	if b, _ := os.ReadFile(foreign); string(b) != "shopping list" {
		t.Error("foreign file modified")
	}
}

func TestLibraryFromEnvironment(t *testing.T) {
	h := newHarness(t)
	t.Setenv("PACTWRIGHT_LIBRARY", h.lib)
	var o, e bytes.Buffer
	if code := Run([]string{"new", "--title", "From env"}, nil, &o, &e); code != 0 {
		t.Fatal(e.String())
	}
	mustContain(t, "list", h.ok("list"), "From env")
}

func TestSchemaAndExample(t *testing.T) {
	h := newHarness(t)
	var schema struct {
		Template string `json:"template"`
		Groups   []struct {
			Name   string `json:"name"`
			Fields []struct {
				ID       string          `json:"id"`
				Kind     string          `json:"kind"`
				Required bool            `json:"required"`
				Help     string          `json:"help"`
				Default  json.RawMessage `json:"default"`
				When     *struct {
					Field string `json:"field"`
				} `json:"when"`
				Options []struct{ ID, Label string } `json:"options"`
				Columns []struct{ ID string }        `json:"columns"`
			} `json:"fields"`
			Elements []struct{ ID string } `json:"elements"`
		} `json:"groups"`
	}
	if err := json.Unmarshal([]byte(h.ok("schema")), &schema); err != nil {
		t.Fatal(err)
	}
	fields := map[string]string{}
	var whens, tables, elements int
	for _, g := range schema.Groups {
		elements += len(g.Elements)
		for _, f := range g.Fields {
			var c bytes.Buffer
			if len(f.Default) > 0 {
				json.Compact(&c, f.Default)
			}
			fields[f.ID] = c.String()
			if f.When != nil {
				whens++
			}
			if len(f.Columns) > 0 {
				tables++
			}
			if f.Help == "" || f.Kind == "" {
				t.Errorf("field %s lacks help or kind", f.ID)
			}
		}
	}
	if got := fields["initial_term"]; got != `{"unit":"months","value":"36"}` {
		t.Errorf("initial_term default %s", got)
	}
	if schema.Groups[0].Name != "Parties & Term" || whens == 0 || tables == 0 || elements == 0 {
		t.Errorf("schema incomplete: %d conditions, %d tables, %d elements", whens, tables, elements)
	}
	ex := h.ok("example")
	mustContain(t, "example", ex, `"format": "pactwright-draft"`, "Brightside")
}

func TestCheck(t *testing.T) {
	h := newHarness(t)
	id := firstLine(h.ok("new", "--title", "Blank"))
	out, _, code := h.run("check", "--strict", id)
	if code != 1 {
		t.Errorf("check --strict of a blank draft: exit %d", code)
	}
	mustContain(t, "check", out, "Completeness:", "Parties & Term", "incomplete", "Customer: legal name: is missing", "Findings:")
	if out, _, code := h.run("check", id); code != 0 || out == "" {
		t.Errorf("check without --strict: exit %d", code)
	}
	var rep struct {
		Percent  int  `json:"percent"`
		Complete bool `json:"complete"`
		Groups   []struct {
			Status string `json:"status"`
		} `json:"groups"`
	}
	out, _, _ = h.run("check", "--json", id)
	if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.Complete || len(rep.Groups) == 0 {
		t.Errorf("check --json: %v %+v", err, rep)
	}
	file := h.path("ex.json")
	h.ok("example", "-o", file)
	// Complete, but nobody has confirmed the example's terms: not signable.
	if out, _, code := h.run("check", "--strict", file); code != 1 || !strings.Contains(out, "Completeness: 100%") || !strings.Contains(out, "not yet confirmed as reviewed") {
		t.Errorf("check --strict on the unconfirmed example: exit %d\n%s", code, out)
	}
	confirmAll(t, file)
	mustContain(t, "check file", h.ok("check", "--strict", file), "Completeness: 100%", "Ready for signature: nothing blocks it")
}

// TestRoundTrip: export -> import -> export keeps every answer identical.
func TestRoundTrip(t *testing.T) {
	h := newHarness(t)
	id := firstLine(h.ok("new", "--example"))
	a, b := h.path("a.json"), h.path("b.json")
	h.ok("export", id, "-o", a)
	id2 := firstLine(h.ok("import", a))
	if id2 == id {
		t.Fatal("import did not create a new draft")
	}
	h.ok("export", id2, "-o", b)
	ab, _ := os.ReadFile(a)
	bb, _ := os.ReadFile(b)
	if !bytes.Equal(ab, bb) || len(ab) == 0 {
		t.Fatalf("round trip changed the draft:\n%s\n---\n%s", ab, bb)
	}
	if ex := h.ok("example"); ex != string(ab) {
		t.Errorf("exported example differs from `pactwright example`")
	}
}

func replaceIn(t *testing.T, path, old, new string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s does not contain %q", path, old)
	}
	if err := os.WriteFile(path, bytes.Replace(b, []byte(old), []byte(new), 1), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestWholeCycle is the acceptance cycle: example -> import -> edit
// the JSON -> import --into -> save -> diff -> export -> verify ->
// mark-signed -> amend -> diff against the signed revision.
func TestWholeCycle(t *testing.T) {
	h := newHarness(t)
	file := h.path("agreement.json")
	h.ok("example", "-o", file)

	id := firstLine(h.ok("import", file))
	if id != "1" {
		t.Fatalf("first id %q", id)
	}
	mustContain(t, "list", h.ok("list"), "Brightside Home Goods Ltd", "draft", "100%")
	mustContain(t, "search", h.ok("list", "northpoint"), "Brightside customer service outsourcing")
	if out := h.ok("list", "no such party"); !strings.Contains(out, "no drafts") {
		t.Errorf("search miss: %s", out)
	}
	h.ok("save", id, "--note", "as imported")

	replaceIn(t, file, `"initial_term": {"unit":"months","value":"36"}`, `"initial_term": {"unit":"months","value":"24"}`)
	if got := firstLine(h.ok("import", "--into", id, file)); got != id {
		t.Fatalf("import --into printed %q", got)
	}
	h.ok("save", id, "--note", "two-year term")
	diff := h.ok("diff", id, "1", "2")
	mustContain(t, "diff 1 2", diff, "Parties & Term\n  Initial term: 36 months → 24 months")

	pdf := h.path("agreement.pdf")
	mustContain(t, "export before confirming", h.ok("render", id, "-o", pdf), "DRAFT", "not yet confirmed as reviewed: Parties & Term")
	mustContain(t, "confirm", h.ok("confirm", id), "confirmed as reviewed: parties, scope")
	out := h.ok("export", id, "-o", pdf)
	mustContain(t, "export", out, "exported draft 1", "kept as revision", "Next: send it to the other party to sign")
	mustContain(t, "verify", h.ok("verify", pdf), "exact match", "draft 1", "revision 3")
	mustContain(t, "show", h.ok("show", id), "Status: final", "Initial term: 24 months")

	// A PDF signer appends an incremental update; the file is still recognised.
	b, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	signed := h.path("signed.pdf")
	os.WriteFile(signed, pdfupdatetest.Sign(t, b, 0), 0o600)
	mustContain(t, "verify signed", h.ok("verify", signed), "based on export revision 3", "signed in field customer_signature")
	mustContain(t, "mark-signed", h.ok("mark-signed", id, "--pdf", signed), "marked draft 1 signed", "status signed")
	mustContain(t, "verify signed again", h.ok("verify", signed), "the signed copy of draft 1")
	var res struct {
		Match   string `json:"match"`
		DraftID int64  `json:"draft_id"`
	}
	if err := json.Unmarshal([]byte(h.ok("verify", "--json", signed)), &res); err != nil || res.Match != "signed" || res.DraftID != 1 {
		t.Errorf("verify --json: %v %+v", err, res)
	}

	// Amend: a new term, imported into the signed draft.
	replaceIn(t, file, `"value":"24"}`, `"value":"30"}`)
	h.ok("import", "--into", id, file)
	mustContain(t, "show amendment", h.ok("show", id), "Status: amendment", "Signed revision: 4")
	diff = h.ok("diff", id)
	mustContain(t, "diff against signed", diff, "from revision 4 (signed", "to the working copy", "Initial term: 24 months → 30 months")
	var jd struct {
		From    int `json:"from"`
		Changes []struct{ Group, Label, Old, New string }
	}
	if err := json.Unmarshal([]byte(h.ok("diff", "--json", id)), &jd); err != nil || jd.From != 4 || len(jd.Changes) != 1 || jd.Changes[0].New != "30 months" {
		t.Errorf("diff --json: %v %+v", err, jd)
	}

	hist := h.ok("history", id)
	for _, kind := range []string{"save", "export", "signed"} {
		mustContain(t, "history", hist, kind)
	}

	// Restore the first revision, then undo it.
	out = h.ok("restore", id, "1")
	mustContain(t, "restore", out, "restored revision 1", "undo: pactwright restore 1 5")
	mustContain(t, "after restore", h.ok("show", id), "Initial term: 36 months")
	h.ok("restore", id, "5")
	mustContain(t, "after undo", h.ok("show", id), "Initial term: 30 months")

	// Something not from this library.
	other := h.path("other.pdf")
	os.WriteFile(other, []byte("%PDF-1.7\n%%EOF\n"), 0o600)
	out, _, code := h.run("verify", other)
	if code != 1 || !strings.Contains(out, "no match") {
		t.Errorf("verify unknown: exit %d %s", code, out)
	}
	if _, errs, code := h.run("mark-signed", id, "--pdf", other); code != 1 || !strings.Contains(errs, "does not come from") {
		t.Errorf("mark-signed with a foreign PDF: %d %s", code, errs)
	}

	// Trash.
	h.ok("delete", id)
	if out := h.ok("list"); !strings.Contains(out, "no drafts") {
		t.Errorf("list after delete: %s", out)
	}
	mustContain(t, "trash", h.ok("list", "--trash"), "Brightside")
	h.ok("undelete", id)
	mustContain(t, "list after undelete", h.ok("list", "--json"), `"id": 1`)

	// Purge only takes drafts already in the trash, and then they are gone.
	if _, errs, code := h.run("purge", id); code != 1 || !strings.Contains(errs, "not in the trash") {
		t.Errorf("purge outside the trash: exit %d %s", code, errs)
	}
	h.ok("delete", id)
	mustContain(t, "purge", h.ok("purge", id), "deleted draft 1 for good")
	if out := h.ok("list", "--trash"); strings.Contains(out, "Brightside") {
		t.Errorf("purged draft still in the trash: %s", out)
	}
	if _, errs, code := h.run("show", id); code != 1 || !strings.Contains(errs, "not found") {
		t.Errorf("show after purge: exit %d %s", code, errs)
	}
}

func TestRenderFileOrID(t *testing.T) {
	h := newHarness(t)
	file := h.path("ex.json")
	h.ok("example", "-o", file)
	a := h.path("a.pdf")
	h.ok("render", file, "-o", a)
	id := firstLine(h.ok("import", file))
	b := h.path("b.pdf")
	h.ok("render", "-o", b, id)
	for _, p := range []string{a, b} {
		data, err := os.ReadFile(p)
		if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
			t.Errorf("%s is not a PDF: %v", p, err)
		}
	}
	// render records nothing; export does.
	if out := h.ok("history", id); !strings.Contains(out, "no revisions") {
		t.Errorf("render made a revision: %s", out)
	}
}

func TestWindowRequest(t *testing.T) {
	for _, c := range []struct {
		args   []string
		window bool
		want   Window
	}{
		{nil, true, Window{}},
		{[]string{"--library", "/x.db"}, true, Window{Library: "/x.db"}},
		{[]string{"--library=/x.db", "open", "7"}, true, Window{Library: "/x.db", Open: "7"}},
		{[]string{"open", "Draft.JSON"}, true, Window{Open: "Draft.JSON"}},
		{[]string{"--library=/x.db", "list"}, false, Window{}},
		{[]string{"open", "agreement.pdf"}, true, Window{Open: "agreement.pdf"}},
		{[]string{"open", "agreement.docx"}, false, Window{}},
		{[]string{"open"}, false, Window{}},
		{[]string{"list"}, false, Window{}},
		{[]string{"-h"}, false, Window{}},
		{[]string{"--nonsense"}, false, Window{}},
	} {
		got, ok := WindowRequest(c.args)
		if ok != c.window || got != c.want {
			t.Errorf("WindowRequest(%q) = %+v, %v; want %+v, %v", c.args, got, ok, c.want, c.window)
		}
	}
}

func TestOpenExplainsWhatItTakes(t *testing.T) {
	h := newHarness(t)
	_, errs, code := h.run("open", "agreement.docx")
	if code != 2 || !strings.Contains(errs, "draft id, a .json draft file or a PDF") {
		t.Errorf("open agreement.docx: exit %d, stderr %q", code, errs)
	}
}

// TestRenderSaysWhenItIsADraft: render and export tell the user that an
// incomplete draft's PDF is not for signature; a complete one says nothing.
func TestRenderSaysWhenItIsADraft(t *testing.T) {
	h := newHarness(t)
	file := h.path("ex.json")
	h.ok("example", "-o", file)
	confirmAll(t, file)
	if out := h.ok("render", file, "-o", h.path("final.pdf")); strings.Contains(out, "DRAFT") {
		t.Errorf("complete example rendered as a draft: %s", out)
	}
	replaceIn(t, file, `"customer_name": "Brightside Home Goods Ltd",`, ``)
	mustContain(t, "render draft", h.ok("render", file, "-o", h.path("draft.pdf")), "DRAFT – NOT FOR SIGNATURE", "no signature fields")
	id := firstLine(h.ok("import", file))
	mustContain(t, "export draft", h.ok("export", id, "-o", h.path("export.pdf")), "DRAFT – NOT FOR SIGNATURE", "exported draft")
}

// confirmAll marks every group of a draft file confirmed as reviewed, as a
// user who checked the example would.
func confirmAll(t *testing.T, file string) {
	t.Helper()
	replaceIn(t, file, `"title":`, `"reviewed": ["parties", "scope", "service_levels", "pricing", "confidentiality", "termination", "disputes", "general", "signatures"],
  "title":`)
}
