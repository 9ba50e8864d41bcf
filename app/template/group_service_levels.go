package template

import "pactwright/app/answers"

// Metric is a service level measure with its usual target and the range seen
// in real agreements. A target outside [Low, High] deserves a warning.
// Measured and Excludes say how the figure is worked out; Schedule 1 prints
// them for every measure in the table, so no measure is left undefined.
type Metric struct {
	ID       string
	Label    string
	Unit     string // unit column value
	Target   string // typical target, the default
	Credit   string // default service credit, % of monthly fees
	Low      string // lowest sensible target
	High     string // highest sensible target
	Default  bool   // included in a new agreement
	Severe   string // severe-miss level that makes the measure critical in a new agreement ("" = standard)
	Measured string // how the figure is calculated
	Excludes string // what is left out of it ("" when nothing is)
	// OperatingHours: a time measured in hours counts only the hours of
	// operation, so Schedule 1 says "24 hours of operation", which a
	// reader cannot take for a day on the clock.
	OperatingHours bool
}

// Metrics lists the service level measures the SLA table offers.
func Metrics() []Metric {
	return []Metric{
		{ID: "service_level", Label: "Calls answered within the answer time", Unit: "percent", Target: "80", Credit: "5", Low: "70", High: "95", Default: true, Severe: "60",
			Measured: "calls answered by an agent within the answer time, as a share of all calls that reach the queue for an agent",
			Excludes: "calls abandoned within the short-abandon time"},
		{ID: "asa", Label: "Average speed of answer", Unit: "seconds", Target: "30", Credit: "2", Low: "10", High: "60", Default: true,
			Measured: "the total time answered callers waited for an agent, divided by the number of answered calls",
			Excludes: "time spent in the automated menu before the answer clock starts"},
		{ID: "abandonment", Label: "Abandoned calls", Unit: "percent", Target: "5", Credit: "4", Low: "2", High: "10", Default: true, Severe: "15",
			Measured: "calls ended by the caller before an agent answered, as a share of all calls that reach the queue for an agent",
			Excludes: "calls ended within the short-abandon time"},
		{ID: "blocked", Label: "Blocked calls (busy signal)", Unit: "percent", Target: "1", Credit: "1", Low: "0", High: "3",
			Measured: "call attempts refused with a busy signal because every line was in use, as a share of all call attempts",
			Excludes: "faults in the Customer's systems or a public telephone network"},
		{ID: "hold_time", Label: "Average hold time", Unit: "minutes", Target: "2", Credit: "1", Low: "0", High: "3",
			Measured: "the average time callers spend on hold after an agent has answered"},
		{ID: "fcr", Label: "First contact resolution", Unit: "percent", Target: "75", Credit: "1", Low: "60", High: "95", Default: true,
			Measured: "contacts after which the same customer does not contact the Customer again about the same matter within seven days, as a share of all contacts",
			Excludes: "contacts that need a decision or action by the Customer"},
		{ID: "resolution_time", Label: "Cases resolved within", Unit: "hours", Target: "48", Credit: "1", Low: "4", High: "120", Default: true,
			Measured: "the time within which 95% of the cases opened in the period were closed as resolved, counted from when each case was opened and only during the hours of operation",
			Excludes: "time spent waiting for the Customer or for the customer concerned to reply", OperatingHours: true},
		{ID: "aht", Label: "Average handle time (for information)", Unit: "minutes", Target: "6", Credit: "0", Low: "3", High: "10",
			Measured: "the average of talk time, hold time and follow-up work per contact; it is reported for information and never earns a credit"},
		{ID: "qa_score", Label: "Quality assurance score", Unit: "percent", Target: "85", Credit: "1", Low: "80", High: "99", Default: true,
			Measured: "the average score of the contacts scored under the quality assurance process"},
		{ID: "csat", Label: "Customer satisfaction", Unit: "percent", Target: "85", Credit: "1", Low: "75", High: "100", Default: true,
			Measured: "the share of customers answering the survey sent after a contact who rate the service 4 or 5 out of 5",
			Excludes: "answers that are only about the Customer's products, prices or policies"},
		{ID: "email_response", Label: "Email answered within", Unit: "hours", Target: "24", Credit: "1", Low: "1", High: "48", Default: true,
			Measured: "the time within which 95% of the emails received in the period had a first reply that deals with them, counted from when each email arrived and only during the hours of operation",
			Excludes: "automatic acknowledgements, which do not count as replies", OperatingHours: true},
		{ID: "callback", Label: "Voicemail or callback within", Unit: "business days", Target: "2", Credit: "0", Low: "0", High: "2",
			Measured: "the time within which 95% of the voicemails and callback requests received in the period were called back, counted from when each was received"},
		{ID: "availability", Label: "Platform availability", Unit: "percent", Target: "99", Credit: "1", Low: "98", High: "100",
			Measured: "the share of the hours of operation in which the Provider's telephone and contact platform works",
			Excludes: "maintenance agreed with the Customer in advance"},
	}
}

