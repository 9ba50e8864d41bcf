package check

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"pactwright/app/answers"
	"pactwright/app/jurisdiction"
	"pactwright/app/money"
	"pactwright/app/template"
)

// Severity ranks a finding.
type Severity string

// Severities, from most to least serious.
const (
	High   Severity = "high"   // likely to hurt you: fix before signing
	Medium Severity = "medium" // unusual or inconsistent: check it is intended
	Low    Severity = "low"    // worth knowing
)

// Finding is a warning about a risky or inconsistent term. Field is where the
// app jumps when the user clicks it.
type Finding struct {
	Severity Severity `json:"severity"`
	Field    string   `json:"field"`
	Message  string   `json:"message"`
	// Accepted is the user's reason for keeping this risk ("" if not
	// accepted): see Report.Accept.
	Accepted string `json:"accepted,omitempty"`
}

// view answers the questions the rules ask, treating hidden or invalid
// fields as absent so a rule never fires on something the user cannot see.
type view struct {
	t       *template.Template
	a       answers.Answers
	unknown map[string]bool    // field ids a rule named that the template lacks
	pack    *jurisdiction.Pack // the place, read once per run by newView; nil: read on demand
}

func newView(t *template.Template, a answers.Answers, unknown map[string]bool) view {
	v := view{t: t, a: a, unknown: unknown}
	p := v.place()
	v.pack = &p
	return v
}

// place is what the governing law and the agents' country expect.
func (v view) place() jurisdiction.Pack {
	if v.pack != nil {
		return *v.pack
	}
	return jurisdiction.FromAnswers(v.text, template.CountryNamedIn)
}

// known notes a field id the template lacks, so that UnknownFields can
// refuse a rule with a typo when the engine is built.
func (v view) known(id string) {
	if _, ok := v.t.Field(id); !ok && v.unknown != nil {
		v.unknown[id] = true
	}
}

// value is a field's raw answer; text, has and includes read it.
func (v view) value(id string) answers.Value { v.known(id); return v.a[id] }

func (v view) text(id string) string { return v.value(id).Text }

func (v view) has(id string) bool { v.known(id); return v.a.Has(id) }

func (v view) includes(id, item string) bool { v.known(id); return v.a.Includes(id, item) }

// display is a field's answer as the agreement prints it ("1 month").
func (v view) display(id string) string {
	f, ok := v.t.Field(id)
	if !ok {
		v.known(id)
		return v.text(id)
	}
	return f.Display(v.a[id])
}

func (v view) visible(id string) bool { return v.has(id) && v.t.Visible(id, v.a) }

func (v view) is(id, want string) bool { return v.visible(id) && v.text(id) == want }

func (v view) number(id string) (int64, bool) {
	f, ok := v.t.Field(id)
	if !ok || !v.visible(id) {
		return 0, false
	}
	return f.NumberValue(v.a[id])
}

func (v view) decimal(id string) (money.Decimal, bool) {
	f, ok := v.t.Field(id)
	if !ok || !v.visible(id) || f.Validate(v.a[id]) != nil {
		return money.Decimal{}, false // an invalid value is the checklist's to report
	}
	d, err := money.Parse(strings.TrimSuffix(v.text(id), "%"))
	return d, err == nil
}

// days converts a duration field to calendar days, approximately: it is used
// only to compare periods with each other.
func (v view) days(id string) (int64, bool) {
	n, ok := v.number(id)
	if !ok {
		return 0, false
	}
	switch v.value(id).Unit {
	case "business days":
		return n * 7 / 5, true
	case "months":
		return n * 30, true
	case "years":
		return n * 365, true
	}
	return n, true
}

// rule inspects the answers and reports what it finds.
type rule func(v view) []Finding

func rules() []rule {
	return []rule{
		exitLongerThanNotice,
		serviceCreditCap,
		breachNotification,
		cardPayments,
		recordingConsent,
		slaTargets,
		arbitrationSeatAbroad,
		courtsMatchLaw,
		lateInterest,
		nonSolicitation,
		staffTransferAddressed,
		outboundCompliance,
		chronicFailure,
		currenciesAgree,
		partiesDistinct,
		offshoreVersusDataLocation,
		priceCap,
		creditsReachCap,
		criticalWithoutCredit,
		exitDatesAgree,
		dataLocationFitsDelivery,
		offshoreFitsDelivery,
		currencyFitsLaw,
		mediatorFitsLaw,
		timeZoneFitsLaw,
		agentForService,
		offshoreCourts,
		postOnlyNotices,
		quarterlyChronicFailure,
		convenienceForEither,
		otherLegalSystem,
		customerCountryUnknown,
		californiaConsumers,
		earnBack,
		soleTraderSignatory,
		companyNumberFitsRegistry,
		entityNameFitsType,
		measurePeriodsAgree,
		oneAgent,
		threeArbitrators,
		usIndex,
		limitedCompanyInAState,
		staffTransferOnEntry,
		transferInstrumentToSign,
		noSubprocessors,
		courtOfSession,
		subprocessorsWhereDataStays,
		siteOperatorAbroad,
		smallCustomerLockIn,
		automaticRenewal,
		uncappedIndemnities,
		lossOfProfitBothWays,
		extrasPerAgentHour,
		foreignCustomerInUSCourts,
		hoursInCustomersClock,
		arbitrationAtHome,
		quarterlyMeasurement,
		accurateForecasts,
		noticeLongerThanTerm,
		newYorkWithoutNewYork,
	}
}

