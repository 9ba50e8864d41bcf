package check

import (
	"fmt"
	"slices"
	"strings"

	"pactwright/app/answers"
	"pactwright/app/money"
	"pactwright/app/template"
)

// Rules about what the money terms are worth in practice: a set-up fee
// out of proportion to the service, an unlimited promise that outruns
// the insurance behind it, an exclusion that bites one side only, and
// extras priced in a unit the main price does not count.

// timesChecked is d × n exactly, or false when the product does not fit:
// a figure that wrapped round would read as a real amount.
func timesChecked(d money.Decimal, n int64) (money.Decimal, bool) {
	total, step := money.FromInt(0), d
	var err error
	for n > 0 {
		if n&1 == 1 {
			if total, err = total.AddChecked(step); err != nil {
				return money.Decimal{}, false
			}
		}
		if n >>= 1; n > 0 {
			if step, err = step.AddChecked(step); err != nil {
				return money.Decimal{}, false
			}
		}
	}
	return total, true
}

// monthlyCharges is what one month costs, with its currency, when the
// answers fix it exactly: a fixed monthly fee, or a rate per full-time
// agent per month times the agents. Other prices depend on hours or
// volumes nobody knows yet; atLeast then gives the fixed part of a hybrid
// price, which a month never costs less than, and exact is false.
func (v view) monthlyCharges(atLeast bool) (amount money.Decimal, currency string, exact bool) {
	rate, ok := v.decimal("rate")
	if !ok {
		return money.Decimal{}, "", false
	}
	currency = v.value("rate").Unit
	switch v.text("pricing_model") {
	case "fixed_monthly":
		return rate, currency, true
	case "per_fte_month":
		if agents, ok := v.number("agents"); ok {
			if total, ok := timesChecked(rate, agents); ok {
				return total, currency, true
			}
		}
	case "hybrid":
		if fee, ok := v.decimal("fixed_fee"); ok && atLeast {
			return fee, v.value("fixed_fee").Unit, false
		}
	}
	return money.Decimal{}, "", false
}

// setupFeeAboveAMonth: for a small customer, a set-up fee larger than a
// month's charges is paid up front and lost if the service ends early.
// Only an exact monthly figure is compared: an estimate would make the
// finding come and go with guesses about hours.
func setupFeeAboveAMonth(v view) []Finding {
	fee, ok := v.decimal("setup_fee")
	month, currency, exact := v.monthlyCharges(false)
	if !ok || !exact || v.value("setup_fee").Unit != currency || fee.Cmp(month) <= 0 {
		return nil
	}
	return one(Medium, "setup_fee", "The one-off set-up fee (%s) is more than a whole month's charges (%s) for a service this small, and is paid up front whether or not the service lasts: ask for it to be spread over the first months' invoices, or refunded in part if the agreement ends in its first year.",
		v.display("setup_fee"), template.Amount(month.String(), currency))
}

// uncappedIndemnities: an indemnity without a limit is worth what the
// Provider can pay, and that is its insurance plus its balance sheet. The
// data protection limit is compared at its least (the fixed amount, or
// the charges where they are known exactly), so the finding never rests
// on a guess about volumes.
func uncappedIndemnities(v view) []Finding {
	if !v.visible("uncapped") || !v.includes("uncapped", "indemnities") {
		return nil
	}
	var out []Finding
	if limit, currency, ok := v.leastDataProtectionLimit(); ok {
		var short []string
		field := ""
		for _, id := range []string{"insurance_cyber", "insurance_professional"} {
			amount, ok := v.decimal(id)
			if !ok || v.value(id).Unit != currency || amount.Cmp(limit) >= 0 {
				continue
			}
			f, _ := v.t.Field(id)
			short = append(short, fmt.Sprintf("%s (%s)", strings.ToLower(f.Label), v.display(id)))
			if field == "" {
				field = id
			}
		}
		if len(short) > 0 {
			out = append(out, one(Medium, field, "Payments under the indemnities are never limited, but the Provider's %s %s less than the data protection limit would be (at least %s): beyond its insurance, an unlimited promise is only as good as the Provider's balance sheet. Ask for cover of at least the data protection limit, or take the indemnities out of \"Never limited\" so that the indemnity limit applies.",
				template.JoinAnd(short), plural(len(short), "is", "are"), template.Amount(limit.String(), currency))...)
		}
	}
	if v.visible("indemnity_cap") && v.has("indemnity_cap") {
		out = append(out, one(Low, "indemnity_cap", "\"Indemnity payments count against\" is answered (%s), but has no effect: \"Never limited\" includes payments under the indemnities. Take them out of \"Never limited\" if you meant that limit to apply.",
			strings.ToLower(v.display("indemnity_cap")))...)
	}
	return out
}

