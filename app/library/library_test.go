package library

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pactwright/app/answers"
	"pactwright/app/draft"
	"pactwright/app/template"
	"pactwright/render/pdfupdate/pdfupdatetest"
)

func openTemp(t *testing.T) (*Library, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lib", "library.db")
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l, path
}

func example(t *testing.T) draft.Draft {
	t.Helper()
	return draft.Example(template.CallCentre())
}

func mustGet(t *testing.T, l *Library, id int64) Draft {
	t.Helper()
	d, err := l.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestSchemaVersionIsLastStep(t *testing.T) {
	s := steps()
	for i, m := range s {
		if m.version != i+1 {
			t.Fatalf("step %d has version %d: steps must be numbered 1, 2, 3 ...", i, m.version)
		}
	}
	if s[len(s)-1].version != schemaVersion {
		t.Fatalf("schemaVersion %d, last step %d", schemaVersion, s[len(s)-1].version)
	}
}

func TestPermissions(t *testing.T) {
	_, path := openTemp(t)
	for p, want := range map[string]os.FileMode{filepath.Dir(path): 0o700, path: 0o600} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := st.Mode().Perm(); got != want {
			t.Errorf("%s: mode %o, want %o", p, got, want)
		}
	}
}

func TestResolvePath(t *testing.T) {
	t.Setenv(EnvLibrary, "/from/env.db")
	if p, _ := ResolvePath("/from/flag.db"); p != "/from/flag.db" {
		t.Errorf("flag: %s", p)
	}
	if p, _ := ResolvePath(""); p != "/from/env.db" {
		t.Errorf("env: %s", p)
	}
	t.Setenv(EnvLibrary, "")
	t.Setenv("XDG_CONFIG_HOME", "/cfg")
	t.Setenv("HOME", "/home/x")
	if p, _ := ResolvePath(""); !strings.HasSuffix(p, filepath.Join("pactwright", "library.db")) {
		t.Errorf("default: %s", p)
	}
}

func TestCreateListSearchTrash(t *testing.T) {
	eachBackend(t, func(t *testing.T, be backend) {
		l, _ := openOn(t, be)
		clock := time.Date(2027, 1, 1, 9, 0, 0, 0, time.FixedZone("CET", 3600))
		l.now = func() time.Time { clock = clock.Add(time.Minute); return clock }

		ex := example(t)
		a, err := l.Create(ex)
		if err != nil {
			t.Fatal(err)
		}
		blank := draft.New(l.Template())
		blank.Title = "Ünïcode Pilot"
		b, err := l.Create(blank)
		if err != nil {
			t.Fatal(err)
		}
		c, err := l.Duplicate(a)
		if err != nil {
			t.Fatal(err)
		}
		if err := l.Rename(c, "Second site 100%_deal"); err != nil {
			t.Fatal(err)
		}

		list, err := l.List("")
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(list); !equalIDs(got, []int64{c, b, a}) {
			t.Fatalf("list order %v, want newest change first %v", got, []int64{c, b, a})
		}
		s := list[2]
		if s.Customer != "Brightside Home Goods Ltd" || s.Provider != "Northpoint Contact Solutions Ltd" || s.Status != StatusDraft || s.Percent != 100 {
			t.Errorf("summary %+v", s)
		}
		if s.Changed.Location() != time.UTC {
			t.Errorf("changed not UTC: %v", s.Changed)
		}
		if list[1].Percent >= 100 {
			t.Errorf("blank draft percent %d", list[1].Percent)
		}

		for q, want := range map[string][]int64{
			"NORTHPOINT":   {c, a},
			"brightside":   {c, a},
			"ünïcode":      {b},
			"ÜNÏCODE":      {b},
			"100%_":        {c},
			"%":            {c},
			"no such name": {},
		} {
			got, err := l.List(q)
			if err != nil {
				t.Fatal(err)
			}
			if !equalIDs(ids(got), want) {
				t.Errorf("search %q: %v, want %v", q, ids(got), want)
			}
		}

		if err := l.Delete(a); err != nil {
			t.Fatal(err)
		}
		if got, _ := l.List(""); !equalIDs(ids(got), []int64{c, b}) {
			t.Errorf("after delete: %v", ids(got))
		}
		if got, _ := l.Trash(); !equalIDs(ids(got), []int64{a}) {
			t.Errorf("trash: %v", ids(got))
		}
		if err := l.Purge(b); err == nil {
			t.Error("purged a draft that was not in the trash")
		}
		if err := l.Undelete(a); err != nil {
			t.Fatal(err)
		}
		if got, _ := l.Trash(); len(got) != 0 {
			t.Errorf("trash after undelete: %v", ids(got))
		}
		if err := l.Delete(b); err != nil {
			t.Fatal(err)
		}
		if _, err := l.SaveRevision(b, ""); err != nil {
			t.Fatal(err)
		}
		if err := l.Purge(b); err != nil {
			t.Fatal(err)
		}
		if _, err := l.Get(b); !errors.Is(err, ErrNotFound) {
			t.Errorf("get purged: %v", err)
		}
		if err := l.Delete(999); !errors.Is(err, ErrNotFound) {
			t.Errorf("delete missing: %v", err)
		}

		got := mustGet(t, l, c)
		if got.Content.Title != "Second site 100%_deal" || got.Title != got.Content.Title {
			t.Errorf("renamed title %q / %q", got.Title, got.Content.Title)
		}
	})
}