// MetricByID finds a measure; ok is false for an id the table does not offer.
func MetricByID(id string) (Metric, bool) {
	for _, m := range Metrics() {
		if m.ID == id {
			return m, true
		}
	}
	return Metric{}, false
}

// LowerIsBetter reports whether a metric's target is a ceiling (time, rate
// of failures) rather than a floor.
func (m Metric) LowerIsBetter() bool {
	switch m.ID {
	case "asa", "abandonment", "blocked", "hold_time", "aht", "email_response", "callback", "resolution_time":
		return true
	}
	return false
}

func metricOptions() []Option {
	var opts []Option
	for _, m := range Metrics() {
		opts = append(opts, opt(m.ID, m.Label))
	}
	return opts
}

func defaultMetricRows() []answers.Row {
	var rows []answers.Row
	for _, m := range Metrics() {
		if m.Default {
			row := answers.Row{"metric": m.ID, "target": m.Target, "unit": m.Unit, "window": "monthly", "credit": m.Credit}
			if m.Severe != "" {
				row["severe"] = m.Severe
			}
			rows = append(rows, row)
		}
	}
	return rows
}

func metricUnits() []Option {
	return []Option{opt("percent", "%"), opt("seconds", "seconds"), opt("minutes", "minutes"), opt("hours", "hours"), opt("business days", "business days")}
}

func periods() []Option {
	return []Option{opt("monthly", "Monthly"), opt("quarterly", "Quarterly")}
}

