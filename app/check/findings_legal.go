package check

import (
	"regexp"
	"slices"
	"strings"

	"pactwright/app/answers"
	"pactwright/app/jurisdiction"
	"pactwright/app/template"
)

// Rules a contracts lawyer reading the agreement for a small business
// would raise: choices that are lawful but leave the client exposed.

// offshoreCourts: a judgment of the Customer's courts may be hard to
// enforce where an offshore provider works and holds its assets; an
// arbitral award is enforceable there under the New York Convention.
func offshoreCourts(v view) []Finding {
	p := v.place()
	if !v.is("final_forum", "courts") || !v.visible("delivery_country") || p.Site.Region != jurisdiction.Other || !p.Abroad() {
		return nil
	}
	// A provider registered where the claim is brought has assets there.
	if c, ok := template.CountryNamedIn(v.text("provider_incorporated") + " " + v.text("provider_address")); ok && (c == lawCountry(v.text("governing_law")) || c == v.text("customer_country")) {
		return nil
	}
	return one(Medium, "final_forum", "The agents work in %s, but disputes go to the courts: a court judgment from home may be hard to enforce there, while an arbitration award is enforceable in most countries under the New York Convention. Consider arbitration (for example LCIA or SIAC rules) with the seat at home.", p.SiteName())
}

// postOnlyNotices: a notice that must go by post arrives days later, which
// can make a notice of breach, non-renewal or termination late.
func postOnlyNotices(v view) []Finding {
	if !v.visible("notice_methods") || !v.includes("notice_methods", "post") || v.includes("notice_methods", "email") || v.includes("notice_methods", "courier") {
		return nil
	}
	return one(Medium, "notice_methods", "Formal notices may only be sent by recorded post, which takes days, and abroad a week: a notice to stop renewal or to end the agreement could arrive too late. Allow email too.")
}

// quarterlyChronicFailure: when targets are judged by quarter, only so
// many quarters end within the chronic-failure window.
func quarterlyChronicFailure(v view) []Finding {
	if !v.is("compliance_period", "quarterly") || !v.is("service_credits", answers.Yes) {
		return nil
	}
	window, ok1 := v.number("chronic_window")
	misses, ok2 := v.number("chronic_months")
	if !ok1 || !ok2 || misses <= window/3 {
		return nil
	}
	return one(High, "chronic_months", "Targets are judged by calendar quarter, and at most %d quarters end within %d consecutive months, so a chronic failure of %d missed quarters can never happen: lower the number of misses or lengthen the window.", window/3, window, misses)
}

// convenienceForEither: a provider that may leave without a reason can
// leave the Customer without a service at short notice.
func convenienceForEither(v view) []Finding {
	if !v.is("convenience", "either") {
		return nil
	}
	return one(Medium, "convenience", "The Provider, too, may end the agreement without a reason, with %s of notice: check that this leaves you enough time to find and move to a new provider, or keep this right for the Customer only.", v.display("convenience_notice"))
}

// otherLegalSystem: the wording is written for the laws the product knows.
func otherLegalSystem(v view) []Finding {
	if !v.is("governing_law", "other") {
		return nil
	}
	return one(High, "governing_law", "Under another legal system the wording is general: insolvency, tax, data protection, staff transfer and third-party terms have not been fitted to that law. Have a lawyer who knows it read the agreement before signing.")
}

// customerCountryUnknown: the processor terms need to know which data
// protection law binds the Customer.
func customerCountryUnknown(v view) []Finding {
	if !v.is("customer_country", "other") || !v.is("personal_data", answers.Yes) {
		return nil
	}
	return one(Medium, "customer_country", "Your business is in a country the tool does not know, so the data protection terms name no law: check with a local adviser what your data protection law requires of a processor and of transfers abroad.")
}

