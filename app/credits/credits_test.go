package credits

import (
	"errors"
	"strings"
	"testing"

	"pactwright/app/answers"
	"pactwright/app/money"
	"pactwright/app/template"
)

// agreementAnswers is the template's defaults: the service levels a new
// agreement starts with (service level 80% with 5% credit and severe 60%,
// abandonment 5% with 4% credit and severe 15%, ASA 30 s with 2%, and five
// 1% measures), a 10% cap, chronic failure at 3 of any 6 months or 5% of
// the charges.
func agreementAnswers(t testing.TB, set map[string]string) answers.Answers {
	t.Helper()
	a := template.CallCentre().Defaults()
	a["rate"] = answers.Value{Text: "24.50", Unit: "GBP"}
	for k, v := range set {
		a[k] = answers.Value{Text: v}
	}
	return a
}

func rules(t testing.TB, set map[string]string) Rules {
	t.Helper()
	r, err := FromAnswers(agreementAnswers(t, set), map[string]string{KeyServiceCredits: "clause 3.5", KeyChronic: "clause 3.6"})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// allMet is a month in which every default measure meets its target.
func allMet(period string) Month {
	return month(period, "42000.00", map[string]string{
		"service_level": "82", "asa": "28", "abandonment": "4.5", "fcr": "76",
		"resolution_time": "40", "qa_score": "90", "csat": "88", "email_response": "20",
	})
}

func month(period, charges string, figures map[string]string) Month {
	m := Month{Period: period, Charges: money.MustParse(charges), Figures: map[string]money.Decimal{}, charged: true}
	for k, v := range figures {
		m.Figures[k] = money.MustParse(v)
	}
	return m
}

// with returns m with some figures replaced.
func with(m Month, figures map[string]string) Month {
	out := month(m.Period, m.Charges.String(), nil)
	for k, v := range m.Figures {
		out.Figures[k] = v
	}
	for k, v := range figures {
		out.Figures[k] = money.MustParse(v)
	}
	return out
}

func calc(t *testing.T, r Rules, months ...Month) Result {
	t.Helper()
	res, err := Calculate(r, months)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestEveryTargetMetGivesNoCredit(t *testing.T) {
	m := calc(t, rules(t, nil), allMet("2027-03")).Last()
	if m.Credits.Sign() != 0 || m.Payable.Sign() != 0 || m.Capped {
		t.Errorf("credits %s, payable %s, capped %v; want nothing", m.Credits, m.Payable, m.Capped)
	}
	for _, l := range m.Lines {
		if !l.Met {
			t.Errorf("%s judged missed at %s against %s", l.Label, l.MeasuredText, l.TargetText)
		}
	}
	if len(m.ChronicFailure)+len(m.MaterialBreach)+len(m.Unreported) > 0 {
		t.Errorf("chronic %v, breach %v, unreported %v", m.ChronicFailure, m.MaterialBreach, m.Unreported)
	}
}

func TestTargetExactlyMetIsMet(t *testing.T) {
	m := calc(t, rules(t, nil), with(allMet(""), map[string]string{"service_level": "80", "asa": "30", "abandonment": "5"})).Last()
	if m.Credits.Sign() != 0 {
		t.Errorf("a figure equal to its target earned %s", m.Credits)
	}
}

func TestMissesGiveTheHandCalculatedCredits(t *testing.T) {
	// 76% answered in time (target at least 80%, credit 5%) and 6% abandoned
	// (target at most 5%, credit 4%): 5% and 4% of £42,000.00.
	m := calc(t, rules(t, nil), with(allMet("2027-03"), map[string]string{"service_level": "76", "abandonment": "6"})).Last()
	want := map[string]string{"service_level": "2100.00", "abandonment": "1680.00"}
	for _, l := range m.Lines {
		if w, ok := want[l.ID]; ok {
			if l.Met || l.Credit.String() != w {
				t.Errorf("%s: met %v, credit %s; want missed, %s", l.Label, l.Met, l.Credit, w)
			}
		} else if !l.Met || l.Credit.Sign() != 0 {
			t.Errorf("%s: met %v, credit %s", l.Label, l.Met, l.Credit)
		}
	}
	if m.Credits.String() != "3780.00" || m.Due.String() != "3780.00" || m.Capped || m.CapAmount.String() != "4200.00" {
		t.Errorf("credits %s due %s cap %s capped %v; want 3780.00 uncapped under 4200.00", m.Credits, m.Due, m.CapAmount, m.Capped)
	}
}

func TestCreditsAreCapped(t *testing.T) {
	// 5% + 4% + 2% + 1% = 12% of £42,000.00 = £5,040.00, capped at 10%: £4,200.00.
	m := calc(t, rules(t, nil), with(allMet(""), map[string]string{"service_level": "70", "abandonment": "7", "asa": "45", "csat": "80"})).Last()
	if m.Credits.String() != "5040.00" || !m.Capped || m.Due.String() != "4200.00" || m.Payable.String() != "4200.00" {
		t.Errorf("credits %s capped %v due %s payable %s; want 5040.00 capped to 4200.00", m.Credits, m.Capped, m.Due, m.Payable)
	}
}

func TestNoServiceCreditsMeansNoMoney(t *testing.T) {
	m := calc(t, rules(t, map[string]string{"service_credits": "no"}), with(allMet(""), map[string]string{"service_level": "50"})).Last()
	if m.Credits.Sign() != 0 || m.Payable.Sign() != 0 {
		t.Errorf("credits %s without service credits", m.Credits)
	}
	if len(m.MaterialBreach) != 1 {
		t.Errorf("50%% against a severe level of 60%% should still be a material breach: %v", m.MaterialBreach)
	}
}

func TestSevereMissIsMaterialBreach(t *testing.T) {
	m := calc(t, rules(t, nil), with(allMet(""), map[string]string{"service_level": "59.9", "abandonment": "15"})).Last()
	if len(m.MaterialBreach) != 1 || m.MaterialBreach[0] != "Calls answered within the answer time" {
		t.Errorf("material breach %v; want only the service level (abandonment at exactly 15%% is not worse than 15%%)", m.MaterialBreach)
	}
}

// series builds consecutive months from 2027-01 with the service level
// missed (70%) in the months listed (1-based).
func series(n int, missed ...int) []Month {
	var out []Month
	for i := 1; i <= n; i++ {
		m := allMet("2027-" + twoDigits(i))
		for _, k := range missed {
			if k == i {
				m = with(m, map[string]string{"service_level": "70"})
			}
		}
		out = append(out, m)
	}
	return out
}

func twoDigits(i int) string { return string(rune('0'+i/10)) + string(rune('0'+i%10)) }

func TestChronicFailureWhenTheClauseSays(t *testing.T) {
	r := rules(t, map[string]string{"chronic_credit_share": "50"}) // only the count can trigger
	res := calc(t, r, series(6, 1, 3, 5)...)
	for i, m := range res.Months {
		got := len(m.ChronicFailure) > 0
		if want := i == 4; got != want {
			t.Errorf("month %s: chronic failure %v (%v); want it only in the third bad month, 2027-05", m.Period, got, m.ChronicFailure)
		}
	}
	// Misses in months 1, 4 and 7: no six consecutive months hold three.
	for _, m := range calc(t, r, series(7, 1, 4, 7)...).Months {
		if len(m.ChronicFailure) > 0 {
			t.Errorf("month %s: chronic failure %v with at most two misses in any six months", m.Period, m.ChronicFailure)
		}
	}
	// Months that are not given count as met: a gap does not stretch the window.
	gap := []Month{with(allMet("2027-01"), map[string]string{"service_level": "70"}), with(allMet("2027-04"), map[string]string{"service_level": "70"}), with(allMet("2027-07"), map[string]string{"service_level": "70"})}
	if m := calc(t, r, gap...).Last(); len(m.ChronicFailure) > 0 || m.Lines[0].MissesInWindow != 2 {
		t.Errorf("2027-01, -04 and -07 missed: chronic %v, misses in window %d; want none and 2", m.ChronicFailure, m.Lines[0].MissesInWindow)
	}
}

func TestChronicFailureByCreditShare(t *testing.T) {
	// 1% credit every month (CSAT missed): 1% over six months never reaches 5%…
	csat := func(n int) []Month {
		var out []Month
		for i := 1; i <= n; i++ {
			out = append(out, with(allMet("2027-"+twoDigits(i)), map[string]string{"csat": "80", "service_level": "70"}))
		}
		return out
	}
	// …but 6% (service level 5% + CSAT 1%) does, once six months are known.
	res := calc(t, rules(t, map[string]string{"chronic_months": "12", "chronic_window": "6"}), csat(6)...)
	for i, m := range res.Months {
		if m.CreditShare != (i == 5) {
			t.Errorf("month %s: credit-share chronic failure %v; want it only when the six-month window is full", m.Period, m.CreditShare)
		}
	}
	if m := res.Last(); m.WindowCredits.String() != "15120.00" || m.WindowCharges.String() != "252000.00" {
		t.Errorf("window credits %s of %s; want 15120.00 of 252000.00", m.WindowCredits, m.WindowCharges)
	}
}

func TestEarnBack(t *testing.T) {
	r := rules(t, map[string]string{"earn_back": "yes"})
	months := series(4, 1)
	res := calc(t, r, months...)
	if got := res.Months[3].EarnedBack.String(); got != "2100.00" {
		t.Errorf("earned back in month 4: %s; want the 2100.00 of month 1 after three good months", got)
	}
	if got := res.Months[3].Payable.String(); got != "-2100.00" {
		t.Errorf("payable %s", got)
	}
	if got := r.InvoiceEffect(res.Months[3]); got != "add £2,100.00 to the next invoice" {
		t.Errorf("invoice effect %q", got)
	}
	// Missed again in month 3: nothing is earned back.
	if got := calc(t, r, series(4, 1, 3)...).Months[3].EarnedBack; got.Sign() != 0 {
		t.Errorf("earned back %s although month 3 missed", got)
	}
	// Without earn-back in the agreement, nothing is.
	if got := calc(t, rules(t, nil), months...).Months[3].EarnedBack; got.Sign() != 0 {
		t.Errorf("earned back %s without earn-back", got)
	}
}

func TestReadCSV(t *testing.T) {
	in := "month,metric,value\n2027-02,charges,\"£41,000.00\"\n2027-02,Calls answered within the answer time,76%\n2027-01,charges,40000\n2027-01,asa,32 seconds\n"
	months, err := ReadCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(months) != 2 || months[0].Period != "2027-01" || months[1].Charges.String() != "41000.00" ||
		months[1].Figures["service_level"].String() != "76" || months[0].Figures["asa"].String() != "32" {
		t.Errorf("read %+v", months)
	}
	for _, c := range []struct{ in, want string }{
		{"", "empty"},
		{"metric\nasa", "the header must name the columns metric and value"},
		{"metric,value\ncharges,100\nspeed,3", `line 3: "speed" is not a measure`},
		{"metric,value\ncharges,100\nasa,fast", "asa: \"fast\" is not a number"},
		{"metric,value\ncharges,100\nasa,3\nasa,4", "gives asa twice"},
		{"metric,value\nasa,3", "has no charges row"},
		{"metric,value\ncharges,-5", "negative"},
		{"month,metric,value\n03/2027,charges,5", "is not a month written YYYY-MM"},
	} {
		_, err := ReadCSV(strings.NewReader(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ReadCSV(%q) = %v; want an error saying %q", c.in, err, c.want)
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add("month,metric,value\n2027-02,charges,41000\n2027-02,asa,30\n")
	f.Add("metric,value\ncharges,1\nservice_level,80%\n")
	// Hostile shapes: an unquoted thousands comma, a percentage over 100,
	// absurd charges, long cells, a broken quote.
	for _, seed := range []string{
		"metric,value\ncharges,42,000.00\n",
		"metric,value\ncharges,\"42,000.00\"\nservice_level,82%\n",
		"metric,value\ncharges,42000\nservice_level,182\n",
		"metric,value\ncharges,999999999999.99\n",
		"metric,value\n" + strings.Repeat("x", 300) + ",1\n",
		"metric,value\n\"unterminated\n",
		"\uFEFFMetric , Value\ncharges, £1 000.00\n",
	} {
		f.Add(seed)
	}
	r := rules(f, nil)
	f.Fuzz(func(t *testing.T, in string) {
		months, err := ReadCSV(strings.NewReader(in))
		if err != nil {
			if len(err.Error()) > 600 {
				t.Errorf("a message of %d characters", len(err.Error()))
			}
			return
		}
		var refused FigureError
		if _, err := Calculate(r, months); err != nil && !errors.As(err, &refused) {
			t.Fatalf("months that read cleanly fail to calculate: %v", err)
		}
	})
}

func BenchmarkCalculateMonth(b *testing.B) {
	r := rules(b, nil)
	m := with(allMet("2027-03"), map[string]string{"service_level": "76", "abandonment": "6"})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Calculate(r, []Month{m}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestSeveralMonthsNeedTheirMonths(t *testing.T) {
	r := rules(t, nil)
	for _, c := range []struct {
		months []Month
		want   string
	}{
		{[]Month{allMet("2027-01"), allMet("")}, "each needs its month (YYYY-MM)"},
		{[]Month{allMet("2027-01"), allMet("2027/02")}, `month "2027/02" is not written YYYY-MM`},
		{[]Month{allMet("2027-02"), allMet("2027-01")}, "once each, in order"},
	} {
		if _, err := Calculate(r, c.months); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("error %v, want %q", err, c.want)
		}
	}
	if _, err := Calculate(r, []Month{allMet("2027/02")}); err == nil {
		t.Error("a single month with a badly written month was accepted")
	}
}

// TestParseFigure: figures are read as people write them, and nothing is
// quietly cut short: "42 000.00" with a space for thousands is 42000, not 42.
func TestParseFigure(t *testing.T) {
	for in, want := range map[string]string{
		"76": "76", "76%": "76", "76 %": "76", "32 seconds": "32", "£42,000.00": "42000.00",
		"42 000.00": "42000.00", "42 000.00 GBP": "42000.00", " 6.5% ": "6.5",
	} {
		got, err := ParseFigure(in)
		if err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		if got.Cmp(money.MustParse(want)) != 0 {
			t.Errorf("%q read as %s, want %s", in, got, want)
		}
	}
	for _, in := range []string{"42 abc 7", "76 % extra 5", "twelve", ""} {
		if v, err := ParseFigure(in); err == nil {
			t.Errorf("%q accepted as %s", in, v)
		}
	}
}