// UnknownFields runs every rule over the drafts and lists the field ids
// the rules named that the template does not have: a typo in a rule
// would otherwise make it silently never fire. The engine calls it once.
func UnknownFields(t *template.Template, drafts []answers.Answers) []string {
	unknown := map[string]bool{}
	for _, a := range drafts {
		v := newView(t, a, unknown)
		for _, r := range rules() {
			r(v)
		}
	}
	var out []string
	for id := range unknown {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// Findings runs every rule, in a stable order.
func Findings(t *template.Template, a answers.Answers) []Finding {
	v := newView(t, a, nil)
	var out []Finding
	for _, r := range rules() {
		out = append(out, r(v)...)
	}
	return out
}

func one(sev Severity, field, format string, args ...any) []Finding {
	return []Finding{{Severity: sev, Field: field, Message: fmt.Sprintf(format, args...)}}
}

func exitLongerThanNotice(v view) []Finding {
	exit, ok := v.days("exit_period")
	if !ok {
		return nil
	}
	var out []Finding
	if n, ok := v.days("convenience_notice"); ok && n < exit {
		out = append(out, one(Medium, "convenience_notice",
			"The notice to end without a reason (%s) is shorter than the exit assistance period (%s): the handover may not finish before the service stops.",
			v.display("convenience_notice"), v.display("exit_period"))...)
	}
	if n, ok := v.days("non_renewal_notice"); ok && n < exit {
		out = append(out, one(Medium, "non_renewal_notice",
			"The notice to stop renewal (%s) is shorter than the exit assistance period (%s): give notice early enough for the handover to finish.",
			v.display("non_renewal_notice"), v.display("exit_period"))...)
	}
	return out
}

func serviceCreditCap(v view) []Finding {
	if v.is("service_credits", answers.No) {
		return one(Medium, "service_credits", "There are no service credits: missing a service level target costs the provider nothing.")
	}
	if !v.is("service_credits", answers.Yes) {
		return nil
	}
	if !v.has("credit_cap") {
		return one(High, "credit_cap", "Service credits have no cap set: say what share of the monthly fees is the most the provider can lose.")
	}
	limit, ok := v.decimal("credit_cap")
	if !ok {
		return nil
	}
	if limit.Cmp(money.FromInt(20)) > 0 {
		return one(Medium, "credit_cap", "A credit cap of %s%% of monthly fees is above the 5–20%% usually agreed; expect the provider to push back or to price the risk in.", limit)
	}
	if limit.Cmp(money.FromInt(5)) < 0 {
		return one(Medium, "credit_cap", "A credit cap of %s%% of monthly fees is below the usual 5–20%%: credits this small give the provider little reason to meet the targets.", limit)
	}
	return nil
}

func breachNotification(v view) []Finding {
	hours, ok := v.number("breach_notice_hours")
	if ok && hours > 72 && v.is("personal_data", answers.Yes) {
		return one(High, "breach_notice_hours",
			"The provider may take %d hours to report a security breach, but you must tell the data protection regulator within 72 hours. Ask for 24 or 48 hours.", hours)
	}
	return nil
}

func cardPayments(v view) []Finding {
	if !v.is("card_payments", answers.Yes) {
		return nil
	}
	if v.is("pci_dss", answers.No) {
		return one(High, "pci_dss", "Agents take card payments but the provider does not commit to PCI DSS: card data could be exposed and card schemes may fine you.")
	}
	if v.is("card_capture", "pause_resume") {
		return one(Medium, "card_capture", "Pausing recordings while card numbers are read relies on agents remembering every time; keypad masking or a payment link keeps card numbers out of the call centre altogether.")
	}
	return nil
}

func recordingConsent(v view) []Finding {
	if v.is("call_recording", answers.Yes) && v.is("recording_consent", answers.No) {
		return one(High, "recording_consent", "Calls are recorded but callers are not told: recording without notice is unlawful in many places, and in some US states needs every party's consent.")
	}
	return nil
}

func slaTargets(v view) []Finding {
	if !v.visible("sla_metrics") {
		return nil
	}
	metrics := map[string]template.Metric{}
	for _, m := range template.Metrics() {
		metrics[m.ID] = m
	}
	var out []Finding
	seen := map[string]bool{}
	for i, row := range v.value("sla_metrics").Rows {
		m, ok := metrics[row["metric"]]
		if !ok {
			continue
		}
		if seen[m.ID] {
			out = append(out, one(Medium, "sla_metrics", "Row %d repeats the measure %q: keep one target per measure.", i+1, m.Label)...)
		}
		seen[m.ID] = true
		target, err := money.Parse(row["target"])
		if err == nil && row["unit"] == "percent" && target.Cmp(money.FromInt(100)) > 0 {
			out = append(out, one(High, "sla_metrics", "Row %d: a target of %s%% for %q can never be measured: a percentage cannot exceed 100.", i+1, target, m.Label)...)
			continue
		}
		if err != nil || row["unit"] != m.Unit {
			if err == nil {
				out = append(out, one(Medium, "sla_metrics", "Row %d: %q is usually measured in %s, not %s.", i+1, m.Label, m.Unit, row["unit"])...)
			}
			continue
		}
		low, high := money.MustParse(m.Low), money.MustParse(m.High)
		switch {
		case target.Cmp(high) > 0 && m.LowerIsBetter():
			out = append(out, one(Medium, "sla_metrics", "Row %d: a target of %s %s for %q is looser than agreements usually allow (at most %s); your customers may wait too long.", i+1, target, m.Unit, m.Label, m.High)...)
		case target.Cmp(high) > 0:
			out = append(out, one(Low, "sla_metrics", "Row %d: a target of %s %s for %q is above what is usually achievable (%s); expect a higher price.", i+1, target, m.Unit, m.Label, m.High)...)
		case target.Cmp(low) < 0 && m.LowerIsBetter():
			out = append(out, one(Low, "sla_metrics", "Row %d: a target of %s %s for %q is stricter than usual (at least %s); expect a higher price.", i+1, target, m.Unit, m.Label, m.Low)...)
		case target.Cmp(low) < 0:
			out = append(out, one(Medium, "sla_metrics", "Row %d: a target of %s %s for %q is below the usual range (%s to %s); it gives your customers little protection.", i+1, target, m.Unit, m.Label, m.Low, m.High)...)
		}
	}
	return out
}

// lawCountry maps a governing-law choice to the country of its courts.
func lawCountry(law string) string {
	switch law {
	case "england_wales", "scotland", "northern_ireland":
		return "uk"
	case "ireland":
		return "ireland"
	case "us_delaware", "us_new_york", "us_california", "us_texas":
		return "us"
	case "australia_nsw":
		return "australia"
	}
	return ""
}

func arbitrationSeatAbroad(v view) []Finding {
	law := lawCountry(v.text("governing_law"))
	seat := v.text("arbitration_country")
	if !v.visible("arbitration_country") || law == "" || seat == "" || seat == law {
		return nil
	}
	return one(Medium, "arbitration_country", "The arbitration seat is in a different country from the governing law: two legal systems will be involved, which adds cost and uncertainty.")
}

// courtJurisdictions maps words that name a court system to the governing
// law choice it belongs to. Longer names come first so that "Northern
// Ireland" is not read as "Ireland".
func courtJurisdictions() [][2]string {
	return [][2]string{
		{"northern ireland", "northern_ireland"},
		{"england", "england_wales"},
		{"scotland", "scotland"},
		{"scottish", "scotland"},
		{"ireland", "ireland"},
		{"irish", "ireland"},
		{"delaware", "us_delaware"},
		{"new york", "us_new_york"},
		{"california", "us_california"},
		{"texas", "us_texas"},
		{"new south wales", "australia_nsw"},
	}
}

func courtsMatchLaw(v view) []Finding {
	law := v.text("governing_law")
	if !v.visible("courts") || law == "" || law == "other" {
		return nil
	}
	courts := strings.ToLower(v.text("courts"))
	for _, j := range courtJurisdictions() {
		if !strings.Contains(courts, j[0]) {
			continue
		}
		if j[1] == law {
			return nil
		}
		// Courts of another country must have the law proved to them by
		// experts, and the parties must sue abroad: far worse than a
		// neighbouring UK jurisdiction.
		sev := Medium
		if lawCountry(j[1]) != lawCountry(law) {
			sev = High
		}
		return one(sev, "courts", "The courts named (%q) do not match the governing law chosen in Parties & Term: claims would be heard by judges applying a law that is not their own. Name %s.", v.text("courts"), v.place().Law.Courts)
	}
	return nil
}

func lateInterest(v view) []Finding {
	if v.is("late_interest_basis", "statutory") && v.visible("governing_law") && v.place().Law.LatePayment == "" {
		return one(Medium, "late_interest_basis", "The law chosen has no statutory late-payment rate the agreement can name: choose a monthly rate instead.")
	}
	rate, ok := v.decimal("late_interest_rate")
	if ok && rate.Cmp(money.MustParse("1.5")) > 0 {
		return one(Medium, "late_interest_rate", "Late-payment interest of %s%% a month (about %s%% a year) is above the usual 1–1.5%% a month and may exceed what the law allows.", rate, rate.MulInt(12))
	}
	return nil
}

func nonSolicitation(v view) []Finding {
	if n, ok := v.number("non_solicit_months"); ok && n > 24 {
		return one(Medium, "non_solicit_months", "A no-poaching period of %d months is longer than courts usually enforce (24 months at most; 12 is common).", n)
	}
	return nil
}

func staffTransferAddressed(v view) []Finding {
	if v.is("tupe", answers.No) {
		return one(High, "tupe", "The agents work where staff transfer rules apply (TUPE in the UK, the Acquired Rights Directive in the EU), but the agreement does not deal with them: when the work moves, agents may transfer to you or the next provider with their employment costs.")
	}
	return nil
}

func outboundCompliance(v view) []Finding {
	if v.is("outbound_compliance", answers.No) {
		return one(High, "outbound_compliance", "Outbound calling is in scope but the provider does not commit to telemarketing rules and do-not-call screening: fines for unlawful calls can reach you as the business being promoted.")
	}
	return nil
}

func chronicFailure(v view) []Finding {
	var out []Finding
	months, ok1 := v.number("chronic_months")
	window, ok2 := v.number("chronic_window")
	if ok1 && ok2 && months > window {
		out = append(out, one(Medium, "chronic_months", "Chronic failure needs %d bad months out of any %d: that can never happen, so the right to end the agreement is empty.", months, window)...)
	}
	if v.includes("termination_rights", "chronic_failure") && v.visible("termination_rights") && v.is("service_credits", answers.No) {
		out = append(out, one(Medium, "termination_rights", "Ending for chronic service failure is measured by critical targets and service credits, but there are no service credits: the right cannot be used.")...)
	}
	if v.is("service_credits", answers.Yes) && len(v.slaRows()) > 0 && !slices.ContainsFunc(v.slaRows(), func(r answers.Row) bool { return strings.TrimSpace(r["severe"]) != "" }) {
		out = append(out, one(High, "sla_metrics", "No service level is critical (none has a severe-miss level), so repeated misses of the same measure never count as chronic failure and no month is a severe failure: give the measures that matter most a severe-miss level.")...)
	}
	return out
}

func currenciesAgree(v view) []Finding {
	first, firstID := "", ""
	for _, g := range v.t.Groups {
		for _, f := range g.Fields {
			if f.Kind != template.Money || !v.visible(f.ID) {
				continue
			}
			cur := v.value(f.ID).Unit
			if first == "" {
				first, firstID = cur, f.ID
				continue
			}
			if cur != first {
				ff, _ := v.t.Field(firstID)
				return one(Medium, f.ID, "%s is in %s but %s is in %s: state all amounts in one currency, or say how they are converted.", f.Label, cur, ff.Label, first)
			}
		}
	}
	return nil
}

func partiesDistinct(v view) []Finding {
	c, p := strings.ToLower(v.text("customer_name")), strings.ToLower(v.text("provider_name"))
	if c != "" && c == p {
		return one(High, "provider_name", "The customer and the provider have the same legal name: an agreement needs two different parties.")
	}
	return nil
}

func offshoreVersusDataLocation(v view) []Finding {
	if v.is("offshore", "allowed") && v.is("data_location", "same_country") && v.is("personal_data", answers.Yes) {
		return one(Medium, "offshore", "Work may be done abroad, but data must stay in your country: agents abroad would see the data, so these two terms conflict.")
	}
	return nil
}

func priceCap(v view) []Finding {
	if limit, ok := v.decimal("price_cap"); ok && limit.Cmp(money.FromInt(10)) > 0 {
		return one(Low, "price_cap", "Prices may rise by up to %s%% a year; a cap of 3–5%% is more usual.", limit)
	}
	return nil
}