// californiaConsumers: the CCPA follows where consumers live, not the law
// chosen, and a US business will usually have some Californian callers.
func californiaConsumers(v view) []Finding {
	p := v.place()
	if p.Home.Region != jurisdiction.US || !v.is("personal_data", answers.Yes) || !v.is("california_consumers", answers.No) {
		return nil
	}
	// The agreement carries the terms "to the extent the law applies";
	// the finding says when it does, so the user can make them certain.
	return one(Low, "california_consumers", "California's consumer privacy law applies if the Customer meets a CCPA threshold, for example yearly revenue above US$26,625,000 (2025 figure, adjusted every two years), and any of your callers live in California, whatever law governs the agreement. The agreement includes its service-provider terms to the extent that law applies; if you know it does, answer yes so that they apply without that condition.")
}

// earnBack: credits the provider can earn back are worth less than they
// look; the clause limits it, but the Customer should know.
func earnBack(v view) []Finding {
	if !v.is("earn_back", answers.Yes) || !v.is("service_credits", answers.Yes) {
		return nil
	}
	next := "the next three months"
	if v.is("compliance_period", "quarterly") {
		next = "the next two calendar quarters (six months)"
	}
	return one(Low, "earn_back", "Earn-back lets the Provider have a service credit back by meeting the target for %s. The agreement limits it (never for critical measures, once a year per measure, at most half a period's credits), but it still weakens the credits.", next)
}

// soleTraderSignatory: a sole trader is the business and signs personally.
func soleTraderSignatory(v view) []Finding {
	var out []Finding
	for _, role := range []string{"customer", "provider"} {
		if !v.is(role+"_entity", "sole_trader") || !v.has(role+"_signatory_name") || !v.has(role+"_name") {
			continue
		}
		if !strings.EqualFold(strings.TrimSpace(v.text(role+"_signatory_name")), strings.TrimSpace(v.text(role+"_name"))) {
			out = append(out, one(High, role+"_signatory_name", "%s is a sole trader, who signs personally, but the signature block names %s: a sole trader's agreement must be signed by the sole trader.", v.text(role+"_name"), v.text(role+"_signatory_name"))...)
		}
	}
	return out
}

// registries are the company number formats of the registers the party
// details name: a number of the wrong shape is usually copied from
// another company.
var registries = []struct {
	place, rule string
	format      *regexp.Regexp
}{
	{"northern ireland", "NI followed by six digits", regexp.MustCompile(`^NI\d{6}$`)},
	// Australian companies are registered nationally whatever state is
	// named; listed before "wales" so that New South Wales matches here.
	{"australia", acnRule, regexp.MustCompile(`^\d{9}$`)},
	{"new south wales", acnRule, regexp.MustCompile(`^\d{9}$`)},
	{"victoria", acnRule, regexp.MustCompile(`^\d{9}$`)},
	{"queensland", acnRule, regexp.MustCompile(`^\d{9}$`)},
	{"tasmania", acnRule, regexp.MustCompile(`^\d{9}$`)},
	{"scotland", "SC followed by six digits (SO or SL for partnerships)", regexp.MustCompile(`^S[COL]\d{6}$`)},
	{"england", "eight digits (OC followed by six digits for an LLP)", regexp.MustCompile(`^(\d{8}|OC\d{6})$`)},
	{"wales", "eight digits (OC followed by six digits for an LLP)", regexp.MustCompile(`^(\d{8}|OC\d{6})$`)},
	{"ireland", "up to six digits", regexp.MustCompile(`^\d{1,6}$`)},
}

const acnRule = "a nine-digit ACN whose last digit checks the others"

// acnCheckDigitFits applies ASIC's check: the first eight digits weighted
// 8 down to 1, and the ninth is what brings the sum to a multiple of 10.
func acnCheckDigitFits(acn string) bool {
	sum := 0
	for i := range 8 {
		sum += int(acn[i]-'0') * (8 - i)
	}
	return (10-sum%10)%10 == int(acn[8]-'0')
}

