package compose

import (
	"pactwright/app/jurisdiction"
	"slices"
	"strings"

	"pactwright/app/answers"
	"pactwright/app/template"
	"pactwright/render"
)

// Schedule keys: wording refers to schedules by these, never by number.
const (
	scheduleServiceLevels = "schedule.service_levels"
	scheduleCharges       = "schedule.charges"
	scheduleExit          = "schedule.exit_plan"
	scheduleData          = "schedule.data_processing"
)

// scheduleSpec is one schedule: its key, heading, and how to lay it out.
type scheduleSpec struct {
	key, heading string
	build        func(formatter) render.Section
}

func allSchedules() []scheduleSpec {
	return []scheduleSpec{
		{scheduleServiceLevels, "Service Levels", serviceLevelSchedule},
		{scheduleCharges, "Charges", chargesSchedule},
		{scheduleExit, "Exit Plan", exitSchedule},
		{scheduleData, "Data Processing Particulars", dataSchedule},
	}
}

func scheduleKeys() []string {
	var keys []string
	for _, s := range allSchedules() {
		keys = append(keys, s.key)
	}
	return keys
}

// schedulesFor picks the schedules this draft has; their numbers follow.
func schedulesFor(f formatter) []scheduleSpec {
	var out []scheduleSpec
	for _, s := range allSchedules() {
		if s.key == scheduleData && f.text("personal_data") != answers.Yes {
			continue
		}
		out = append(out, s)
	}
	return out
}

// scheduleList names the schedules for the Structure clause:
// "Schedule 1 (Service Levels), Schedule 2 (Charges) and Schedule 3 (Exit Plan)".
func (f formatter) scheduleList() string {
	var names []string
	for _, s := range f.schedules {
		names = append(names, refPlaceholder(s.key)+" ("+s.heading+")")
	}
	return template.JoinAnd(names)
}

func intro(text string, blocks ...render.Block) render.Section {
	return render.Section{Blocks: append([]render.Block{{Kind: render.Paragraph, Text: text}}, blocks...)}
}

func table(cols []string, widths []float64, rows [][]string) render.Block {
	return render.Block{Kind: render.TableBlock, Table: &render.Table{Columns: cols, Widths: widths, Rows: rows}}
}

func serviceLevelSchedule(f formatter) render.Section {
	t := tableOf(f, "sla_metrics")
	field, _ := f.t.Field("sla_metrics")
	colIndex := map[string]int{}
	for i, c := range field.Columns {
		colIndex[c.ID] = i
	}
	// Read targets and severe-miss levels with their units, and the service
	// level with its answer time.
	withUnit := func(row answers.Row, value string) string {
		if strings.HasPrefix(value, MarkerPrefix) {
			return value
		}
		return template.Figure(row["metric"], row["unit"], value, f.value("answer_time_seconds"))
	}
	rows := nonBlankRows(f.a["sla_metrics"].Rows)
	for i, row := range rows {
		if i >= len(t.Rows) {
			break
		}
		cells := t.Rows[i]
		target := withUnit(row, cells[colIndex["target"]])
		if m, ok := template.MetricByID(row["metric"]); ok && target != "" && !strings.HasPrefix(target, MarkerPrefix) {
			target = m.Bound() + " " + target
		}
		cells[colIndex["target"]] = target
		// A measure is critical when it has a severe-miss level.
		if severe := &cells[colIndex["severe"]]; *severe == "" {
			*severe = "Not critical"
		} else {
			*severe = withUnit(row, *severe)
		}
	}
	// The unit now travels with the target, so drop the unit column; without
	// service credits the credit column would promise money that the
	// service levels clause says is not paid, so it goes too.
	period := "month"
	if f.text("compliance_period") == "quarterly" {
		period = "calendar quarter"
	}
	text := "The Provider will meet each target below in every measurement period. Each target says whether it is a minimum (at least) or a maximum (at most). A measure with a severe-miss level is critical: a " + period + " in which it is worse than that level is a material breach under " + refPlaceholder("service_levels.severe_failure") + "."
	drop := []int{colIndex["unit"]}
	if f.text("service_credits") == answers.Yes {
		text += " A critical measure also counts towards chronic failure under " + refPlaceholder("service_levels.chronic_failure") + "."
		text += " Credits are percentages of the Charges for the period and are subject to the cap in " + refPlaceholder("service_levels.service_credits") + "."
	} else {
		drop = append(drop, colIndex["credit"])
	}
	for _, col := range slices.Backward(slices.Sorted(slices.Values(drop))) {
		t = dropColumn(t, col)
	}
	t.Widths[1] = 1.9 // the target now carries its bound and unit ("at least 80% within 20 seconds")
	// The form says "fees"; the agreement's defined word is Charges.
	charges := "% of the month's Charges"
	if period != "month" {
		charges = "% of the quarter's Charges"
	}
	for i, c := range t.Columns {
		t.Columns[i] = strings.Replace(c, "% of monthly fees", charges, 1)
	}
	blocks := []render.Block{{Kind: render.TableBlock, Table: t}}
	// With no measures yet there is nothing to explain: a heading alone
	// would look like a gap in the agreement.
	if rules := measurementRules(rows); rules != "" {
		blocks = append(blocks,
			render.Block{Kind: render.Subheading, Text: "How each measure is worked out"},
			render.Block{Kind: render.Paragraph, Text: rules})
	}
	return intro(text, blocks...)
}

