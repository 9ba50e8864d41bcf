package library

import (
	"testing"
)

// TestAuthorsRecorded: in a library two people share, each revision,
// export, signing and deletion says who did it.
func TestAuthorsRecorded(t *testing.T) {
	eachBackend(t, func(t *testing.T, be backend) {
		ann, bob, id := annAndBob(t, be)
		if _, err := ann.SaveRevision(id, "first look"); err != nil {
			t.Fatal(err)
		}
		if _, err := bob.RecordExport(id, "contract.pdf", fakePDF("export")); err != nil {
			t.Fatal(err)
		}
		signed, err := ann.MarkSigned(id)
		if err != nil {
			t.Fatal(err)
		}
		if signed.Author != "Ann Owner" {
			t.Errorf("MarkSigned returned author %q", signed.Author)
		}
		hist, err := bob.History(id)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{KindSave: "Ann Owner", KindExport: "Bob Ops", KindSigned: "Ann Owner"}
		for _, r := range hist {
			if r.Author != want[r.Kind] {
				t.Errorf("revision %d (%s) by %q, want %q", r.Number, r.Kind, r.Author, want[r.Kind])
			}
		}
		if len(hist) != 3 {
			t.Fatalf("history %+v", hist)
		}

		if err := bob.Delete(id); err != nil {
			t.Fatal(err)
		}
		// Deleting again keeps who deleted it first.
		if err := ann.Delete(id); err != nil {
			t.Fatal(err)
		}
		trash, err := ann.Trash()
		if err != nil {
			t.Fatal(err)
		}
		if len(trash) != 1 || trash[0].DeletedBy != "Bob Ops" || trash[0].Deleted == nil {
			t.Fatalf("trash %+v", trash)
		}
		if d := mustGet(t, ann, id); d.DeletedBy != "Bob Ops" || d.Deleted == nil {
			t.Errorf("Get of a deleted draft: deleted %v by %q", d.Deleted, d.DeletedBy)
		}
		if err := ann.Undelete(id); err != nil {
			t.Fatal(err)
		}
		if d := mustGet(t, ann, id); d.DeletedBy != "" || d.Deleted != nil {
			t.Errorf("restored draft still deleted %v by %q", d.Deleted, d.DeletedBy)
		}
	})
}

func TestDefaultAuthor(t *testing.T) {
	t.Setenv(EnvAuthor, " Cleo Adviser ")
	if got := DefaultAuthor(); got != "Cleo Adviser" {
		t.Errorf("DefaultAuthor with %s set: %q", EnvAuthor, got)
	}
	t.Setenv(EnvAuthor, "")
	if got := DefaultAuthor(); got == "" {
		t.Error("DefaultAuthor without a name set is empty: the OS user should be used")
	}
	l, _ := openOn(t, backends[0])
	if l.Author() != DefaultAuthor() {
		t.Errorf("a new handle records changes as %q, want %q", l.Author(), DefaultAuthor())
	}
	l.SetAuthor("")
	if l.Author() != DefaultAuthor() {
		t.Errorf("SetAuthor(\"\") gave %q", l.Author())
	}
}
