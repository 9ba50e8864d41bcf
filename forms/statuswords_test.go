package forms

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"pactwright/app/draft"
)

// The drafts list says what happened to each draft in words: a draft,
// sent for signature once exported, signed once marked so, and an
// amendment in progress once a signed agreement is changed.
func TestDraftsListSaysWhatHappened(t *testing.T) {
	h := newHarness(t)
	id, err := h.store.Create(draft.Example(h.ui.t))
	if err != nil {
		t.Fatal(err)
	}
	row := func() string {
		h.showBrowser()
		return describe(h.ui.browser.items[0])
	}
	if got := row(); !strings.Contains(got, " · draft · ") {
		t.Fatalf("a new draft reads %q", got)
	}
	sd, _ := h.store.Get(id)
	if _, err := h.store.RecordExport(id, sd.Version, "/tmp/x.pdf", []byte("%PDF-1.7")); err != nil {
		t.Fatal(err)
	}
	if got := row(); !strings.Contains(got, " · sent for signature · ") || strings.Contains(got, "final") {
		t.Fatalf("an exported draft reads %q", got)
	}
	if _, err := h.store.MarkSigned(id, nil); err != nil {
		t.Fatal(err)
	}
	if got := row(); !strings.Contains(got, " · signed · ") {
		t.Fatalf("a signed draft reads %q", got)
	}
	amended := h.ui.browser.items[0]
	amended.Status = "amendment"
	if got := describe(amended); !strings.Contains(got, " · amendment in progress · ") {
		t.Fatalf("a signed agreement being changed reads %q", got)
	}
}

// A new agreement is named after its parties once the user names them,
// in the window's title and the drafts list, instead of every one being
// "New agreement"; a name the user chose stays.
func TestNewDraftIsNamedAfterItsParties(t *testing.T) {
	h := newHarness(t)
	e := h.openBlank()
	if e.d.Title != placeholderTitle {
		t.Fatalf("a blank agreement is called %q", e.d.Title)
	}
	e.buildTab(e.groupOf("customer_name"))
	test.Type(e.field("customer_name").focus.(*formEntry), "Brightside Ltd")
	if got := h.ui.win.Title(); got != "Pactwright — Brightside Ltd" {
		t.Fatalf("with the customer named the window reads %q", got)
	}
	test.Type(e.field("provider_name").focus.(*formEntry), "Northpoint Ltd")
	if got := h.ui.win.Title(); got != "Pactwright — Brightside Ltd and Northpoint Ltd" {
		t.Fatalf("with both parties named the window reads %q", got)
	}
	h.showBrowser()
	if got := h.ui.browser.items[0].Title; got != "Brightside Ltd and Northpoint Ltd" {
		t.Fatalf("the drafts list names it %q", got)
	}

	e = h.openBlank()
	e.d.Title = "Pilot for the spring sale"
	e.buildTab(e.groupOf("customer_name"))
	test.Type(e.field("customer_name").focus.(*formEntry), "Acme Ltd")
	if e.d.Title != "Pilot for the spring sale" {
		t.Fatalf("naming a party renamed the user's %q to %q", "Pilot for the spring sale", e.d.Title)
	}
}