// measurementRules says how every measure in the table is calculated and
// what is left out of it, so that no target can be argued about later.
func measurementRules(rows []answers.Row) string {
	var lines []string
	seen := map[string]bool{}
	for _, row := range rows {
		m, ok := template.MetricByID(row["metric"])
		if !ok || seen[m.ID] {
			continue
		}
		seen[m.ID] = true
		line := m.Label + ": " + m.Measured + "."
		if m.Excludes != "" {
			line += " Left out: " + m.Excludes + "."
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

func nonBlankRows(rows []answers.Row) []answers.Row {
	var out []answers.Row
	for _, r := range rows {
		if !r.IsBlank() {
			out = append(out, r)
		}
	}
	return out
}

func dropColumn(t *render.Table, col int) *render.Table {
	out := &render.Table{}
	for i := range t.Columns {
		if i != col {
			out.Columns = append(out.Columns, t.Columns[i])
			out.Widths = append(out.Widths, t.Widths[i])
		}
	}
	for _, r := range t.Rows {
		var row []string
		for i, c := range r {
			if i != col {
				row = append(row, c)
			}
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

func chargesSchedule(f formatter) render.Section {
	main := []string{"Main rate", f.value("rate"), f.value("pricing_model")}
	above := "Work above the forecast volume"
	switch f.text("pricing_model") {
	case "per_agent_hour":
		main[2] = "Per billable agent hour (" + refPlaceholder("pricing.charges") + ")"
		above = "Hours above the approved staffing plan"
	case "per_fte_month":
		above = "Hours above the approved staffing plan"
	case "fixed_monthly":
		main = []string{"Fixed monthly fee", f.value("rate"), "Each month, whatever the volume"}
	case "hybrid":
		main = []string{"Rate per call or contact", f.value("rate"), "On top of the fixed monthly fee"}
	}
	rows := [][]string{main,
		{above, f.value("overage_rate"), overageBasis(f)},
		{"Set-up", f.value("setup_fee"), "One-off, invoiced with the first monthly invoice after the Services go live"},
		{"Training", f.value("training_fee"), "Per newly trained agent, where the Customer pays for training"},
	}
	// No row for a minimum of zero, which the clause leaves out too; a
	// blank one keeps its row and so its "to be completed" marker.
	if !f.a.Has("minimum_commitment") || f.nonzero("minimum_commitment") {
		rows = append(rows, []string{"Minimum charge", f.value("minimum_commitment"), minimumBasis(f)})
	}
	if f.text("pricing_model") == "hybrid" {
		rows = append([][]string{{"Fixed monthly fee", f.value("fixed_fee"), "Each month, whatever the volume"}}, rows...)
	}
	blocks := []render.Block{table([]string{"Charge", "Amount", "Basis"}, []float64{2, 1.2, 3}, rows)}
	currency := f.a["rate"].Unit
	if f.visible("additional_services") && f.a.Has("additional_services") {
		extras := tableOf(f, "additional_services")
		for _, r := range extras.Rows {
			if !strings.HasPrefix(r[1], MarkerPrefix) {
				r[1] = template.Amount(r[1], currency)
			}
		}
		blocks = append(blocks,
			render.Block{Kind: render.Subheading, Text: "Additional services"},
			render.Block{Kind: render.Paragraph, Text: "The Customer may order these services by a change note under " + refPlaceholder("scope.change_control") + " at the prices below; they are invoiced with the next monthly invoice."},
			render.Block{Kind: render.TableBlock, Table: extras})
	}
	pricing := refPlaceholder("pricing")
	return intro("All amounts exclude tax unless "+pricing+" says otherwise. Payment terms, late payment and price review are set out in "+pricing+".", blocks...)
}

func exitSchedule(f formatter) render.Section {
	return intro(
		"The Provider will hand back the following, in the form shown, within the number of days shown after the date the Customer names for moving the Services to itself or a new provider (or, if it names none, after exit assistance ends, or after this agreement ends if there is no exit assistance). Telephone numbers are ported, and knowledge transfer given, in time for that date. The full exit plan, agreed under "+refPlaceholder("termination.exit_assistance")+", adds the detailed timetable.",
		render.Block{Kind: render.TableBlock, Table: tableOf(f, "exit_items")},
		render.Block{Kind: render.Paragraph, Text: "Exit assistance period: up to " + f.value("exit_period") + ". Charges for exit assistance: " + f.valueLower("exit_charges") + exitFree(f) + "."},
	)
}

func dataSchedule(f formatter) render.Section {
	location := "As set out in " + refPlaceholder("confidentiality")
	if f.visible("data_location") && f.a.Has("data_location") {
		location = f.value("data_location")
		switch {
		case f.text("data_location") == "with_safeguards" && f.text("offshore") != "allowed":
			location = "In " + f.workplaces() + ", and elsewhere only with the Customer's written consent and the transfer safeguards the law requires"
		case f.text("data_location") == "same_country" && f.place.Home.Name != "":
			location = "Only in " + f.place.Home.Name
		}
	}
	rows := [][]string{
		{"Subject matter and purpose", "Handling contacts with the Customer's customers as described in " + refPlaceholder("scope")},
		{"Nature of the processing", "Receiving, recording, storing, looking up, using, passing to the Customer and deleting Personal Data in handling those contacts"},
		{"Duration", "The term of this agreement and the exit assistance period"},
		{"Kinds of Personal Data", f.value("data_categories")},
		{"Whose data", f.value("data_subjects")},
		{"Where data may be stored", location},
		{"Sub-processors approved at the start", subprocessors(f)},
	}
	if mech := f.place.TransferMechanism(); mech != "" && f.a.Has("delivery_country") && f.text("personal_data") == answers.Yes {
		// The particulars the transfer instrument's tables ask for.
		rows = append(rows,
			[]string{"Transfer instrument", template.Capitalise(mech) + ", entered into under " + refPlaceholder("confidentiality.international_transfers")},
			[]string{"Exporter", f.value("customer_name") + ", " + f.oneline("customer_address") + " (controller)"},
			[]string{"Importer", importer(f)},
			[]string{"Where the data goes", template.Capitalise(f.value("delivery_sites") + f.siteCountry())},
			[]string{"Security measures", "As set out in " + refPlaceholder("confidentiality.security")},
			[]string{"Onward transfers", "Only to the sub-processors approved under " + refPlaceholder("confidentiality.data_protection")},
			[]string{"Special categories of data", "Only what callers volunteer and agents do not ask for (handled as the Customer instructs), unless listed under Kinds of Personal Data above"},
		)
		rows = append(rows, instrumentChoices(f)...)
	}
	rows = append(rows, []string{"Return or deletion", "As set out in " + refPlaceholder("confidentiality.data_protection") + " and " + refPlaceholder("termination.hand_back")})
	return intro("The particulars of the processing of Personal Data under "+refPlaceholder("confidentiality.data_protection")+".",
		table([]string{"Item", "Particulars"}, []float64{1.3, 3}, rows))
}

// instrumentChoices are the choices the transfer instrument leaves to the
// parties (the IDTA's Table 2; the options of the EU clauses), made so
// that incorporating it by reference leaves nothing blank.
func instrumentChoices(f formatter) [][]string {
	switch f.place.Home.Region {
	case jurisdiction.UK:
		law, courts := "England and Wales", "the courts of England and Wales"
		switch f.text("governing_law") {
		case "scotland":
			law, courts = "Scotland", "the Scottish courts"
		case "northern_ireland":
			law, courts = "Northern Ireland", "the courts of Northern Ireland"
		}
		return [][]string{
			{"Law of the instrument and primary place for claims", "The law of " + law + "; " + courts},
			{"Does the UK GDPR apply to the importer's processing", importerUnderUKGDPR(f)},
			{"Linked agreement", linkedAgreement(f)},
			{"Term", "As long as the importer processes Personal Data under this agreement, and until it has returned or deleted it"},
			{"Ending when the approved instrument changes", "Neither party may end it for that reason"},
			{"Review dates", "Each anniversary of the Start Date, and whenever the processing or the law changes"},
		}
	case jurisdiction.EU:
		home := f.place.Home.Name
		authorisation := "Option 1: the specific prior authorisation of the Customer"
		if f.text("subprocessors") == "notice_objection" {
			authorisation = "Option 2: general written authorisation, with at least 30 days' notice of any change"
		}
		return [][]string{
			{"Docking (the clauses' Clause 7)", "Included"},
			{"Sub-processors (Clause 9(a))", authorisation},
			{"Independent dispute resolution (Clause 11)", "Not used"},
			{"Supervisory authority (Clause 13)", "The supervisory authority of " + home},
			{"Governing law and courts (Clauses 17 and 18)", "The law of " + home + "; the courts of " + home},
		}
	}
	return nil
}

// importerUnderUKGDPR answers the IDTA's question for the importer this
// agreement names: a Provider registered in the UK is itself under the
// UK GDPR.
func importerUnderUKGDPR(f formatter) string {
	if !(f.visible("site_operator") && f.a.Has("site_operator")) {
		if c, ok := template.CountryNamedIn(f.text("provider_incorporated") + " " + f.text("provider_address")); ok && c == "uk" {
			return "Yes"
		}
	}
	return "No, except to the extent it applies by law"
}

// linkedAgreement names the agreements that carry the importer's
// instructions: a Site Operator is not a party to this agreement, so its
// written subcontract with the Provider is linked too.
func linkedAgreement(f formatter) string {
	if f.visible("site_operator") && f.a.Has("site_operator") {
		return "This agreement, and the written subcontract between the Provider and the Site Operator that " + refPlaceholder("scope.staffing_and_location.3") + " requires"
	}
	return "This agreement"
}

// importer is the transfer instrument's importer: the company that
// employs the agents abroad, which clause 2 names or else makes the
// Provider itself.
func importer(f formatter) string {
	if f.visible("site_operator") && f.a.Has("site_operator") {
		return f.oneline("site_operator") + " (the Site Operator, sub-processor of " + f.value("provider_name") + ")"
	}
	return f.value("provider_name") + ", " + f.oneline("provider_address") + " (processor)"
}

// exitFree repeats the exception the exit assistance clause makes to
// charging for it.
func exitFree(f formatter) string {
	if f.text("exit_charges") != "current_rates" {
		return ""
	}
	where := refPlaceholder("termination.exit_assistance")
	if f.text("convenience") == "either" {
		// The Provider's own ending without a reason makes exit free too.
		where = refPlaceholder("termination.ending_without_a_reason") + " or " + where
	}
	return ", except that it is free of charge where " + where + " says so"
}

// overageBasis says what the overage rate is charged for, as the Charges
// clause does.
func overageBasis(f formatter) string {
	switch f.text("pricing_model") {
	case "per_agent_hour", "per_fte_month":
		return "Per billable hour above the approved staffing plan, worked at the Customer's written request"
	}
	return "Per call or contact above the forecast volume for the month"
}

// subprocessors lists the sub-processors approved at signature, or says
// there are none.
func subprocessors(f formatter) string {
	var list []string
	if f.visible("site_operator") && f.a.Has("site_operator") {
		list = append(list, f.oneline("site_operator")+": runs the agents' site and employs the agents ("+refPlaceholder("scope")+").")
	}
	if f.visible("approved_subprocessors") && f.a.Has("approved_subprocessors") {
		list = append(list, f.value("approved_subprocessors"))
	}
	if len(list) == 0 {
		return "None: any sub-processor needs approval under " + refPlaceholder("confidentiality.data_protection")
	}
	return strings.Join(list, " ")
}

// minimumBasis says what the minimum charge is a share of, as the Minimum
// charge clause does.
func minimumBasis(f formatter) string {
	switch f.text("pricing_model") {
	case "per_agent_hour", "per_fte_month":
		return "Of the Charges for the agent hours in the approved staffing plan for the month, only where the Customer asks for fewer hours after approving the plan (" + refPlaceholder("pricing.minimum_charge") + ")"
	}
	return "Of the Charges the forecast volume for the month would have produced, only when actual volumes fall short of the forecast (" + refPlaceholder("pricing.minimum_charge") + ")"
}
