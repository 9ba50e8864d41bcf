package adapt

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"pactwright/app/answers"
	"pactwright/app/draft"
	"pactwright/app/library"
	"pactwright/app/template"
	"pactwright/forms"
)

// TestAutosaveConflictKeepsACopy: when a colleague saved first, the
// window's save is refused as a conflict and its answers are kept as a
// conflict copy, which the message names.
func TestAutosaveConflictKeepsACopy(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	mine, err := library.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer mine.Close()
	theirs, err := library.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer theirs.Close()
	theirs.SetAuthor("Bob Ops")
	id, err := mine.Create(draft.Example(template.CallCentre()))
	if err != nil {
		t.Fatal(err)
	}
	d, err := mine.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	answersWith := func(name string) draft.Draft {
		c := d.Content
		c.Answers = c.Answers.Clone()
		c.Answers["customer_name"] = answers.Value{Text: name}
		return c
	}
	if _, err := theirs.Autosave(id, answersWith("Theirs Ltd"), d.Version); err != nil {
		t.Fatal(err)
	}
	_, err = Store{L: mine}.Autosave(id, answersWith("Mine Ltd"), d.Version, &d.Content)
	var c *forms.Conflict
	if !errors.Is(err, forms.ErrConflict) || !errors.As(err, &c) || c.CopyID == 0 {
		t.Fatalf("stale save from the window: %v", err)
	}
	if c.By != "Bob Ops" || c.At.IsZero() || !strings.Contains(c.CopyTitle, "conflict copy") {
		t.Errorf("the window is not told who saved, when, and where the answers went: %+v", c)
	}
	if kept, err := mine.Get(c.CopyID); err != nil || kept.Customer != "Mine Ltd" {
		t.Errorf("conflict copy %+v, %v", kept.Summary, err)
	}
}