// leastDataProtectionLimit is the smallest the data protection limit can
// be: its multiple of the general limit, which is never less than the
// fixed amount, nor than the charges over the cap's months when a month's
// charges are known (or known not to fall below a fixed fee).
func (v view) leastDataProtectionLimit() (money.Decimal, string, bool) {
	general, ok := v.decimal("liability_cap_floor")
	multiple, ok2 := v.number("data_breach_cap_multiple")
	if !ok || !ok2 {
		return money.Decimal{}, "", false
	}
	currency := v.value("liability_cap_floor").Unit
	if month, cur, _ := v.monthlyCharges(true); cur == currency {
		if months, ok := v.number("liability_cap_months"); ok {
			if charges, ok := timesChecked(month, months); ok && charges.Cmp(general) > 0 {
				general = charges
			}
		}
	}
	limit, ok := timesChecked(general, multiple)
	return limit, currency, ok
}

// lossOfProfitBothWays: the exclusion is mutual in words only. The
// Customer's loss from a failed service is mostly lost sales (refunds to
// upset callers the clause itself makes direct losses); the Provider's is
// its Charges, which no exclusion or limit touches.
func lossOfProfitBothWays(v view) []Finding {
	if !v.is("exclude_indirect", answers.Yes) {
		return nil
	}
	recoverable := []string{"the extra cost of replacing the Provider", "refunds and compensation you give callers because of the Provider's breach"}
	if v.is("personal_data", answers.Yes) {
		recoverable = append(recoverable, "the costs of a data breach")
	}
	recoverable = append(recoverable, "money taken by its staff's dishonesty")
	return one(Low, "exclude_indirect", "Loss of profit is excluded for both parties, but it does not weigh the same on both sides: your main loss when the service fails, the sales you lose, is lost profit or revenue and cannot be claimed, while the Provider's main claim, its Charges, is never excluded or limited. You can still claim %s. If a failed service would cost you mostly in lost sales, agree in \"Additional terms\" that lost profit caused by the Provider's breach is recoverable up to the general limit.", template.JoinAnd(recoverable))
}

// notCountedInHours are the prices under which agent hours are neither
// counted nor invoiced, so an extra charged per agent hour has no measure.
var notCountedInHours = []string{"per_contact", "hybrid", "per_minute", "fixed_monthly"}

// extrasPerAgentHour: an extra charged per agent hour, "on top of the main
// rate", needs a main rate per agent hour to attach to.
func extrasPerAgentHour(v view) []Finding {
	if !v.visible("pricing_model") || !slices.Contains(notCountedInHours, v.text("pricing_model")) || !v.visible("additional_services") {
		return nil
	}
	var rows []string
	onTop := false
	for i, r := range v.value("additional_services").Rows {
		basis := strings.ToLower(r["basis"])
		if !strings.Contains(basis, "agent hour") && !strings.Contains(basis, "per hour") {
			continue
		}
		rows = append(rows, fmt.Sprintf("row %d (%q)", i+1, strings.TrimSpace(r["service"])))
		onTop = onTop || strings.Contains(basis, "on top") || strings.Contains(basis, "main rate")
	}
	if len(rows) == 0 {
		return nil
	}
	f, _ := v.t.Field("pricing_model")
	problem := "agent hours are neither counted nor invoiced under that price, so nobody can check the hours billed"
	if onTop {
		problem = "\"on top of the main rate\" has no agent-hour rate to be added to, and agent hours are neither counted nor invoiced under that price"
	}
	return one(Medium, "additional_services", "The main price is %s, but the price list charges %s per agent hour: %s. Price these extras the way the main price is charged (for example \"per contact handled in that language, on top of the main rate\"), or as a fixed amount a month.",
		f.Phrase(v.value("pricing_model"), " and "), template.JoinAnd(rows), problem)
}
