package forms

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"pactwright/app/check"
)

func TestBlankAgreementOffersSuggestionsToAccept(t *testing.T) {
	h := newHarness(t)
	e := h.openBlank()

	rate := e.field("rate")
	if e.d.Answers.Has("rate") {
		t.Fatalf("a blank agreement starts with a rate: %+v", e.d.Answers["rate"])
	}
	if rate.suggested == nil || !rate.suggested.box.Visible() {
		t.Fatal("the empty rate shows no suggestion")
	}
	pricing := e.groupIndex("pricing")
	if got := e.tabItems[pricing].Text; strings.HasSuffix(got, "✓") || strings.HasSuffix(got, "?") {
		t.Fatalf("pricing with no rate is labelled %q", got)
	}
	test.Tap(rate.suggested.use)
	if got := e.d.Answers["rate"]; got.Text != "24.50" || got.Unit != "GBP" {
		t.Fatalf("accepting the suggestion set the rate to %+v", got)
	}
	if rate.suggested.box.Visible() {
		t.Fatal("the suggestion still shows once accepted")
	}
	if !check.Suggested(e.t, e.d.Answers, "rate") {
		t.Fatal("an accepted suggestion is not known as the suggested value")
	}

	// A table suggestion fills every suggested row.
	sla := e.field("sla_metrics")
	test.Tap(sla.suggested.use)
	if n := len(e.d.Answers["sla_metrics"].Rows); n == 0 || n != len(sla.table.rows) {
		t.Fatalf("the service level table has %d rows after accepting, the form shows %d", n, len(sla.table.rows))
	}
}

func TestConfirmedGroupsSurviveReopening(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	id := e.id
	pricing := e.groupIndex("pricing")
	e.buildTab(pricing)
	bar := e.reviewBars[pricing]
	if !strings.HasPrefix(bar.toggle.Text, "Confirm") {
		t.Fatalf("the review button of an unconfirmed group says %q", bar.toggle.Text)
	}
	test.Tap(bar.toggle)
	if got := e.tabItems[pricing].Text; !strings.HasSuffix(got, "✓") {
		t.Fatalf("pricing after confirming is labelled %q", got)
	}
	if bar.toggle.Text != "Mark as not reviewed" {
		t.Fatalf("the button of a confirmed group says %q", bar.toggle.Text)
	}
	h.showBrowser()
	sd, err := h.store.Get(id)
	if err != nil || !slices.Equal(sd.Content.Reviewed, []string{"pricing"}) {
		t.Fatalf("stored reviewed groups %q, %v", sd.Content.Reviewed, err)
	}
	if err := h.ui.OpenDraft(id); err != nil {
		t.Fatal(err)
	}
	h.waitFor("the editor", func() bool { return h.ui.editor != nil })
	if got := h.ui.editor.tabItems[pricing].Text; !strings.HasSuffix(got, "✓") {
		t.Fatalf("pricing after reopening is labelled %q", got)
	}
}

func TestExampleIsMarkedUntilItsPartiesChange(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	if !e.example.Visible() || !strings.Contains(e.example.Text, "worked example") {
		t.Fatal("the example is not marked as the example")
	}
	e.entry(t, "customer_name").SetText("Acme Retail Ltd")
	e.entry(t, "provider_name").SetText("Helpful Calls Ltd")
	if e.example.Visible() {
		t.Fatal("a draft with its own parties is still marked as the example")
	}
}
