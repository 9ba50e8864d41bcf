package cli

import (
	"encoding/json"
	"testing"
)

func TestMarketCommand(t *testing.T) {
	h := newHarness(t)
	file := h.path("d.json")
	h.ok("example", "-o", file)
	replaceIn(t, file, `"payment_days": "30"`, `"payment_days": "60"`)
	out := h.ok("market", file)
	mustContain(t, "market", out,
		"The whole agreement: ", "leans towards the Customer",
		"Pricing & Payment: 3 typical, 1 favour the Customer, 0 favour the Provider: leans towards the Customer.",
		"  ! Days to pay an invoice: 60 days favours the Customer (typical: 30 to 45 days)",
		"    Most credits in one month: 10% is typical (10% to 15%)")
	var r struct {
		Total struct {
			Customer int `json:"favours_customer"`
		} `json:"total"`
	}
	if err := json.Unmarshal([]byte(h.ok("market", "--json", file)), &r); err != nil || r.Total.Customer != 1 {
		t.Errorf("JSON total %+v, %v", r.Total, err)
	}
}
