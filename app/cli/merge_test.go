package cli

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"pactwright/app/answers"
	"pactwright/app/library"
)

// TestMergeCommand: after Bob's save lost the race to Ann's, `merge`
// lists the fields that differ with both answers and who changed each,
// changes nothing until --apply, and then saves Ann's answers with Bob's
// where only he changed them, plus what --mine names, as a new revision.
func TestMergeCommand(t *testing.T) {
	h := newHarness(t)
	h.ok("new", "--example")
	ann, err := library.Open(h.lib)
	if err != nil {
		t.Fatal(err)
	}
	defer ann.Close()
	ann.SetAuthor("Ann Owner")
	opened, err := ann.Get(1)
	if err != nil {
		t.Fatal(err)
	}
	set := func(kv ...string) {
		t.Helper()
		d := opened.Content.Clone()
		d.Answers = d.Answers.Clone()
		for i := 0; i < len(kv); i += 2 {
			d.Answers[kv[i]] = answers.Value{Text: kv[i+1]}
		}
		_, err := ann.SaveWorking(1, d, opened.Version, &opened.Content)
		var c *library.ConflictError
		if err != nil && (!errors.As(err, &c) || c.CopyID != 2) {
			t.Fatalf("save: %v", err)
		}
	}
	set("customer_name", "Ann's Customer Ltd", "customer_contact_name", "Ann Owner")
	set("customer_name", "Bob's Customer Ltd", "provider_name", "Bob's Provider Ltd") // conflict copy: draft 2

	out := h.ok("merge", "1", "2")
	mustContain(t, "merge", out,
		"differ in 3 field(s)",
		"customer_name: Customer: legal name (Parties & Term; changed by both of you)\n  theirs: Ann's Customer Ltd\n  yours:  Bob's Customer Ltd\n  takes:  theirs",
		"provider_name: Provider: legal name (Parties & Term; changed by you)",
		"yours:  Bob's Provider Ltd\n  takes:  yours",
		"customer_contact_name: Customer: contact for notices (Parties & Term; changed by them)",
		"Nothing was changed. Add --apply")
	if before := h.ok("show", "1"); strings.Contains(before, "Bob's") {
		t.Fatalf("listing the merge changed the draft:\n%s", before)
	}

	_, errs, code := h.run("merge", "1", "2", "--mine", "customer_nam", "--apply")
	if code != exitUsage || !strings.Contains(errs, `field "customer_nam": no answer of that field differs`) {
		t.Errorf("a misspelt field: exit %d, %q", code, errs)
	}

	mustContain(t, "merge --apply", h.ok("merge", "1", "2", "--mine", "customer_name", "--apply"),
		"merged draft 1 as revision 1: your answers taken for Customer: legal name; Provider: legal name, theirs kept for 1 other field; your conflict copy, draft 2, is unchanged")
	show := h.ok("show", "1")
	mustContain(t, "show", show, "Bob's Customer Ltd", "Bob's Provider Ltd", "Ann Owner")
	mustContain(t, "history", h.ok("history", "1"), "merged with conflict copy 2")
	mustContain(t, "the copy", h.ok("show", "2"), fmt.Sprintf("%s (conflict copy", opened.Title))
}
