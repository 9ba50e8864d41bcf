package draft_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pactwright/app/check"
	"pactwright/app/draft"
	"pactwright/app/library"
	"pactwright/app/template"
)

// testdata/example-v1.json is `pactwright example` as template version 1
// wrote it, kept byte for byte so that migration starts from real old output.
const exampleV1 = "testdata/example-v1.json"

func readV1(t *testing.T) ([]byte, draft.Draft) {
	t.Helper()
	data, err := os.ReadFile(exampleV1)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"template_version": 1`) {
		t.Fatalf("%s is not a version 1 draft", exampleV1)
	}
	tpl := template.CallCentre()
	d, err := draft.Unmarshal(tpl, data)
	if err != nil {
		t.Fatalf("a version 1 draft no longer loads: %v", err)
	}
	return data, d
}

// A version 1 draft loads, keeps every answer it had, gains the fields
// added since, and ends up exactly where a new example starts.
func TestVersion1FileMigratesWithNothingLost(t *testing.T) {
	data, got := readV1(t)
	tpl := template.CallCentre()
	// The old answers exactly as version 1 stored them: the same file with
	// its version number lifted, so no migration runs.
	raw := strings.Replace(string(data), `"template_version": 1`, `"template_version": 2`, 1)
	old, err := draft.Unmarshal(tpl, []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	for id, v := range old.Answers {
		w := got.Answers[id]
		if id == "sla_metrics" {
			// Rows keep every cell and only gain the new columns.
			for i, row := range v.Rows {
				for col, cell := range row {
					if w.Rows[i][col] != cell {
						t.Errorf("sla_metrics row %d %s: %q became %q", i+1, col, cell, w.Rows[i][col])
					}
				}
			}
			continue
		}
		if !w.Equal(v) {
			t.Errorf("%s: %+v became %+v", id, v, w)
		}
	}
	// Every other answer is where a new example starts (the service level
	// rows keep the user's old credits, so they are compared above).
	for id, v := range draft.Example(tpl).Answers {
		if id != "sla_metrics" && !got.Answers[id].Equal(v) {
			t.Errorf("%s after migration: %+v, a new example has %+v", id, got.Answers[id], v)
		}
	}
	if r := check.Check(tpl, got.Answers); !r.Complete() {
		t.Errorf("the migrated example is incomplete: %v", r.Problems())
	}
	if rows := got.Answers["sla_metrics"].Rows; rows[0]["severe"] != "60" || rows[1]["severe"] != "" {
		t.Errorf("the answer-time service level (only) should become critical, with a severe-miss level: %v", rows[:2])
	}
	out, err := draft.Marshal(tpl, got)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `"template_version": 2`) {
		t.Errorf("a migrated draft is saved as version 2:\n%.300s", out)
	}
}

func TestUnknownTemplateVersionsAreRefused(t *testing.T) {
	data, _ := readV1(t)
	tpl := template.CallCentre()
	for _, v := range []string{"0", "3"} {
		raw := strings.Replace(string(data), `"template_version": 1`, `"template_version": `+v, 1)
		_, err := draft.Unmarshal(tpl, []byte(raw))
		if err == nil || !strings.Contains(err.Error(), "template version "+v+" is not supported") {
			t.Errorf("version %s: error %v", v, err)
		}
	}
}

// The library stores drafts in this format, so a library written by
// version 1 (the committed schema-1 fixture holds the version 1 example)
// opens its drafts migrated too.
func TestVersion1LibraryDraftMigrates(t *testing.T) {
	src, err := os.Open("../library/testdata/library-v1.db")
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	path := filepath.Join(t.TempDir(), "library.db")
	dst, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	dst.Close()
	l, err := library.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	d, err := l.Get(1)
	if err != nil {
		t.Fatalf("a version 1 draft in the library no longer opens: %v", err)
	}
	a := d.Content.Answers
	// The fixture's own answers survive (it was saved with a 6-month exit)…
	if got := a["exit_period"]; got.Text != "6" || got.Unit != "months" {
		t.Errorf("exit_period: %+v, the library held 6 months", got)
	}
	// …and every field added since version 1 is there.
	for _, g := range l.Template().Groups {
		for _, f := range g.Fields {
			if f.Since == 2 && !f.Default.IsBlank() && !a.Has(f.ID) {
				t.Errorf("%s (added in version 2) is missing after migration", f.ID)
			}
		}
	}
	if rows := a["sla_metrics"].Rows; len(rows) == 0 || rows[0]["severe"] == "" {
		t.Errorf("service level rows did not gain the severe-miss column: %v", rows)
	}
}

// Version 1 keyed the staff transfer clause to the governing law; after
// migration the agents' country follows that law, so the clause stays
// where it was and stays away where it was not.
func TestVersion1StaffTransferFollowsTheOldLaw(t *testing.T) {
	data, _ := readV1(t)
	tpl := template.CallCentre()
	for law, want := range map[string]string{"england_wales": "uk", "us_new_york": "us", "ireland": "eu", "australia_nsw": "other"} {
		raw := strings.Replace(string(data), `"governing_law": "england_wales"`, `"governing_law": "`+law+`"`, 1)
		d, err := draft.Unmarshal(tpl, []byte(raw))
		if err != nil {
			t.Fatal(err)
		}
		if got := d.Answers["delivery_country"].Text; got != want {
			t.Errorf("%s: agents' country %q, want %q", law, got, want)
		}
		if law == "us_new_york" && tpl.Visible("tupe", d.Answers) {
			t.Error("a New York draft gained a staff transfer question")
		}
	}
}
