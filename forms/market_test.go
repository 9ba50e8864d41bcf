package forms

import (
	"strings"
	"testing"
)

func TestMarketLinesFollowTheAnswers(t *testing.T) {
	h := newHarness(t)
	e := h.openExample()
	e.jump("payment_days")
	badge := e.market.fields["payment_days"]
	if badge == nil || badge.Text != "Market: 30 days is typical (30 to 45 days)" || !badge.Visible() {
		t.Fatalf("payment days badge %+v", badge)
	}
	e.entry(t, "payment_days").SetText("60")
	if want := "Market: 60 days favours the Customer (typical: 30 to 45 days)"; badge.Text != want {
		t.Errorf("after typing 60: %q, want %q", badge.Text, want)
	}
	summary := e.market.groups["pricing"].Text
	if !strings.Contains(summary, "this group: 3 typical, 1 favour the Customer, 0 favour the Provider: leans towards the Customer") ||
		!strings.Contains(summary, "The whole agreement: ") {
		t.Errorf("pricing summary %q", summary)
	}
	e.entry(t, "payment_days").SetText("")
	if badge.Visible() {
		t.Errorf("a blank answer still shows %q", badge.Text)
	}
	e.jump("sla_metrics")
	if sla := e.market.fields["sla_metrics"].Text; !strings.Contains(sla, "Market: Calls answered within the answer time: at least 80% within 20 seconds is typical (70% to 95%)") {
		t.Errorf("service level lines %q", sla)
	}
}
