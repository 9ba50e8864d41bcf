package usecase_test

import (
	"strings"
	"testing"
	"time"

	"pactwright/app/credits"
	"pactwright/app/draft"
	"pactwright/app/library"
	"pactwright/app/money"
	"pactwright/app/template"
	"pactwright/app/usecase"
)

// march is a month at 82% answered within the answer time, every other
// measure met, on charges of £42,000.00.
func monthAt82(period string) credits.Month {
	m := credits.Month{Period: period, Charges: money.MustParse("42000.00"), Figures: map[string]money.Decimal{}}
	for id, v := range map[string]string{"service_level": "82", "asa": "28", "abandonment": "4.5", "fcr": "76",
		"resolution_time": "40", "qa_score": "90", "csat": "88", "email_response": "20"} {
		m.Figures[id] = money.MustParse(v)
	}
	return m
}

// serviceLevel is how the month's service level line was judged.
func serviceLevel(t *testing.T, c usecase.Credited) credits.Line {
	t.Helper()
	for _, l := range c.Result.Last().Lines {
		if l.ID == "service_level" {
			return l
		}
	}
	t.Fatal("no service level line")
	return credits.Line{}
}

// TestCreditsOnTheTermsInForce: signed at 80%, then an amendment to 85%
// is prepared. A month at 82% is met against the signed 80% while the
// amendment is unsigned, and while it is signed but not yet in force; in
// the months after it takes effect, the same 82% misses 85%.
func TestCreditsOnTheTermsInForce(t *testing.T) {
	h := newHarness(t)
	id, err := h.svc.Library.Create(draft.Example(template.CallCentre()))
	if err != nil {
		t.Fatal(err)
	}
	never, err := h.svc.Credits(id, []credits.Month{monthAt82("2027-03")}, time.Now())
	if err != nil || never.Terms.Agreed || never.Terms.Basis != usecase.NotAgreed {
		t.Fatalf("a draft never signed: %+v, %v", never.Terms, err)
	}
	h.export(id, usecase.Agreement, "agreement.pdf")
	if _, err := h.svc.MarkSigned(id, nil); err != nil {
		t.Fatal(err)
	}
	h.edit(id, raiseServiceLevel) // the amendment being negotiated: 85%

	judge := func(period string) usecase.Credited {
		t.Helper()
		c, err := h.svc.Credits(id, []credits.Month{monthAt82(period)}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	unsigned := judge("2027-03")
	if l := serviceLevel(t, unsigned); !l.Met || l.Credit.Sign() != 0 || !unsigned.Terms.Agreed {
		t.Errorf("82%% against the signed 80%% with an unsigned amendment: met %v, credit %s, terms %q", l.Met, l.Credit, unsigned.Terms.Basis)
	}

	if _, err := h.svc.Amend(id, library.AmendmentTerms{Effective: "2027-06-01"}); err != nil {
		t.Fatal(err)
	}
	h.export(id, usecase.Amendment, "amendment-1.pdf")
	if _, err := h.svc.MarkSigned(id, nil); err != nil {
		t.Fatal(err)
	}
	before := judge("2027-05")
	if l := serviceLevel(t, before); !l.Met || !strings.Contains(before.Terms.Basis, "Amendment No. 1 is signed but not in force until 1 June 2027") {
		t.Errorf("May, before the amendment takes effect: met %v, terms %q", l.Met, before.Terms.Basis)
	}
	after := judge("2027-07")
	if l := serviceLevel(t, after); l.Met || l.Credit.String() != "2100.00" ||
		after.Terms.Basis != "the signed agreement as amended by Amendment No. 1 (in force from 1 June 2027)" {
		t.Errorf("July, amendment in force: met %v, credit %s, terms %q", l.Met, l.Credit, after.Terms.Basis)
	}
}