func ids(s []Summary) []int64 {
	out := []int64{}
	for _, x := range s {
		out = append(out, x.ID)
	}
	return out
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestRoundTripKeepsEveryAnswer(t *testing.T) {
	eachBackend(t, func(t *testing.T, be backend) {
		l, _ := openOn(t, be)
		tp := l.Template()
		ex := example(t)
		want, err := draft.Marshal(tp, ex)
		if err != nil {
			t.Fatal(err)
		}
		in, err := draft.Unmarshal(tp, want)
		if err != nil {
			t.Fatal(err)
		}
		id, err := l.Create(in)
		if err != nil {
			t.Fatal(err)
		}
		got, err := draft.Marshal(tp, mustGet(t, l, id).Content)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Fatalf("round trip changed the draft:\n%s\nvs\n%s", got, want)
		}
	})
}

func TestAutosaveConflictBetweenHandles(t *testing.T) {
	eachBackend(t, func(t *testing.T, be backend) {
		l1, path := openOn(t, be)
		l2, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer l2.Close()

		id, err := l1.Create(example(t))
		if err != nil {
			t.Fatal(err)
		}
		w1, w2 := mustGet(t, l1, id), mustGet(t, l2, id)

		d1 := w1.Content
		d1.Answers = d1.Answers.Clone()
		d1.Answers["customer_name"] = answers.Value{Text: "First Writer Ltd"}
		v, err := l1.Autosave(id, d1, w1.Version)
		if err != nil {
			t.Fatal(err)
		}
		if v != w1.Version+1 {
			t.Errorf("new version %d", v)
		}

		d2 := w2.Content
		d2.Answers = d2.Answers.Clone()
		d2.Answers["customer_name"] = answers.Value{Text: "Second Writer Ltd"}
		if _, err := l2.Autosave(id, d2, w2.Version); !errors.Is(err, ErrConflict) {
			t.Fatalf("stale autosave: %v, want ErrConflict", err)
		}
		got := mustGet(t, l2, id)
		if got.Customer != "First Writer Ltd" || got.Content.Answers.Text("customer_name") != "First Writer Ltd" || got.Version != v {
			t.Fatalf("stale writer overwrote the draft: %+v", got.Summary)
		}
		// Resolving the conflict: reload, reapply, save.
		if _, err := l2.Autosave(id, d2, got.Version); err != nil {
			t.Fatal(err)
		}
		if _, err := l1.Autosave(999, d1, 1); !errors.Is(err, ErrNotFound) {
			t.Errorf("autosave missing draft: %v", err)
		}
	})
}

func edit(d draft.Draft, id string, v answers.Value) draft.Draft {
	d.Answers = d.Answers.Clone()
	d.Answers[id] = v
	return d
}

