package draft_test

import (
	"io"
	"os"
	"path/filepath"
	"slices"
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

// toConfirm are the answers a version 1 example gains that nobody agreed:
// all left blank, even where a new agreement starts from a default, except
// what the draft's own words say (the Customer's address and place of
// registration name the United Kingdom).
var toConfirm = map[string]string{
	"delivery_country": "", "liability_cap_floor": "", "customer_country": "uk", "california_consumers": "no",
	"chronic_credit_share": "", "additional_terms_priority": "", "indemnity_cap": "", "provider_tools_licence": "", "approved_subprocessors": "",
}

// changedDefaults are defaults reworded since version 1 (the hand-back
// list's "Customer Data", forecasts as good-faith estimates, Business Day in the complaints default,
// the price index named with its publisher, additional services priced for any pricing model, an escalation step an individual can take).
var changedDefaults = map[string]bool{"exit_items": true, "customer_responsibilities": true, "complaint_handling": true, "delivery_sites": true, "price_index": true, "additional_services": true, "escalation_ladder": true}

// A version 1 draft loads, keeps every answer it had, gains the fields
// added since, and ends up where a new example starts, except for what
// it must confirm.
func TestVersion1FileMigratesWithNothingLost(t *testing.T) {
	data, got := readV1(t)
	tpl := template.CallCentre()
	// The old answers exactly as version 1 stored them: the same file with
	// its version number lifted, so no migration runs.
	raw := strings.Replace(string(data), `"template_version": 1`, `"template_version": 3`, 1)
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
	for id, v := range draft.Example(tpl).Answers {
		want, confirm := toConfirm[id]
		switch {
		case confirm && got.Answers[id].Text != want:
			t.Errorf("%s after migration: %q, want %q (to confirm)", id, got.Answers[id].Text, want)
		case changedDefaults[id]:
			// The old draft keeps what it said; only new drafts start from the new default.
		case !confirm && id != "sla_metrics" && tpl.Visible(id, got.Answers) && !got.Answers[id].Equal(v):
			t.Errorf("%s after migration: %+v, a new example has %+v", id, got.Answers[id], v)
		}
	}
	// What only the user knows keeps the export a DRAFT until answered.
	r := check.Check(tpl, got.Answers)
	var missing []string
	for _, p := range r.Problems() {
		missing = append(missing, p.Field)
	}
	if strings.Join(missing, " ") != "delivery_country chronic_credit_share liability_cap_floor indemnity_cap provider_tools_licence" {
		t.Errorf("the migrated example should ask for every answer added since, and only those: %v", missing)
	}
	// A severe-miss level is a right to end the agreement: not invented.
	for i, r := range got.Answers["sla_metrics"].Rows {
		if r["severe"] != "" {
			t.Errorf("service level row %d gained a severe-miss level %q on migration", i+1, r["severe"])
		}
	}
	out, err := draft.Marshal(tpl, got)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `"template_version": 3`) {
		t.Errorf("a migrated draft is saved as version 3:\n%.300s", out)
	}
}

func TestUnknownTemplateVersionsAreRefused(t *testing.T) {
	data, _ := readV1(t)
	tpl := template.CallCentre()
	for _, v := range []string{"0", "4"} {
		raw := strings.Replace(string(data), `"template_version": 1`, `"template_version": `+v, 1)
		_, err := draft.Unmarshal(tpl, []byte(raw))
		if err == nil || !strings.Contains(err.Error(), "template version "+v+" is not supported") {
			t.Errorf("version %s: error %v", v, err)
		}
	}
}