func companyNumberFitsRegistry(v view) []Finding {
	var out []Finding
	for _, role := range []string{"customer", "provider"} {
		if !v.visible(role+"_company_number") || !v.has(role+"_incorporated") {
			continue
		}
		where := strings.ToLower(v.text(role + "_incorporated"))
		number := strings.ToUpper(strings.ReplaceAll(v.text(role+"_company_number"), " ", ""))
		for _, r := range registries {
			if !strings.Contains(where, r.place) {
				continue
			}
			if !r.format.MatchString(number) || (r.rule == acnRule && !acnCheckDigitFits(number)) {
				out = append(out, one(Medium, role+"_company_number", "%s is registered in %s, where company numbers are %s, but the number given is %q: check it against the register, since a wrong number can leave it unclear who signed.", v.text(role+"_name"), v.text(role+"_incorporated"), r.rule, v.text(role+"_company_number"))...)
			}
			break
		}
	}
	return out
}

// entityNameFitsType: a name ending "Ltd" belongs to a UK or Irish
// company, "LLC" to a US limited liability company.
func entityNameFitsType(v view) []Finding {
	var out []Finding
	for _, role := range []string{"customer", "provider"} {
		name, entity := strings.TrimSpace(v.text(role+"_name")), v.text(role+"_entity")
		lower := strings.ToLower(strings.TrimSuffix(name, "."))
		var suffix string
		switch {
		case (entity == "llc" || entity == "corporation") && (strings.HasSuffix(lower, " ltd") || strings.HasSuffix(lower, " limited") || strings.HasSuffix(lower, " plc")):
			suffix = name[strings.LastIndex(name, " ")+1:]
		case (entity == "private_limited" || entity == "public_limited") && (strings.HasSuffix(lower, " llc") || strings.HasSuffix(lower, " inc")):
			suffix = name[strings.LastIndex(name, " ")+1:]
		default:
			continue
		}
		out = append(out, one(Medium, role+"_name", "%q ends in %q, which does not fit its type (%s): check the exact legal name and type on the register.", name, suffix, v.display(role+"_entity"))...)
	}
	return out
}

// measurePeriodsAgree: Schedule 1 states a measurement period for each
// measure, and the service levels clause one for all of them.
func measurePeriodsAgree(v view) []Finding {
	if !v.visible("compliance_period") || !v.has("compliance_period") {
		return nil
	}
	want := v.text("compliance_period")
	for _, r := range v.slaRows() {
		if w := r["window"]; w != "" && w != want {
			name := r["metric"]
			if m, ok := template.MetricByID(name); ok {
				name = m.Label
			}
			return one(Medium, "sla_metrics", "Service levels are judged %s, but Schedule 1 measures %q %s: use one period, or the credits and the right to end will be argued over.", strings.ToLower(v.display("compliance_period")), name, w)
		}
	}
	return nil
}

// oneAgent: a single full-time agent cannot cover a working week of
// opening hours with breaks, leave and sickness.
func oneAgent(v view) []Finding {
	// A shared team promises capacity, with enough trained agents to cover
	// every hour; only a dedicated agent is one person alone.
	if n, ok := v.number("agents"); !ok || n >= 2 || v.is("staffing_model", "shared") {
		return nil
	}
	return one(High, "agents", "One full-time agent cannot cover the opening hours once breaks, holidays and sickness are counted, so the service levels will be missed from the first month and the Provider starts in breach: staff at least two, or shorten the hours.")
}

// threeArbitrators: three arbitrators cost three times as much, which only
// large disputes justify.
func threeArbitrators(v view) []Finding {
	if !v.is("arbitrators", "three") {
		return nil
	}
	return one(Low, "arbitrators", "Three arbitrators cost about three times as much as one and take longer; for a small business's dispute a sole arbitrator is usually enough.")
}

// usIndex: the UK's "Consumer Prices Index" does not exist in the US,
// Ireland or Australia; each publishes its own. MEDIUM: the index decides
// how much the prices rise each year, so the wrong one changes the money.
func usIndex(v view) []Finding {
	index := v.place().Law.PriceIndex
	if index == "" || !v.visible("price_index") || !strings.Contains(strings.ToLower(v.text("price_index")), "consumer prices index") {
		return nil
	}
	return one(Medium, "price_index", "The \"Consumer Prices Index\" is the UK's index, published by the Office for National Statistics: under the law chosen name the local one, %s.", index)
}