func TestRevisionsAndDiffLabels(t *testing.T) {
	eachBackend(t, func(t *testing.T, be backend) {
		l, _ := openOn(t, be)
		id, err := l.Create(example(t))
		if err != nil {
			t.Fatal(err)
		}
		r1, err := l.SaveRevision(id, "first")
		if err != nil {
			t.Fatal(err)
		}
		w := mustGet(t, l, id)
		d := edit(w.Content, "initial_term", answers.Value{Text: "24", Unit: "months"})
		d = edit(d, "renewal", answers.Value{Text: "none"})
		d = edit(d, "channels", answers.Value{Items: []string{"inbound_voice"}})
		sla := d.Answers["sla_metrics"].Clone()
		sla.Rows[1]["target"] = "25"
		d = edit(d, "sla_metrics", sla)
		if _, err := l.Autosave(id, d, w.Version); err != nil {
			t.Fatal(err)
		}
		r2, err := l.SaveRevision(id, "shorter term")
		if err != nil {
			t.Fatal(err)
		}
		if r1.Number != 1 || r2.Number != 2 || r2.Kind != KindSave || r2.Note != "shorter term" {
			t.Errorf("revisions %+v %+v", r1, r2)
		}
		hist, err := l.History(id)
		if err != nil {
			t.Fatal(err)
		}
		if len(hist) != 2 || hist[0].Number != 2 || hist[1].Note != "first" || hist[0].Title != example(t).Title {
			t.Errorf("history %+v", hist)
		}

		changes, err := l.Diff(id, 1, 2)
		if err != nil {
			t.Fatal(err)
		}
		text := changeText(changes)
		for _, want := range []string{
			"Parties & Term | Initial term: 36 months → 24 months",
			"Parties & Term | What happens at the end of the term: Renews automatically unless either party gives notice → Ends, with no renewal",
			"Scope of Services | ",
			"→ Inbound phone",
			"Service Levels | Service level targets, row 2: ",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("diff lacks %q:\n%s", want, text)
			}
		}
		if strings.Contains(text, "Customer: legal name") {
			t.Errorf("unchanged field in diff:\n%s", text)
		}
		// to == 0 is the working copy, which equals revision 2.
		if c, err := l.Diff(id, 2, 0); err != nil || len(c) != 0 {
			t.Errorf("diff against identical working copy: %v %v", c, err)
		}
		if _, err := l.Diff(id, 7, 0); !errors.Is(err, ErrNotFound) {
			t.Errorf("diff missing revision: %v", err)
		}
		old, err := l.RevisionContent(id, 1)
		if err != nil {
			t.Fatal(err)
		}
		if old.Answers["initial_term"].Text != "36" {
			t.Errorf("revision 1 changed: %+v", old.Answers["initial_term"])
		}
	})
}

func changeText(cs []Change) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(c.Group + " | " + c.Label + ": " + c.Old + " → " + c.New + "\n")
	}
	return b.String()
}

func TestRestoreAndUndo(t *testing.T) {
	eachBackend(t, func(t *testing.T, be backend) {
		l, _ := openOn(t, be)
		id, _ := l.Create(example(t))
		if _, err := l.SaveRevision(id, ""); err != nil {
			t.Fatal(err)
		}
		w := mustGet(t, l, id)
		changed := edit(w.Content, "customer_name", answers.Value{Text: "Changed Ltd"})
		if _, err := l.Autosave(id, changed, w.Version); err != nil {
			t.Fatal(err)
		}
		stale := mustGet(t, l, id).Version
		if err := l.RestoreRevision(id, 1); err != nil {
			t.Fatal(err)
		}
		got := mustGet(t, l, id)
		if got.Customer != "Brightside Home Goods Ltd" {
			t.Fatalf("restore did not restore: %q", got.Customer)
		}
		if got.Version <= stale {
			t.Errorf("restore did not bump the version")
		}
		hist, _ := l.History(id)
		if hist[0].Kind != KindRestoreUndo {
			t.Fatalf("no undo revision: %+v", hist)
		}
		// Undo the restore.
		if err := l.RestoreRevision(id, hist[0].Number); err != nil {
			t.Fatal(err)
		}
		if got := mustGet(t, l, id); got.Customer != "Changed Ltd" {
			t.Fatalf("undo did not bring back the edit: %q", got.Customer)
		}
		if err := l.RestoreRevision(id, 99); !errors.Is(err, ErrNotFound) {
			t.Errorf("restore missing revision: %v", err)
		}
	})
}

