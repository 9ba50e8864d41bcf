package credits

import (
	"errors"
	"fmt"
	"slices"

	"pactwright/app/money"
	"pactwright/app/template"
)

// Line is one measure in one month.
type Line struct {
	Measure
	Reported     bool          `json:"reported"`      // the month gives a figure for it
	Measured     money.Decimal `json:"measured"`      // the figure
	MeasuredText string        `json:"measured_text"` // the figure with its unit: "76%", "32 seconds"
	Met          bool          `json:"met"`
	SevereMiss   bool          `json:"severe_miss"`   // worse than the severe-miss level: a material breach
	Credit       money.Decimal `json:"credit_amount"` // the credit for this miss, before the cap
	// Critical measures only: the months it was missed in the chronic
	// window that ends this month, this month included.
	MissesInWindow int `json:"misses_in_window"`
}

// MonthResult is the calculation for one month.
type MonthResult struct {
	Period     string        `json:"period"`
	Charges    money.Decimal `json:"charges"`
	Lines      []Line        `json:"lines"`
	Credits    money.Decimal `json:"credits"`     // sum of the credits before the cap
	CapAmount  money.Decimal `json:"cap_amount"`  // the cap as money for this month
	Capped     bool          `json:"capped"`      // the cap reduced the credits
	Due        money.Decimal `json:"due"`         // credits after the cap
	EarnedBack money.Decimal `json:"earned_back"` // earlier months' credits the Provider earns back this month
	Payable    money.Decimal `json:"payable"`     // Due less EarnedBack: what this month's invoice is reduced by
	// The chronic-failure window that ends this month.
	WindowMonths   int           `json:"window_months"`   // months of figures in it
	WindowCredits  money.Decimal `json:"window_credits"`  // credits due in it
	WindowCharges  money.Decimal `json:"window_charges"`  // charges in it
	CreditShare    bool          `json:"credit_share"`    // credits in a full window reached the chronic share
	ChronicFailure []string      `json:"chronic_failure"` // why chronic failure occurred this month, in words
	MaterialBreach []string      `json:"material_breach"` // measures worse than their severe-miss level
	Unreported     []string      `json:"unreported"`      // measures the month gives no figure for
	// NotInAgreement names measures the month gives figures for that the
	// agreement does not have: they count for nothing, and say so.
	NotInAgreement []string `json:"not_in_agreement,omitempty"`
}

// Result is the calculation over every month given, oldest first; the last
// month is the one a statement is about.
type Result struct {
	Rules  Rules         `json:"rules"`
	Months []MonthResult `json:"months"`
}

// Last is the month a statement is about.
func (r Result) Last() MonthResult { return r.Months[len(r.Months)-1] }

// pennies: credits are money and are rounded to the penny (cent).
const pennies = 2

// Calculate applies the rules to the months, oldest first.
func Calculate(rules Rules, months []Month) (Result, error) {
	if len(months) == 0 {
		return Result{}, fmt.Errorf("no months of figures to calculate")
	}
	idx := make([]int, len(months))
	for i, m := range months {
		var err error
		if idx[i], err = m.index(i, len(months)); err != nil {
			return Result{}, err
		}
		if i > 0 && idx[i] <= idx[i-1] {
			return Result{}, fmt.Errorf("months must be given once each, in order (%s after %s)", m.Period, months[i-1].Period)
		}
	}
	for _, m := range months {
		if err := rules.checkFigures(m); err != nil {
			return Result{}, err
		}
	}
	res := Result{Rules: rules, Months: make([]MonthResult, len(months))}
	for i, m := range months {
		res.Months[i] = rules.month(m)
	}
	for i := range res.Months {
		if err := rules.chronic(res.Months, idx, i); err != nil {
			return Result{}, err
		}
		if rules.EarnBack && rules.Credits {
			rules.earnBack(res.Months, idx, i)
		}
		mr := &res.Months[i]
		mr.Payable = mr.Due.Sub(mr.EarnedBack)
	}
	return res, nil
}

// month judges each measure and applies the cap.
func (r Rules) month(m Month) MonthResult {
	out := MonthResult{Period: m.Period, Charges: m.Charges, Credits: zeroMoney, Due: zeroMoney, EarnedBack: zeroMoney}
	for _, ms := range r.Measures {
		l := Line{Measure: ms, Credit: zeroMoney}
		l.Measured, l.Reported = m.Figures[ms.ID]
		if !l.Reported {
			out.Unreported = append(out.Unreported, ms.Label)
			out.Lines = append(out.Lines, l)
			continue
		}
		l.MeasuredText = figureText(ms, l.Measured)
		l.Met = ms.Met(l.Measured)
		l.SevereMiss = ms.SevereMiss(l.Measured)
		if !l.Met && r.Credits {
			l.Credit = ms.Credit.PercentOf(m.Charges, pennies)
			out.Credits = out.Credits.Add(l.Credit)
		}
		if l.SevereMiss {
			out.MaterialBreach = append(out.MaterialBreach, ms.Label)
		}
		out.Lines = append(out.Lines, l)
	}
	for _, m := range metricsGiven(m) {
		if !slices.ContainsFunc(r.Measures, func(ms Measure) bool { return ms.ID == m.ID }) {
			out.NotInAgreement = append(out.NotInAgreement, m.Label)
		}
	}
	out.Due = out.Credits
	if r.Credits {
		out.CapAmount = r.Cap.PercentOf(m.Charges, pennies)
		if out.Credits.Cmp(out.CapAmount) > 0 {
			out.Due, out.Capped = out.CapAmount, true
		}
	}
	return out
}