// usStates are words that name a US state of registration.
var usStates = []string{"delaware", "new york", "california", "texas", "florida", "nevada", "illinois", "georgia", "usa", "united states"}

// limitedCompanyInAState: a private or public limited company is a UK
// or Irish form; a US state registers corporations and LLCs.
func limitedCompanyInAState(v view) []Finding {
	var out []Finding
	for _, role := range []string{"customer", "provider"} {
		entity := v.text(role + "_entity")
		if (entity != "private_limited" && entity != "public_limited") || !v.visible(role+"_incorporated") {
			continue
		}
		where := strings.ToLower(v.text(role + "_incorporated"))
		if slices.ContainsFunc(usStates, func(s string) bool { return strings.Contains(where, s) }) {
			out = append(out, one(High, role+"_entity", "%s is described as %s registered in %s, a form that US states do not register: it is probably a corporation or an LLC, and a party misdescribed in the agreement can leave it unclear who is bound.", v.text(role+"_name"), strings.ToLower(v.display(role+"_entity")), v.text(role+"_incorporated"))...)
		}
	}
	return out
}

// staffTransferOnEntry: who does the work today decides whether anyone's
// employment moves to the Provider when the service starts. Offshore, TUPE
// can still move UK staff whose work goes abroad; onshore (agents in the
// UK or the EU) a transfer on entry, from the Customer's in-house team or
// an incumbent provider, is most likely of all, and the entry clause puts
// everything before the transfer on the Customer. Both findings point at
// the agents' country, the answer that brings the rules in; the field
// "tupe" keeps its own finding for terms that are missing.
func staffTransferOnEntry(v view) []Finding {
	p := v.place()
	if !v.visible("delivery_country") || p.Site.ID == "" {
		return nil
	}
	if p.Site.StaffTransfer == "" {
		if p.Home.Region != jurisdiction.UK {
			return nil
		}
		return one(Medium, "delivery_country", "The agents will work in %s. If people in the UK do this work today (your own staff or another provider's), the UK staff transfer rules may still move them, or their claims, to the Provider, and the agreement then makes you pay for their dismissal: find out who does the work today, and ask a lawyer before signing if anyone does.", p.SiteName())
	}
	rules := "the Acquired Rights Directive"
	if p.Site.Region == jurisdiction.UK {
		rules = "TUPE"
	}
	switch {
	case v.is("tupe", answers.Yes):
		return one(Medium, "delivery_country", "The agents will work in %s, where staff transfer rules (%s) most often apply when a service starts: if people do this work today (your own staff or another provider's), their employment may move to the Provider, and the clause \"Staff transfer on entry\" makes you pay for everything arising before the move. Find out who does the work today; if another provider does, check what your contract with it says about its staff, and ask a lawyer before signing if anyone does.", p.SiteName(), rules)
	case v.is("tupe", answers.No):
		return one(Medium, "delivery_country", "The agents will work in %s, where staff transfer rules (%s) most often apply when a service starts, but the agreement says the parties do not expect them to apply then: that holds only if nobody does this work today. If your own staff or another provider's do, their employment may move to the Provider with costs the agreement does not share: find out who does the work today, and answer yes to \"Staff transfer rules (TUPE) addressed\" if anyone does.", p.SiteName(), rules)
	}
	return nil
}

// noSubprocessors: a provider running its own platform almost always uses
// other companies that see the data (telephony, CRM, surveys).
func noSubprocessors(v view) []Finding {
	if !v.is("personal_data", answers.Yes) || !v.t.Visible("approved_subprocessors", v.a) || v.has("approved_subprocessors") || !v.is("technology", "provider_platform") {
		return nil
	}
	return one(Medium, "approved_subprocessors", "The Provider supplies the phone and contact platform, but no sub-processor is approved at the start: list the companies behind it (telephony, CRM, survey tools), or the Provider is in breach of the data protection terms from the first day.")
}

