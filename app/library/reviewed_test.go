package library

import (
	"slices"
	"testing"
)

// The groups a user confirmed are part of the working copy: they survive
// autosave, reopening the library and a saved version.
func TestReviewedGroupsAreKept(t *testing.T) {
	eachBackend(t, func(t *testing.T, be backend) {
		l, path := openOn(t, be)
		d := example(t)
		id, err := l.Create(d)
		if err != nil {
			t.Fatal(err)
		}
		got, err := l.Get(id)
		if err != nil {
			t.Fatal(err)
		}
		d.Reviewed = []string{"parties", "pricing"}
		if _, err := l.Autosave(id, d, got.Version); err != nil {
			t.Fatal(err)
		}
		if _, err := l.SaveRevision(id, "reviewed two groups"); err != nil {
			t.Fatal(err)
		}
		l.Close()
		again, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer again.Close()
		got, err = again.Get(id)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got.Content.Reviewed, d.Reviewed) {
			t.Fatalf("reviewed after reopening = %q, want %q", got.Content.Reviewed, d.Reviewed)
		}
		rev, err := again.RevisionContent(id, 1)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(rev.Reviewed, d.Reviewed) {
			t.Fatalf("the saved version holds reviewed %q, want %q", rev.Reviewed, d.Reviewed)
		}
	})
}
