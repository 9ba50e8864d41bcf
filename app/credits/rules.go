// Package credits is the service-credit calculator: from a draft's own
// Schedule 1 and service levels clause, and one or more months of measured
// performance, it works out which targets were met, the credits after the
// cap and any earn-back, and the running chronic-failure and
// material-breach position.
//
// The rules are read from the answers through the same template functions
// the schedule prints with (template.Metric.Bound, template.Figure), so the
// calculator and the contract cannot disagree; a test composes every
// measure in every unit and compares.
package credits

import (
	"fmt"
	"strconv"
	"strings"

	"pactwright/app/answers"
	"pactwright/app/money"
	"pactwright/app/template"
)

// Measure is one row of Schedule 1 as the calculator applies it.
type Measure struct {
	ID         string        `json:"id"`
	Label      string        `json:"label"`
	Unit       string        `json:"unit"`
	Window     string        `json:"window"`         // "monthly" or "quarterly"
	Target     money.Decimal `json:"target"`         // the level to meet
	Maximum    bool          `json:"maximum"`        // the target is a ceiling: Schedule 1 says "at most"
	Credit     money.Decimal `json:"credit_percent"` // % of the period's charges when missed
	Critical   bool          `json:"critical"`       // has a severe-miss level
	Severe     money.Decimal `json:"severe_level"`   // critical only: worse than this is a material breach
	TargetText string        `json:"target_text"`    // as Schedule 1 prints it: "at least 80% within 20 seconds"
	SevereText string        `json:"severe_text"`    // "60% within 20 seconds"; "" when not critical
}

// Rules is everything the agreement says about credits.
type Rules struct {
	Measures      []Measure     `json:"measures"`
	Credits       bool          `json:"credits"`        // service credits apply at all
	Cap           money.Decimal `json:"cap"`            // most credits in a month, % of that month's charges
	ChronicMonths int           `json:"chronic_months"` // a critical target missed in this many months…
	ChronicWindow int           `json:"chronic_window"` // …of any this many consecutive months
	ChronicShare  money.Decimal `json:"chronic_share"`  // or credits over the window reach this % of its charges
	EarnBack      bool          `json:"earn_back"`      // a credit is earned back by meeting the target in each of the next EarnBackMonths months
	Currency      string        `json:"currency"`
	// Clauses maps the clause keys the statement quotes to the numbers the
	// agreement prints ("service_levels.service_credits" → "clause 3.5").
	Clauses map[string]string `json:"clauses"`
}

// Parties names the agreement a statement is about.
type Parties struct {
	Title, Customer, Provider, DocumentID string
}

// EarnBackMonths is the "following three months" of the earn-back sentence
// in assets/clauses/service_levels.tmpl.
const EarnBackMonths = 3

// Clause keys the statement quotes.
const (
	KeySchedule       = "schedule.service_levels"
	KeyServiceCredits = "service_levels.service_credits"
	KeyChronic        = "service_levels.chronic_failure"
	KeySevere         = "service_levels.severe_failure"
	KeyRelief         = "service_levels.relief_events"
)

// Clause is the number the agreement gives key, or a plain description
// when the draft leaves that clause out.
func (r Rules) Clause(key string) string {
	if n := r.Clauses[key]; n != "" {
		return n
	}
	return "the service levels clause"
}

// FromAnswers reads the rules from a draft's answers. An error names the
// field (and row) that cannot be applied, in the words the form uses.
func FromAnswers(a answers.Answers, clauses map[string]string) (Rules, error) {
	r := Rules{Credits: a.Text("service_credits") == answers.Yes, EarnBack: a.Text("earn_back") == answers.Yes,
		Currency: a["rate"].Unit, Clauses: clauses}
	answerTime := template.Quantity(a.Text("answer_time_seconds"), "seconds")
	var errs []string
	for i, row := range a["sla_metrics"].Rows {
		if row.IsBlank() {
			continue
		}
		m, err := measure(row, answerTime)
		if err != nil {
			errs = append(errs, fmt.Sprintf("Service level targets, row %d: %v", i+1, err))
			continue
		}
		r.Measures = append(r.Measures, m)
	}
	if len(r.Measures) == 0 && len(errs) == 0 {
		errs = append(errs, "Service level targets: the agreement has no measures, so there is nothing to calculate")
	}
	if r.Credits {
		var err error
		if r.Cap, err = percentField(a, "credit_cap", "Most credits in one month"); err != nil {
			errs = append(errs, err.Error())
		}
		if r.ChronicShare, err = percentField(a, "chronic_credit_share", "Chronic failure: credits over that window reach"); err != nil {
			errs = append(errs, err.Error())
		}
		if r.ChronicMonths, err = wholeField(a, "chronic_months", "Chronic failure: months a critical target is missed"); err != nil {
			errs = append(errs, err.Error())
		}
		if r.ChronicWindow, err = wholeField(a, "chronic_window", "Chronic failure: out of any"); err != nil {
			errs = append(errs, err.Error())
		}
	}
	if len(errs) > 0 {
		return Rules{}, fmt.Errorf("the agreement cannot be applied yet: %s", strings.Join(errs, "; "))
	}
	return r, nil
}

func measure(row answers.Row, answerTime string) (Measure, error) {
	def, ok := template.MetricByID(row["metric"])
	if !ok {
		return Measure{}, fmt.Errorf("choose a measure (%q is not one)", row["metric"])
	}
	m := Measure{ID: def.ID, Label: def.Label, Unit: row["unit"], Window: row["window"], Maximum: def.LowerIsBetter()}
	var err error
	if m.Target, err = money.Parse(row["target"]); err != nil {
		return Measure{}, fmt.Errorf("%s: the target %q %v", def.Label, row["target"], err)
	}
	if m.Credit, err = money.Parse(row["credit"]); err != nil {
		return Measure{}, fmt.Errorf("%s: the credit %q %v", def.Label, row["credit"], err)
	}
	m.TargetText = def.Bound() + " " + template.Figure(m.ID, m.Unit, row["target"], answerTime)
	if s := strings.TrimSpace(row["severe"]); s != "" {
		if m.Severe, err = money.Parse(s); err != nil {
			return Measure{}, fmt.Errorf("%s: the severe-miss level %q %v", def.Label, s, err)
		}
		m.Critical = true
		m.SevereText = template.Figure(m.ID, m.Unit, s, answerTime)
	}
	return m, nil
}

func percentField(a answers.Answers, id, label string) (money.Decimal, error) {
	d, err := money.Parse(a.Text(id))
	if err != nil {
		return money.Decimal{}, fmt.Errorf("%s %v", label, err)
	}
	return d, nil
}

func wholeField(a answers.Answers, id, label string) (int, error) {
	n, err := strconv.Atoi(a.Text(id))
	if err != nil || n < 1 {
		return 0, fmt.Errorf("%s must be a whole number of months, 1 or more (it is %q)", label, a.Text(id))
	}
	return n, nil
}

// Met reports whether a measured figure meets the target as Schedule 1
// states it: at most the target for a ceiling, at least for a floor.
func (m Measure) Met(measured money.Decimal) bool {
	if m.Maximum {
		return measured.Cmp(m.Target) <= 0
	}
	return measured.Cmp(m.Target) >= 0
}

// SevereMiss reports whether a figure is worse than the severe-miss level.
func (m Measure) SevereMiss(measured money.Decimal) bool {
	if !m.Critical {
		return false
	}
	if m.Maximum {
		return measured.Cmp(m.Severe) > 0
	}
	return measured.Cmp(m.Severe) < 0
}