func fakePDF(s string) []byte { return []byte("%PDF-1.7\n" + s + "\n%%EOF\n") }

func TestStatusExportSignAmend(t *testing.T) {
	eachBackend(t, func(t *testing.T, be backend) {
		l, _ := openOn(t, be)
		id, _ := l.Create(example(t))
		if s := mustGet(t, l, id).Status; s != StatusDraft {
			t.Fatalf("new draft status %s", s)
		}
		if _, err := l.DiffSigned(id); !errors.Is(err, ErrNotSigned) {
			t.Errorf("diff signed before signing: %v", err)
		}
		pdf := pdfupdatetest.Export(t, "agreement body")
		exp, err := l.RecordExport(id, "out/agreement.pdf", pdf)
		if err != nil {
			t.Fatal(err)
		}
		if exp.Kind != KindExport || !filepath.IsAbs(exp.Note) || exp.SHA256 == "" {
			t.Errorf("export revision %+v", exp)
		}
		if s := mustGet(t, l, id).Status; s != StatusFinal {
			t.Fatalf("after export: %s", s)
		}
		// A no-op autosave (same content) must not demote a final draft.
		w := mustGet(t, l, id)
		if _, err := l.Autosave(id, w.Content, w.Version); err != nil {
			t.Fatal(err)
		}
		if s := mustGet(t, l, id).Status; s != StatusFinal {
			t.Fatalf("after no-op autosave: %s", s)
		}

		signedPDF := pdfupdatetest.Sign(t, pdf, 0)
		sig, _, err := l.MarkSignedPDF(id, signedPDF)
		if err != nil {
			t.Fatal(err)
		}
		w = mustGet(t, l, id)
		if w.Status != StatusSigned || w.SignedRevision != sig.Number || sig.Kind != KindSigned {
			t.Fatalf("after signing: %+v %+v", w.Summary, sig)
		}

		amended := edit(w.Content, "initial_term", answers.Value{Text: "24", Unit: "months"})
		if _, err := l.Autosave(id, amended, w.Version); err != nil {
			t.Fatal(err)
		}
		w = mustGet(t, l, id)
		if w.Status != StatusAmendment || w.SignedRevision != sig.Number {
			t.Fatalf("after amending: %+v signed=%d", w.Summary, w.SignedRevision)
		}
		signed, _ := l.RevisionContent(id, sig.Number)
		if signed.Answers["initial_term"].Text != "36" {
			t.Fatal("amendment touched the signed revision")
		}
		changes, err := l.DiffSigned(id)
		if err != nil {
			t.Fatal(err)
		}
		if text := changeText(changes); text != "Parties & Term | Initial term: 36 months → 24 months\n" {
			t.Errorf("amendment diff:\n%s", text)
		}
		// Exporting the amendment makes it final again; the old signature stays recorded.
		if _, err := l.RecordExport(id, "amend.pdf", fakePDF("amended")); err != nil {
			t.Fatal(err)
		}
		if w := mustGet(t, l, id); w.Status != StatusFinal || w.SignedRevision != sig.Number {
			t.Errorf("after exporting amendment: %+v", w)
		}
	})
}

func hexSum(s [32]byte) string {
	const digits = "0123456789abcdef"
	b := make([]byte, 64)
	for i, c := range s {
		b[2*i], b[2*i+1] = digits[c>>4], digits[c&15]
	}
	return string(b)
}

