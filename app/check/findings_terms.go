package check

import (
	"strconv"
	"strings"

	"pactwright/app/answers"
	"pactwright/app/money"
)

// Rules about whether the remedies and the exit actually work: a credit
// regime that can never bite, or dates for the return of data that
// disagree between a clause and a schedule.

// slaRows are the service level rows, read only when the table applies.
func (v view) slaRows() []answers.Row {
	if !v.visible("sla_metrics") {
		return nil
	}
	return v.value("sla_metrics").Rows
}

// creditTotal adds up the credits of every row: the most a month can cost
// the provider before the cap applies. ok is false while a credit is invalid.
func creditTotal(rows []answers.Row) (money.Decimal, bool) {
	total := money.FromInt(0)
	for _, r := range rows {
		c, err := money.Parse(strings.TrimSuffix(r["credit"], "%"))
		if err != nil {
			return money.Decimal{}, false
		}
		total = total.Add(c)
	}
	return total, true
}

func creditsReachCap(v view) []Finding {
	if !v.is("service_credits", answers.Yes) {
		return nil
	}
	total, ok := creditTotal(v.slaRows())
	limit, ok2 := v.decimal("credit_cap")
	if !ok || !ok2 {
		return nil
	}
	var out []Finding
	if total.Cmp(limit) < 0 {
		out = append(out, one(Medium, "sla_metrics", "Even if every target is missed, the credits add up to %s%% of a month's fees, below the %s%% cap: raise the credits of the measures that matter most, or the cap means nothing.", total, limit)...)
	}
	if share, ok := v.decimal("chronic_credit_share"); ok {
		most := limit
		if total.Cmp(most) < 0 {
			most = total
		}
		if share.Cmp(most) > 0 {
			out = append(out, one(High, "chronic_credit_share", "Chronic failure needs credits of %s%% of the charges, but a month can never cost the provider more than %s%%: that test can never be met. Set it below %s%%.", share, most, most)...)
		}
	}
	return out
}

func criticalWithoutCredit(v view) []Finding {
	if !v.is("service_credits", answers.Yes) {
		return nil
	}
	for i, r := range v.slaRows() {
		if strings.TrimSpace(r["severe"]) == "" { // only a measure with a severe-miss level is critical
			continue
		}
		if c, err := money.Parse(strings.TrimSuffix(r["credit"], "%")); err == nil && c.Sign() == 0 {
			return one(Medium, "sla_metrics", "Row %d is marked critical but earns no credit when missed: give it a credit, or the provider loses nothing until it becomes a chronic failure.", i+1)
		}
	}
	return nil
}

// handback is one row of the hand-back schedule with a valid number of days.
type handback struct {
	item string
	days int64
}

func (v view) handbacks() []handback {
	if !v.visible("exit_items") {
		return nil
	}
	var out []handback
	for _, r := range v.value("exit_items").Rows {
		if n, err := strconv.ParseInt(strings.TrimSpace(r["days"]), 10, 64); err == nil {
			out = append(out, handback{r["item"], n})
		}
	}
	return out
}

func exitDatesAgree(v view) []Finding {
	var out []Finding
	returnDays, returnSet := v.number("data_return_days")
	exitDays, exitSet := v.days("exit_period")
	for _, h := range v.handbacks() {
		isData := strings.Contains(strings.ToLower(h.item), "data")
		switch {
		case returnSet && isData && h.days > returnDays:
			out = append(out, one(Medium, "exit_items", "The hand-back schedule gives %d days for %q, but the data protection clause says %s: make the schedule no later than the clause, or the two will be argued over at the worst moment.", h.days, h.item, v.display("data_return_days"))...)
		case exitSet && h.days > exitDays:
			out = append(out, one(Medium, "exit_items", "%q is due %d days after the move to the new provider (or the end), but exit assistance lasts only %s: the provider's help may end before the hand-back is due.", h.item, h.days, v.display("exit_period"))...)
		}
	}
	if returnSet && exitSet && returnDays > exitDays {
		out = append(out, one(Medium, "data_return_days", "Personal data may be returned up to %s after the end, after exit assistance (%s) has finished: ask for it back within the exit period.", v.display("data_return_days"), v.display("exit_period"))...)
	}
	return out
}