// chronic works out the window that ends at month i: a critical measure
// missed in ChronicMonths of the window's months, or credits in a full
// window reaching ChronicShare of its charges.
func (r Rules) chronic(months []MonthResult, idx []int, i int) error {
	if !r.Credits {
		return nil
	}
	mr := &months[i]
	mr.WindowCredits, mr.WindowCharges = zeroMoney, zeroMoney
	first := i
	for j := i; j >= 0 && idx[i]-idx[j] < r.ChronicWindow; j-- {
		first = j
		mr.WindowMonths++
		var err1, err2 error
		mr.WindowCredits, err1 = mr.WindowCredits.AddChecked(months[j].Due)
		mr.WindowCharges, err2 = mr.WindowCharges.AddChecked(months[j].Charges)
		if err := errors.Join(err1, err2); err != nil {
			return fmt.Errorf("the charges of the %d months to %s are too large to add up: check the charges rows", mr.WindowMonths, monthName(mr.Period))
		}
	}
	for k := range mr.Lines {
		l := &mr.Lines[k]
		if !l.Critical {
			continue
		}
		for j := first; j <= i; j++ {
			if o := months[j].Lines[k]; o.Reported && !o.Met {
				l.MissesInWindow++
			}
		}
		if l.MissesInWindow >= r.ChronicMonths && l.Reported && !l.Met {
			mr.ChronicFailure = append(mr.ChronicFailure, fmt.Sprintf("%s missed in %d of the last %d months", l.Label, l.MissesInWindow, r.ChronicWindow))
		}
	}
	full := mr.WindowMonths == r.ChronicWindow
	if full && mr.WindowCredits.Cmp(r.ChronicShare.PercentOf(mr.WindowCharges, pennies)) >= 0 && mr.WindowCredits.Sign() > 0 {
		mr.CreditShare = true
		mr.ChronicFailure = append(mr.ChronicFailure, fmt.Sprintf("credits over the last %d months (%s) reached %s%% of the charges for them", r.ChronicWindow, mr.WindowCredits.Grouped(pennies), r.ChronicShare))
	}
	return nil
}

// earnBack returns to the Provider, in month i, the credit a measure earned
// in month i-EarnBackMonths when it has been met in each month since. Only
// what was actually credited (after the cap) can be earned back.
func (r Rules) earnBack(months []MonthResult, idx []int, i int) {
	from := i - EarnBackMonths
	if from < 0 || idx[i]-idx[from] != EarnBackMonths {
		return // the three following months are not all given
	}
	left := months[from].Due
	for k, l := range months[from].Lines {
		if l.Credit.Sign() == 0 || left.Sign() == 0 {
			continue
		}
		metSince := true
		for j := from + 1; j <= i; j++ {
			if o := months[j].Lines[k]; !o.Reported || !o.Met {
				metSince = false
			}
		}
		if metSince {
			back := money.Min(l.Credit, left)
			left = left.Sub(back)
			months[i].EarnedBack = months[i].EarnedBack.Add(back)
		}
	}
}

var zeroMoney = money.MustParse("0.00")

// figureText writes a measured figure with its unit: "76%", "32 seconds".
func figureText(m Measure, v money.Decimal) string {
	if m.Unit == "percent" {
		return template.Percentage(v.String())
	}
	return template.Quantity(v.String(), m.Unit)
}

// maxCharges is the most one month's charges may be: far beyond any call
// centre contract, and small enough that no window's total can overflow.
var maxCharges = money.MustParse("1000000000.00")

// checkFigures refuses figures the agreement's measures cannot have: a
// percentage over 100, and charges beyond any real month's.
func (r Rules) checkFigures(m Month) error {
	if err := checkCharges(m.Period, m.Charges); err != nil {
		return err
	}
	for _, ms := range r.Measures {
		v, ok := m.Figures[ms.ID]
		if ok && ms.Unit == "percent" && v.Cmp(hundred) > 0 {
			return FigureError(fmt.Sprintf("%s: %s is %s%%, but a percentage cannot be over 100", monthName(m.Period), ms.Label, v))
		}
	}
	return nil
}

// checkCharges refuses charges beyond any real month's.
func checkCharges(period string, charges money.Decimal) error {
	if charges.Cmp(maxCharges) > 0 {
		return FigureError(fmt.Sprintf("%s: charges of %s are more than %s a month, beyond any real agreement; check the charges row", monthName(period), charges.Grouped(pennies), maxCharges.Grouped(pennies)))
	}
	return nil
}

// FigureError is a figure the agreement cannot have, such as a
// percentage over 100: the month is refused rather than judged.
type FigureError string

func (e FigureError) Error() string { return string(e) }

var hundred = money.MustParse("100")

// monthName names a period in a message.
func monthName(period string) string {
	if period == "" {
		return "the month"
	}
	return period
}

// metricsGiven lists the template's measures a month gives figures for,
// in the template's order.
func metricsGiven(m Month) []template.Metric {
	var out []template.Metric
	for _, mt := range template.Metrics() {
		if _, ok := m.Figures[mt.ID]; ok {
			out = append(out, mt)
		}
	}
	return out
}