func TestVerify(t *testing.T) {
	eachBackend(t, func(t *testing.T, be backend) {
		l, _ := openOn(t, be)
		id, _ := l.Create(example(t))
		other, _ := l.Create(draft.New(l.Template()))
		pdf := pdfupdatetest.Export(t, "the agreement")
		exp, err := l.RecordExport(id, "a.pdf", pdf)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := l.RecordExport(other, "b.pdf", fakePDF("another")); err != nil {
			t.Fatal(err)
		}

		res, err := l.Verify(pdf)
		if err != nil {
			t.Fatal(err)
		}
		if res.Match != MatchExact || res.DraftID != id || res.Revision != exp.Number || !strings.HasSuffix(res.Path, "a.pdf") {
			t.Errorf("exact: %+v", res)
		}

		signed := pdfupdatetest.Sign(t, pdf, 0)
		res, err = l.Verify(signed)
		if err != nil {
			t.Fatal(err)
		}
		if res.Match != MatchAppended || res.DraftID != id || res.AppendedBytes != int64(len(signed)-len(pdf)) {
			t.Errorf("appended: %+v", res)
		}
		if !strings.Contains(res.String(), "change nothing on the pages: signed in field customer_signature") {
			t.Errorf("appended text: %s", res)
		}

		// Garbage after the export is not a signature: verify and mark-signed
		// both say the file was changed.
		forged := append(bytes.Clone(pdf), "price GBP 999999.00 per hour"...)
		res, err = l.Verify(forged)
		if err != nil {
			t.Fatal(err)
		}
		if res.Match != MatchAltered || !strings.Contains(res.String(), "CHANGED after export") || !strings.Contains(res.String(), "28 bytes appended after export are not a PDF update") {
			t.Errorf("forged: %+v\n%s", res, res)
		}
		if _, _, err := l.MarkSignedPDF(id, forged); !errors.Is(err, ErrChangedAfterExport) {
			t.Errorf("mark-signed with a forged copy: %v, want ErrChangedAfterExport", err)
		}

		// Recording the signed file's hash makes it an exact match of its own.
		if _, _, err := l.MarkSignedPDF(id, signed); err != nil {
			t.Fatal(err)
		}
		if res, _ := l.Verify(signed); res.Match != MatchSigned || res.DraftID != id {
			t.Errorf("signed: %+v", res)
		}

		changed := append([]byte{}, pdf...)
		changed[12] ^= 1
		for name, b := range map[string][]byte{"changed": changed, "unknown": fakePDF("made elsewhere"), "empty": nil, "truncated": pdf[:len(pdf)-3]} {
			res, err := l.Verify(b)
			if err != nil {
				t.Fatal(err)
			}
			if res.Match != MatchNone {
				t.Errorf("%s: %+v", name, res)
			}
		}
	})
}

func TestAwkwardPath(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Q?1 #2 100% ünï")
	path := filepath.Join(dir, "my library.db")
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Create(example(t)); err != nil {
		t.Fatal(err)
	}
	l.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("library not at %s: %v", path, err)
	}
	l, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if got, _ := l.List(""); len(got) != 1 {
		t.Fatalf("reopened library has %d drafts", len(got))
	}
}

// The signed PDF decides which revision is the signed one, even when the
// draft was exported again afterwards: signing an older export must not
// record the newer one.
func TestMarkSignedPDFPicksTheExportThatWasSigned(t *testing.T) {
	eachBackend(t, func(t *testing.T, be backend) {
		l, _ := openOn(t, be)
		id, err := l.Create(example(t))
		if err != nil {
			t.Fatal(err)
		}
		pdfA := pdfupdatetest.Export(t, "version A")
		revA, err := l.RecordExport(id, "a.pdf", pdfA)
		if err != nil {
			t.Fatal(err)
		}
		w := mustGet(t, l, id)
		if _, err := l.Autosave(id, edit(w.Content, "initial_term", answers.Value{Text: "24", Unit: "months"}), w.Version); err != nil {
			t.Fatal(err)
		}
		if _, err := l.RecordExport(id, "b.pdf", pdfupdatetest.Export(t, "version B")); err != nil {
			t.Fatal(err)
		}
		signedA := pdfupdatetest.Sign(t, pdfA, 1)
		sig, res, err := l.MarkSignedPDF(id, signedA)
		if err != nil {
			t.Fatal(err)
		}
		if res.Revision != revA.Number {
			t.Errorf("signed file recognised as revision %d, want %d", res.Revision, revA.Number)
		}
		changes, err := l.DiffSigned(id)
		if err != nil {
			t.Fatal(err)
		}
		if len(changes) != 1 || changes[0].Field != "initial_term" {
			t.Errorf("diff against the signed revision %d: %+v, want the initial term change", sig.Number, changes)
		}
		if _, _, err := l.MarkSignedPDF(id, fakePDF("made elsewhere")); !errors.Is(err, ErrNotExported) {
			t.Errorf("a PDF from nowhere: %v, want ErrNotExported", err)
		}
	})
}
