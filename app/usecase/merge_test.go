package usecase_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"pactwright/app/answers"
	"pactwright/app/draft"
	"pactwright/app/library"
	"pactwright/app/library/pgtest"
	"pactwright/app/template"
	"pactwright/app/usecase"
)

// eachLibrary runs fn once per backend with a location for a new library.
func eachLibrary(t *testing.T, fn func(t *testing.T, loc string)) {
	for name, loc := range map[string]func(t *testing.T) string{
		"sqlite":   func(t *testing.T) string { return filepath.Join(t.TempDir(), "library.db") },
		"postgres": func(t *testing.T) string { return pgtest.Location(t) },
	} {
		t.Run(name, func(t *testing.T) { fn(t, loc(t)) })
	}
}

func openAs(t *testing.T, loc, author string) *library.Library {
	t.Helper()
	l, err := library.Open(loc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	l.SetAuthor(author)
	return l
}

func with(d draft.Draft, kv ...string) draft.Draft {
	d = d.Clone()
	d.Answers = d.Answers.Clone()
	for i := 0; i < len(kv); i += 2 {
		d.Answers[kv[i]] = answers.Value{Text: kv[i+1]}
	}
	return d
}

// conflict: Ann and Bob open the same draft; Ann saves a new customer name
// and contact; Bob, from what he opened, saves a new customer name and
// provider name, loses the race, and his answers become a conflict copy.
func conflict(t *testing.T, loc string) (ann, bob *library.Library, id int64, c *library.ConflictError) {
	t.Helper()
	ann, bob = openAs(t, loc, "Ann Owner"), openAs(t, loc, "Bob Ops")
	id, err := ann.Create(draft.Example(template.CallCentre()))
	if err != nil {
		t.Fatal(err)
	}
	opened, err := bob.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ann.SaveWorking(id, with(opened.Content, "customer_name", "Ann's Customer Ltd", "customer_contact_name", "Ann Owner"), opened.Version, &opened.Content); err != nil {
		t.Fatal(err)
	}
	_, err = bob.SaveWorking(id, with(opened.Content, "customer_name", "Bob's Customer Ltd", "provider_name", "Bob's Provider Ltd"), opened.Version, &opened.Content)
	if !errors.As(err, &c) || c.CopyID == 0 {
		t.Fatalf("Bob's save: %v, want a conflict copy", err)
	}
	return ann, bob, id, c
}

// TestMergeFieldByField: the merge lists each answer that differs with
// both values and who changed it, suggests Bob's answer where only he
// changed it, and saves the chosen answers over Ann's as a new revision,
// leaving the conflict copy in place.
func TestMergeFieldByField(t *testing.T) {
	eachLibrary(t, func(t *testing.T, loc string) {
		_, bob, id, c := conflict(t, loc)
		svc := &usecase.Service{Library: bob}
		m, err := svc.MergeConflict(id, c.CopyID, nil) // the opened answers come from the copy
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]usecase.MergeField{}
		for _, f := range m.Fields {
			got[f.Field] = f
		}
		if len(got) != 3 {
			t.Fatalf("fields that differ: %+v, want customer_name, provider_name, customer_contact_name", m.Fields)
		}
		for field, want := range map[string]usecase.MergeField{
			"customer_name":         {Theirs: "Ann's Customer Ltd", Mine: "Bob's Customer Ltd", ChangedBy: usecase.ChangedByBoth},
			"provider_name":         {Mine: "Bob's Provider Ltd", ChangedBy: usecase.ChangedByYou, TakeMine: true},
			"customer_contact_name": {Theirs: "Ann Owner", ChangedBy: usecase.ChangedByThem},
		} {
			f := got[field]
			if f.Theirs != want.Theirs && want.Theirs != "" || f.Mine != want.Mine && want.Mine != "" || f.ChangedBy != want.ChangedBy || f.TakeMine != want.TakeMine {
				t.Errorf("%s: %+v, want %+v", field, f, want)
			}
			if f.Label == "" || f.Group != "Parties & Term" {
				t.Errorf("%s is not named as the form names it: %+v", field, f)
			}
		}

		if _, err := svc.ApplyMerge(m, []string{"customer_nam"}); !errors.Is(err, usecase.ErrMergeField) || !strings.Contains(err.Error(), `"customer_nam"`) {
			t.Errorf("a misspelt field: %v", err)
		}
		done, err := svc.ApplyMerge(m, []string{"customer_name", "provider_name"})
		if err != nil {
			t.Fatal(err)
		}
		if s := done.String(); !strings.Contains(s, "your answers taken for Customer: legal name; Provider: legal name, theirs kept for 1 other field;") {
			t.Errorf("the merge says %q", s)
		}
		after, err := bob.Get(id)
		if err != nil {
			t.Fatal(err)
		}
		a := after.Content.Answers
		if a.Text("customer_name") != "Bob's Customer Ltd" || a.Text("provider_name") != "Bob's Provider Ltd" || a.Text("customer_contact_name") != "Ann Owner" {
			t.Errorf("merged answers: customer %q, provider %q, contact %q", a.Text("customer_name"), a.Text("provider_name"), a.Text("customer_contact_name"))
		}
		hist, err := bob.History(id)
		if err != nil {
			t.Fatal(err)
		}
		if len(hist) == 0 || hist[0].Author != "Bob Ops" || !strings.Contains(hist[0].Note, "merged with conflict copy") {
			t.Errorf("History does not show the merge: %+v", hist)
		}
		if _, err := bob.Get(c.CopyID); err != nil {
			t.Errorf("the conflict copy is gone: %v", err)
		}
		// The merge was made from a version that is no longer the newest.
		if _, err := svc.ApplyMerge(m, nil); !errors.Is(err, library.ErrConflict) {
			t.Errorf("merging onto a working copy that moved on: %v, want a conflict", err)
		}
	})
}