// courtOfSession: in Scotland, claims of £100,000 or less must start in the
// sheriff court (Courts Reform (Scotland) Act 2014, s.39).
func courtOfSession(v view) []Finding {
	if !v.is("governing_law", "scotland") || !v.is("final_forum", "courts") || !strings.Contains(strings.ToLower(v.text("courts")), "court of session") {
		return nil
	}
	return one(Medium, "courts", "Claims of £100,000 or less must start in the sheriff court, and the parties cannot agree otherwise, so the Court of Session alone cannot hear most disputes under this agreement: name %q.", v.place().Law.Courts)
}

// subprocessorsWhereDataStays: sub-processors approved at signature are
// where the data goes; a data-location promise they break is broken on the
// first day.
func subprocessorsWhereDataStays(v view) []Finding {
	if !v.is("personal_data", answers.Yes) || !v.has("approved_subprocessors") || !v.t.Visible("approved_subprocessors", v.a) {
		return nil
	}
	where, ok := template.CountryNamedIn(v.text("approved_subprocessors"))
	if !ok {
		return nil
	}
	p := v.place()
	there := jurisdiction.For(v.text("governing_law"), v.text("customer_country"), where)
	switch {
	case v.is("data_location", "same_country") && p.Home.ID != "" && where != p.Home.ID && there.Abroad():
		return one(High, "approved_subprocessors", "The sub-processors approved at the start are in %s, but Customer Data may be stored only in %s: host them there, or allow transfers with safeguards.", there.SiteName(), p.Home.Name)
	case v.is("data_location", "uk_eea") && there.Site.Region != jurisdiction.UK && there.Site.Region != jurisdiction.EU:
		return one(High, "approved_subprocessors", "The sub-processors approved at the start are in %s, but Customer Data may be stored only in the UK or the European Economic Area.", there.SiteName())
	}
	return nil
}

// siteOperatorAbroad: a provider whose agents work in another country
// than the one it is registered in usually employs them through a local
// company. Unnamed, that
// company is forbidden by clause 2 and cannot sign the transfer
// instrument as importer, so either the Provider breaches on day one or
// the transfer rests on nothing.
func siteOperatorAbroad(v view) []Finding {
	p := v.place()
	if !v.t.Visible("site_operator", v.a) || v.has("site_operator") || !v.visible("delivery_country") || p.Site.ID == "" || p.Site.ID == "other" {
		return nil
	}
	registered, ok := template.CountryNamedIn(v.text("provider_incorporated") + " " + v.text("provider_address"))
	if !ok || registered == v.text("delivery_country") {
		return nil
	}
	return one(Medium, "site_operator", "The agents work in %s, but the Provider is registered elsewhere. If a local company (often the Provider's own subsidiary) employs the agents, name it under \"Company employing the agents\": otherwise the agreement says the Provider employs them itself, and the local company is not bound by the data terms.", p.SiteName())
}

// smallCustomerLockIn: a long term, and a set-up fee paid up front, weigh
// most on the smallest customers: a sole trader is bound personally, and a
// service of a few shared agents is a trial-sized service that may not
// last the term.
func smallCustomerLockIn(v view) []Finding {
	sole := v.is("customer_entity", "sole_trader")
	agents, ok := v.number("agents")
	small := ok && agents <= 3 && v.is("staffing_model", "shared")
	if !sole && !small {
		return nil
	}
	var out []Finding
	if days, ok := v.days("initial_term"); ok && days > 366 {
		leaving := "and you have no right to end it early without a reason"
		if v.is("convenience", "customer_only") || v.is("convenience", "either") {
			leaving = "and ending it early without a reason takes " + v.display("convenience_notice") + " of notice"
			if v.is("convenience_fee", "reasonable_costs") {
				leaving += " and the Provider's costs, up to three months' Charges"
			}
		}
		if sole {
			out = append(out, one(Medium, "initial_term", "You sign as an individual, personally bound for an initial term of %s with its minimum charges, %s (only death, permanent incapacity or ceasing to trade end it sooner at no cost). A term of 12 months or less, or a shorter notice, keeps that risk in proportion to a small business.", v.display("initial_term"), leaving)...)
		} else {
			out = append(out, one(Medium, "initial_term", "The service is %d shared %s, the size of a trial or of low volumes, but you are bound for an initial term of %s with its minimum charges, %s. A term of 12 months or less, or a shorter notice, keeps the commitment in proportion to a service this small.", agents, plural(int(agents), "agent", "agents"), v.display("initial_term"), leaving)...)
		}
	}
	return append(out, setupFeeAboveAMonth(v)...)
}