func serviceLevels() Group {
	return Group{
		ID:    "service_levels",
		Name:  "Service Levels",
		Intro: "The measurable standards the provider must meet, how they are measured, and what happens when they are missed.",
		Fields: []Field{
			table("sla_metrics", "Service level targets", []Column{
				col("metric", "Measure", Choice, 3.2).choices(metricOptions()),
				col("target", "Target", Decimal, 1).unitFrom("unit"),
				col("unit", "Unit", Choice, 1.3).choices(metricUnits()),
				col("window", "Measured", Choice, 1.2).choices(periods()),
				col("credit", "Credit if missed (% of monthly fees)", Percent, 1.6),
				col("severe", "Critical: severe miss (material breach)", Decimal, 1.5).unitFrom("unit").optional().help("Fill in for a critical measure: a month worse than this level is a material breach, and repeated misses count as chronic failure. Leave blank for a standard measure."),
			}, "One row per measure. The target is the standard to meet in each measurement period; the credit is the share of that month's fees the provider gives back when it misses. Make the measures that matter most critical by giving them a severe-miss level: missing one of them repeatedly counts as chronic failure, and a month worse than that level is a material breach (a breach serious enough to end the agreement). The defaults are typical of real call centre agreements.").required().minRows(1).defRows(defaultMetricRows()...),
			number("answer_time_seconds", "Answer time for the service level", "seconds", 5, 600,
				"The service level counts calls answered within this many seconds. \"80% in 20 seconds\" is the industry's classic standard.").required().def("20"),
			choice("answer_clock_start", "When the answer clock starts", []Option{
				opt("queue_entry", "When the call joins the queue, after the phone menu"),
				opt("call_arrival", "As soon as the call arrives"),
			}, "Starting the clock after the phone menu is normal, because time spent choosing options is not waiting for an agent.").required().def("queue_entry"),
			number("short_abandon_seconds", "Ignore calls abandoned within", "seconds", 0, 60,
				"Callers who hang up within a few seconds usually dialled by mistake; they are left out of the abandonment figures.").required().def("5"),
			choice("measurement_interval", "Data collected", []Option{
				opt("half_hourly", "Every half hour"), opt("hourly", "Every hour"),
			}, "How finely the phone system records the figures. Half-hourly data shows whether busy periods are properly staffed.").required().def("half_hourly"),
			choice("compliance_period", "Targets judged", periods(),
				"The period over which each target must be met. Monthly is usual and matches the invoice.").required().def("monthly"),
			number("report_due_days", "Monthly report due within", "business days", 1, 30,
				"The provider sends a service level report (as a spreadsheet, with the top reasons for contact) within this many business days after each month.").required().def("5"),
			number("qa_calls_per_agent", "Calls scored per agent each month", "calls", 1, 100,
				"Quality checks: how many of each agent's contacts are listened to and scored on an agreed form every month. Four is the norm.").required().def("4"),
			choice("qa_calibration", "Joint scoring sessions", []Option{
				opt("monthly", "Monthly"), opt("quarterly", "Quarterly"), opt("none", "None"),
			}, "Sessions where both sides score the same calls, to keep the scoring fair.").required().def("monthly"),
			yesNo("service_credits", "Service credits for missed targets",
				"Service credits reduce the invoice when targets are missed. Without them, a missed target costs the provider nothing.").required().defYes(),
			percent("credit_cap", "Most credits in one month",
				"The most the provider can lose in credits in one month, as a share of that month's fees. 10% is common; 5% to 20% is seen.").required().def("10").when("service_credits", "yes").market("10", "15", Customer),
			number("chronic_months", "Chronic failure: months a critical target is missed", "months", 1, 12,
				"If the provider misses the same critical target this many times within the window below, you may end the agreement.").required().def("3").when("service_credits", "yes"),
			number("chronic_window", "Chronic failure: out of any", "consecutive months", 1, 24,
				"The rolling window for counting bad months, for example 3 of any 6 consecutive months.").required().def("6").when("service_credits", "yes"),
			percent("chronic_credit_share", "Chronic failure: credits over that window reach",
				"Chronic failure also occurs when the service credits over the window add up to this share of the charges for those months, however they were earned. Keep it below the monthly cap, or it can never happen.").required().def("5").when("service_credits", "yes").since(2),
			percent("volume_relief_margin", "Volume above forecast that excuses missed targets",
				"If actual contacts exceed your forecast by more than this, the provider cannot fairly be expected to meet the targets for that period.").required().def("10"),
			multiChoice("relief_events", "Other events that excuse missed targets", []Option{
				opt("customer_systems", "Outages of the Customer's own systems"),
				opt("force_majeure", "Force majeure events"),
				opt("customer_late", "Late instructions or changes from the Customer"),
			}, "Situations outside the provider's control during which targets do not count.").required().defItems("customer_systems", "force_majeure"),
			yesNo("earn_back", "Credits can be earned back",
				"Optional: lets the provider recover a credit by beating the target for the next few months. It softens the incentive; many customers say no.").defNo(),
			choice("sla_remedy", "Remedy for missed service levels", []Option{
				opt("credits_sole_unless_cap", "Credits only, unless the cap is hit or a miss repeats"),
				opt("credits_sole", "Service credits only, always"),
				opt("credits_plus_damages", "Service credits, plus damages for any further loss"),
			}, "Whether service credits are the only money you can claim for missed targets. \"Unless the cap is reached\" keeps your right to claim damages for serious or repeated failures.").required().def("credits_sole_unless_cap").when("service_credits", "yes"),
		},
		Elements: []Element{
			element("metrics", "Service level schedule", "sla_metrics", "answer_time_seconds"),
			element("measurement", "Measurement rules", "answer_clock_start", "short_abandon_seconds", "measurement_interval", "compliance_period"),
			element("reporting", "Reporting", "report_due_days"),
			element("quality", "Quality assurance", "qa_calls_per_agent", "qa_calibration"),
			element("credits", "Service credits", "service_credits", "credit_cap", "earn_back"),
			element("remedy", "Remedy for missed service levels", "sla_remedy").when("service_credits", "yes"),
			element("chronic", "Chronic failure", "chronic_months", "chronic_window", "chronic_credit_share").when("service_credits", "yes"),
			element("relief", "Relief events", "volume_relief_margin", "relief_events"),
		},
	}
}