// v1Variant is the version 1 example with some answers rewritten as an
// older file would have held them, and every group marked reviewed.
func v1Variant(t *testing.T, replace ...string) draft.Draft {
	t.Helper()
	data, _ := readV1(t)
	raw := strings.NewReplacer(replace...).Replace(string(data))
	raw = strings.Replace(raw, `"title":`, `"reviewed": ["parties", "scope", "service_levels", "pricing", "confidentiality", "termination", "disputes", "general", "signatures"],
  "title":`, 1)
	d, err := draft.Unmarshal(template.CallCentre(), []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// A version 1 US deal and a version 1 offshore deal migrate with nothing
// invented: no country of the agents taken from the governing law, no
// pound floor in a dollar deal, and the groups that gained answers are
// to review again.
func TestVersion1MigratesWithNothingInvented(t *testing.T) {
	us := v1Variant(t,
		`"governing_law": "england_wales"`, `"governing_law": "us_new_york"`,
		`"currency":"GBP"`, `"currency":"USD"`,
		`14 Canal Street\nManchester M1 3HE\nUnited Kingdom`, `350 Fifth Avenue\nNew York, NY 10118\nUSA`,
		"Northpoint's contact centre at Clyde Gateway, Glasgow, with a standby site in Paisley", "Tampa, Florida")
	if c := us.Answers["delivery_country"]; !c.IsBlank() {
		t.Errorf("US v1 draft: agents' country %q invented (its sites name no country)", c.Text)
	}
	if f := us.Answers["liability_cap_floor"]; !f.IsBlank() {
		t.Errorf("US v1 draft: liability floor %+v invented", f)
	}
	// Its address says USA but it is registered in England and Wales:
	// the two disagree, so nothing is proposed.
	if c := us.Answers["customer_country"].Text; c != "" {
		t.Errorf("US v1 draft: registered in England, address in the USA, yet proposed country %q", c)
	}
	usAgain := v1Variant(t, `"customer_incorporated": "England and Wales"`, `"customer_incorporated": "Delaware, USA"`,
		`14 Canal Street\nManchester M1 3HE\nUnited Kingdom`, `350 Fifth Avenue\nNew York, NY 10118\nUSA`)
	if c := usAgain.Answers["customer_country"].Text; c != "us" {
		t.Errorf("US v1 draft registered in Delaware, USA, with a US address: proposed country %q", c)
	}
	offshore := v1Variant(t, "Northpoint's contact centre at Clyde Gateway, Glasgow, with a standby site in Paisley", "Makati City, Philippines")
	if c := offshore.Answers["delivery_country"].Text; c != "philippines" {
		t.Errorf("offshore v1 draft: sites in Makati City, Philippines, proposed country %q", c)
	}
	if !slices.Contains(offshore.ToConfirm, "delivery_country") || !slices.Contains(offshore.ToConfirm, "liability_cap_floor") {
		t.Errorf("the fields to confirm are not recorded with the draft: %v", offshore.ToConfirm)
	}
	tpl := template.CallCentre()
	r := check.ForDraft(tpl, offshore)
	if !upgraded(r, "staffing") {
		t.Error("the checklist does not say the agents' country came from an upgrade")
	}
	saved, err := draft.Marshal(tpl, offshore)
	if err != nil {
		t.Fatal(err)
	}
	again, err := draft.Unmarshal(tpl, saved)
	if err != nil || !slices.Equal(again.ToConfirm, offshore.ToConfirm) {
		t.Errorf("the fields to confirm do not survive saving: %v, %v", again.ToConfirm, err)
	}
	again.Confirm(tpl, "scope")
	if slices.Contains(again.ToConfirm, "delivery_country") || !slices.Contains(again.ToConfirm, "liability_cap_floor") {
		t.Errorf("confirming Scope should clear only its fields: %v", again.ToConfirm)
	}
	if upgraded(check.ForDraft(tpl, again), "staffing") {
		t.Error("a confirmed group still says its answer came from an upgrade")
	}
	for _, d := range []draft.Draft{us, offshore} {
		for _, g := range []string{"parties", "scope", "general", "confidentiality"} {
			if slices.Contains(d.Reviewed, g) {
				t.Errorf("%s gained answers to confirm but is still marked reviewed", g)
			}
		}
		if !slices.Contains(d.Reviewed, "pricing") {
			t.Errorf("pricing gained nothing visible, yet lost its review: %v", d.Reviewed)
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
	// …and no field added since version 1 is answered for the user, but
	// where the draft's own words say it (the Customer's country, and so
	// no Californian callers for a business outside the US).
	for _, g := range l.Template().Groups {
		for _, f := range g.Fields {
			if f.Since >= 2 && a.Has(f.ID) && f.ID != "customer_country" && f.ID != "california_consumers" {
				t.Errorf("%s (added in version %d) was answered on migration: %+v", f.ID, f.Since, a[f.ID])
			}
		}
	}
	if rows := a["sla_metrics"].Rows; len(rows) == 0 || rows[0]["severe"] != "" {
		t.Errorf("service level rows gained a severe-miss level nobody agreed: %v", rows)
	}
}

// upgraded reports whether the checklist element id is marked as added by
// an upgrade.
func upgraded(r check.Report, id string) bool {
	for _, g := range r.Groups {
		for _, e := range g.Elements {
			if e.ID == id && e.Upgraded {
				return true
			}
		}
	}
	return false
}