// foreignCustomerInUSCourts: the Customer must litigate abroad, and no
// treaty registers a US judgment in the UK, the EU or Australia: their
// courts generally enforce a US money judgment at common law against a
// party that submitted to the US court, but only through a fresh action
// at home. An award under the New York Convention is enforceable in both
// places without one.
func foreignCustomerInUSCourts(v view) []Finding {
	p := v.place()
	if p.Law.Region != jurisdiction.US || !v.is("final_forum", "courts") || p.Home.ID == "" || p.Home.Region == jurisdiction.US {
		return nil
	}
	homeCourts, homeForum := "the courts at home", "your own country's courts"
	if p.Home.Region == jurisdiction.UK {
		homeCourts, homeForum = "English courts", "the English courts"
	}
	return one(Medium, "final_forum", "Your business is in %s but claims go to %s: you would have to sue in the US, and a US judgment cannot simply be registered at home. %s will generally enforce a US money judgment against a party that agreed to the US court, but only through a fresh court action. Arbitration under the ICDR (International Centre for Dispute Resolution) rules seated in New York, whose award is enforceable in both countries under the New York Convention, or %s, are simpler.", p.Home.Name, v.text("courts"), template.Capitalise(homeCourts), homeForum)
}

// hoursInCustomersClock: opening hours on another country's clock serve
// callers at the wrong time of day.
func hoursInCustomersClock(v view) []Finding {
	p := v.place()
	if !v.visible("time_zone") || p.Home.ID == "" {
		return nil
	}
	if fits, known := jurisdiction.ZoneFitsCountry(p.Home.ID, v.text("time_zone")); known && !fits {
		return one(Medium, "time_zone", "The opening hours run on %q, which is not the clock of %s where your business is: your callers would reach the service at other hours than those written. State the hours in your own time zone.", v.text("time_zone"), p.Home.Name)
	}
	return nil
}

// arbitrationAtHome: between two parties registered in one country a court
// judgment is enforceable against either, and institutional arbitration
// costs a small business far more than a court claim.
func arbitrationAtHome(v view) []Finding {
	if !v.is("final_forum", "arbitration") {
		return nil
	}
	customer, ok1 := template.CountryNamedIn(v.text("customer_incorporated") + " " + v.text("customer_address"))
	provider, ok2 := template.CountryNamedIn(v.text("provider_incorporated") + " " + v.text("provider_address"))
	if !ok1 || !ok2 || customer != provider {
		return nil
	}
	return one(Medium, "final_forum", "Both parties are registered in %s, where a court judgment can be enforced against either: arbitration (under the LCIA rules, fees and the tribunal's costs often exceed £50,000) is out of proportion to most disputes of a small business. Choose the courts, or keep arbitration for claims above £100,000.", jurisdiction.SiteFor(customer).Name)
}

// quarterlyMeasurement: a quarter's average hides a disastrous month.
func quarterlyMeasurement(v view) []Finding {
	if !v.is("compliance_period", "quarterly") {
		return nil
	}
	return one(Medium, "compliance_period", "Targets are judged quarterly: one very bad month can be averaged away, the severe-miss right rarely triggers, and credits arrive months later. Judge them monthly.")
}

// accurateForecasts: a duty to give "accurate" forecasts excuses the
// Provider for any forecast error, against the forecasts clause, which
// treats them as good-faith estimates (version 1's default wording).
func accurateForecasts(v view) []Finding {
	if !strings.Contains(strings.ToLower(v.text("customer_responsibilities")), "accurate forecasts") {
		return nil
	}
	return one(Medium, "customer_responsibilities", "You promise \"Accurate forecasts\": any forecast error could then excuse the Provider from the service levels, though the forecasts clause treats forecasts as good-faith estimates. Write \"Volume forecasts as set out in the Forecasts clause\" instead.")
}
