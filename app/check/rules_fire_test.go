package check

import (
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"pactwright/app/answers"
	"pactwright/app/draft"
	"pactwright/app/template"
)

// ruleCase is one way of making a finding rule fire: edits applied to the
// worked example, and the field and words of the finding that must appear.
type ruleCase struct {
	name  string
	edits answers.Answers
	field string
	says  string
}

func text(s string) answers.Value             { return answers.Value{Text: s} }
func span(n, unit string) answers.Value       { return answers.Value{Text: n, Unit: unit} }
func items(ids ...string) answers.Value       { return answers.Value{Items: ids} }
func metric(row answers.Row) answers.Value    { return answers.Value{Rows: []answers.Row{row}} }
func amount(n, currency string) answers.Value { return answers.Value{Text: n, Unit: currency} }

func ruleCases() []ruleCase {
	return []ruleCase{
		{"convenience notice shorter than exit", answers.Answers{"exit_period": span("6", "months"), "convenience_notice": span("30", "days")},
			"convenience_notice", "shorter than the exit assistance period"},
		{"non-renewal notice shorter than exit", answers.Answers{"exit_period": span("6", "months"), "non_renewal_notice": span("30", "days")},
			"non_renewal_notice", "shorter than the exit assistance period"},
		{"no service credits", answers.Answers{"service_credits": text(answers.No)},
			"service_credits", "no service credits"},
		{"credit cap above usual", answers.Answers{"service_credits": text(answers.Yes), "credit_cap": text("35")},
			"credit_cap", "above the 5–20%"},
		{"late breach notice", answers.Answers{"personal_data": text(answers.Yes), "breach_notice_hours": text("96")},
			"breach_notice_hours", ""},
		{"cards without PCI DSS", answers.Answers{"card_payments": text(answers.Yes), "pci_dss": text(answers.No)},
			"pci_dss", "PCI DSS"},
		{"recording without notice", answers.Answers{"call_recording": text(answers.Yes), "recording_consent": text(answers.No)},
			"recording_consent", "callers are not told"},
		{"percentage over 100", answers.Answers{"sla_metrics": metric(answers.Row{"metric": "service_level", "target": "120", "unit": "percent", "window": "monthly", "credit": "3"})},
			"sla_metrics", "cannot exceed 100"},
		{"arbitration seat abroad", answers.Answers{"governing_law": text("england_wales"), "final_forum": text("arbitration"), "arbitration_country": text("us")},
			"arbitration_country", "different country"},
		{"courts of another law", answers.Answers{"governing_law": text("england_wales"), "final_forum": text("courts"), "courts": text("the courts of Delaware")},
			"courts", "do not match the governing law"},
		{"high late interest", answers.Answers{"late_interest_basis": text("monthly_rate"), "late_interest_rate": text("4")},
			"late_interest_rate", "above the usual"},
		{"long no-poaching period", answers.Answers{"non_solicit_months": text("36")},
			"non_solicit_months", "longer than courts usually enforce"},
		{"no TUPE under UK law", answers.Answers{"governing_law": text("england_wales"), "tupe": text(answers.No)},
			"tupe", "staff transfer"},
		{"outbound without telemarketing rules", answers.Answers{"channels": items("inbound_voice", "outbound_voice"), "outbound_compliance": text(answers.No)},
			"outbound_compliance", "telemarketing rules"},
		{"chronic failure that cannot happen", answers.Answers{"termination_rights": items("chronic_failure"), "chronic_months": text("7"), "chronic_window": text("6")},
			"chronic_months", "can never happen"},
		{"two currencies", answers.Answers{"rate": amount("24.50", "USD")},
			"", "in one currency"},
		{"same legal name twice", answers.Answers{"customer_name": text("Acme Ltd"), "provider_name": text("ACME LTD")},
			"provider_name", "same legal name"},
		{"work abroad, data at home", answers.Answers{"personal_data": text(answers.Yes), "offshore": text("allowed"), "data_location": text("same_country")},
			"offshore", "conflict"},
		{"price cap above usual", answers.Answers{"price_cap": text("12")},
			"price_cap", "a cap of 3–5% is more usual"},
		// Remedies and exit (findings_terms.go); findings_substance_test.go has more.
		{"credits below the cap", answers.Answers{"credit_cap": text("20")},
			"sla_metrics", "below the 20% cap"},
		{"critical measure without a credit", answers.Answers{"sla_metrics": metric(answers.Row{"metric": "service_level", "target": "80", "unit": "percent", "window": "monthly", "credit": "0", "severe": "60"})},
			"sla_metrics", "marked critical but earns no credit"},
		{"hand-back after exit help ends", answers.Answers{"exit_period": span("1", "months"),
			"exit_items": {Rows: []answers.Row{{"item": "Knowledge transfer to the new provider", "format": "Workshops", "days": "60"}}}},
			"exit_items", "exit assistance lasts only 1 month"},
		// The place (findings_place.go).
		{"data at home, agents abroad", answers.Answers{"delivery_country": text("philippines"), "data_location": text("same_country")},
			"data_location", "the agents work in the Philippines"},
		{"work at home, agents abroad", answers.Answers{"delivery_country": text("india"), "offshore": text("onshore_only"), "data_location": text("with_safeguards")},
			"offshore", "the agents work in India"},
		{"currency of another law", answers.Answers{"governing_law": text("us_new_york"), "courts": text("the courts of New York")},
			"rate", "contracts in USD"},
		{"mediator of another law", answers.Answers{"governing_law": text("us_texas"), "courts": text("the courts of Texas")},
			"mediation_provider", "not a mediation service usually used"},
		{"time zone of another law", answers.Answers{"governing_law": text("us_delaware"), "courts": text("the courts of Delaware")},
			"time_zone", "not the time zone of the governing law's place"},
		{"provider abroad without an agent for service", answers.Answers{"delivery_country": text("south_africa"), "provider_incorporated": text("South Africa"), "provider_address": text("1 Long Street, Cape Town, South Africa")},
			"process_agent", "name an agent there"},
		{"offshore provider sued in home courts", answers.Answers{"delivery_country": text("india"), "final_forum": text("courts"), "provider_incorporated": text("India"), "provider_address": text("Hinjewadi, Pune, India")},
			"final_forum", "enforceable in most countries under the New York Convention"},
		{"notices by post only", answers.Answers{"notice_methods": items("post")},
			"notice_methods", "only be sent by recorded post"},
		{"quarterly targets with a chronic failure that cannot happen", answers.Answers{"compliance_period": text("quarterly"), "chronic_months": text("3"), "chronic_window": text("6")},
			"chronic_months", "at most 2 quarters end within 6 consecutive months"},
		{"provider may leave without a reason", answers.Answers{"convenience": text("either")},
			"convenience", "The Provider, too, may end the agreement"},
		{"another legal system", answers.Answers{"governing_law": text("other"), "governing_law_other": text("Ontario, Canada")},
			"governing_law", "have not been fitted to that law"},
		{"customer in an unknown country", answers.Answers{"customer_country": text("other")},
			"customer_country", "the data protection terms name no law"},
		{"US customer silent on Californians", answers.Answers{"governing_law": text("us_new_york"), "customer_country": text("us"), "delivery_country": text("us")},
			"california_consumers", "yearly revenue above US$26,625,000 (2025 figure, adjusted every two years)"},
		// Round 11: under California law the terms are conditional too, so the finding says when they apply.
		{"Californian customer silent on Californians", answers.Answers{"governing_law": text("us_california"), "courts": text("the courts of California"), "customer_country": text("us"), "delivery_country": text("us")},
			"california_consumers", "The agreement includes its service-provider terms to the extent that law applies"},
		{"earn-back", answers.Answers{"earn_back": text(answers.Yes)},
			"earn_back", "Earn-back lets the Provider"},
		{"UK index in a US deal", answers.Answers{"governing_law": text("us_new_york"), "courts": text("the courts of New York")}, "price_index", "CPI-U"},
		{"limited company in a US state", answers.Answers{"customer_incorporated": text("Delaware")}, "customer_entity", "US states do not register"},
		{"UK customer, agents offshore", answers.Answers{"delivery_country": text("india"), "data_location": text("with_safeguards")}, "delivery_country", "UK staff transfer rules may still"},
		{"no critical measure", answers.Answers{"sla_metrics": metric(answers.Row{"metric": "asa", "target": "30", "unit": "seconds", "window": "monthly", "credit": "2"})}, "sla_metrics", "No service level is critical"},
		{"provider's platform, no sub-processors", answers.Answers{"technology": text("provider_platform"), "approved_subprocessors": text("")}, "approved_subprocessors", "no sub-processor is approved"},
		{"sub-processors abroad, data kept at home", answers.Answers{"approved_subprocessors": text("Talkwise Inc: telephony, hosted in the United States.")}, "approved_subprocessors", "may be stored only in the United Kingdom"},
		{"Court of Session alone", answers.Answers{"governing_law": text("scotland"), "courts": text("the Court of Session in Edinburgh")}, "courts", "sheriff court"},
		// Jurisdiction, party type and migration (round 5 of the legal review).
		{"Australian company with a UK number", answers.Answers{"customer_incorporated": text("New South Wales"), "customer_company_number": text("09876543")},
			"customer_company_number", "a nine-digit ACN"},
		{"ACN whose check digit fails", answers.Answers{"customer_incorporated": text("New South Wales"), "customer_company_number": text("609824135")},
			"customer_company_number", "whose last digit checks the others"},
		{"sole trader for three years", answers.Answers{"customer_entity": text("sole_trader"), "initial_term": span("36", "months")},
			"initial_term", "You sign as an individual"},
		{"UK customer in New York courts", answers.Answers{"governing_law": text("us_new_york"), "courts": text("the state and federal courts located in New York County, New York")},
			"final_forum", "English courts will generally enforce a US money judgment against a party that agreed to the US court, but only through a fresh court action"},
		{"hours on another country's clock", answers.Answers{"time_zone": text("US Eastern Time (ET)")}, "time_zone", "not the clock of the United Kingdom"},
		{"arbitration between two UK companies", answers.Answers{"final_forum": text("arbitration"), "arbitration_rules": text("lcia"), "arbitration_seat": text("London"), "arbitration_country": text("uk")},
			"final_forum", "Both parties are registered in the United Kingdom"},
		{"targets judged quarterly", answers.Answers{"compliance_period": text("quarterly")}, "compliance_period", "one very bad month can be averaged away"},
		{"earn-back judged quarterly", answers.Answers{"earn_back": text(answers.Yes), "compliance_period": text("quarterly")}, "earn_back", "the next two calendar quarters (six months)"},
		{"accurate forecasts promised", answers.Answers{"customer_responsibilities": text("Accurate forecasts; access to the Customer's systems.")},
			"customer_responsibilities", "any forecast error could then excuse the Provider"},
		{"English courts under New York law", answers.Answers{"governing_law": text("us_new_york")}, "courts", "do not match the governing law"},
		{"UK index in an Irish deal", answers.Answers{"governing_law": text("ireland"), "courts": text("the courts of Ireland")}, "price_index", "Central Statistics Office"},
		{"one agent", answers.Answers{"agents": text("1")}, "agents", "One full-time agent cannot cover"},
		{"three arbitrators", answers.Answers{"final_forum": text("arbitration"), "arbitrators": text("three")}, "arbitrators", "Three arbitrators cost"},
		{"measured monthly, judged quarterly", answers.Answers{"compliance_period": text("quarterly"), "chronic_months": text("2")},
			"sla_metrics", "use one period"},
		{"sole trader signed for by someone else", answers.Answers{"customer_entity": text("sole_trader"), "customer_name": text("Amira Haddad"), "customer_signatory_name": text("Daniel Okafor")},
			"customer_signatory_name", "signs personally"},
		{"Scottish company with an English number", answers.Answers{"customer_incorporated": text("Scotland"), "customer_company_number": text("09876543")},
			"customer_company_number", "SC followed by six digits"},
		{"limited company named as an LLC", answers.Answers{"customer_entity": text("llc"), "customer_incorporated": text("Delaware"), "customer_name": text("Brightside Home Goods Ltd")},
			"customer_name", `ends in "Ltd"`},
		{"agents abroad, no local employer named", answers.Answers{"delivery_country": text("philippines"), "delivery_sites": text("Ayala Avenue, Makati City, Philippines"), "data_location": text("with_safeguards")},
			"site_operator", "name it under \"Company employing the agents\""},
		{"New York law, nobody in New York", answers.Answers{"governing_law": text("us_new_york"), "final_forum": text("courts"), "courts": text("the state and federal courts in New York County")},
			"governing_law", "sections 5-1401 and 5-1402"},
		noticeLongerThanTermCase,
		// Round 7 of the legal review.
		{"UK agents, no staff transfer terms", answers.Answers{"tupe": text(answers.No)}, "delivery_country", "that holds only if nobody does this work today"},
		{"Irish agents, staff transfer on entry", answers.Answers{"delivery_country": text("ireland"), "data_location": text("uk_eea")}, "delivery_country", "where staff transfer rules (the Acquired Rights Directive) most often apply"},
		{"automatic renewal, 60 days' notice", answers.Answers{"non_renewal_notice": span("60", "days")}, "non_renewal_notice", "renews itself for 12 months at a time unless a party gives notice at least 60 days before"},
		{"three shared agents for three years", answers.Answers{"staffing_model": text("shared"), "agents": text("3")}, "initial_term", "The service is 3 shared agents"},
		{"set-up fee above a month for two shared agents", answers.Answers{"staffing_model": text("shared"), "agents": text("2"), "pricing_model": text("per_fte_month"), "rate": amount("2450.00", "GBP"), "initial_term": span("12", "months")},
			"setup_fee", "The one-off set-up fee (£5,000.00) is more than a whole month's charges (£4,900.00)"},
		{"uncapped indemnities, small cyber insurance", answers.Answers{"uncapped": items("fraud", "death_injury", "indemnities"), "insurance_cyber": amount("250000", "GBP")},
			"insurance_cyber", "cyber insurance (£250,000) is less than the data protection limit would be (at least £500,000)"},
		{"indemnity limit answered but unlimited", answers.Answers{"uncapped": items("fraud", "death_injury", "indemnities")}, "indemnity_cap", "has no effect"},
		{"agents abroad, transfer instrument to sign", answers.Answers{"delivery_country": text("philippines"), "offshore": text("with_consent"), "data_location": text("with_safeguards")}, "delivery_country", "you must sign the International Data Transfer Agreement"},
		{"extras per agent hour, price per contact", answers.Answers{"pricing_model": text("per_contact")}, "additional_services", "agent hours are neither counted nor invoiced under that price"},
	}
}

// defaultCase is a finding the worked example has itself, because the
// term it is about is the usual default; quiet takes that term away.
type defaultCase struct {
	name  string
	field string
	says  string
	quiet answers.Answers
}

func defaultCases() []defaultCase {
	return []defaultCase{
		{"UK agents, staff transfer on entry", "delivery_country", "the clause \"Staff transfer on entry\" makes you pay for everything arising before the move",
			answers.Answers{"delivery_country": text("us"), "governing_law": text("us_delaware"), "courts": text("the courts of Delaware"), "customer_country": text("us")}},
		{"automatic renewal", "non_renewal_notice", "renews itself", answers.Answers{"renewal": text("customer_option")}},
		{"loss of profit excluded both ways", "exclude_indirect", "Loss of profit is excluded for both parties", answers.Answers{"exclude_indirect": text(answers.No)}},
	}
}

// quietCase is a draft close to a fire case on which the rule must stay
// silent, because the risk is not there.
type quietCase struct {
	name  string
	edits answers.Answers
	field string
	says  string
}

func quietCases() []quietCase {
	return []quietCase{
		{"US agents for a US customer", answers.Answers{"delivery_country": text("us"), "governing_law": text("us_delaware"), "courts": text("the courts of Delaware"), "customer_country": text("us")}, "", "who does the work today"},
		{"renewal at the Customer's option", answers.Answers{"renewal": text("customer_option")}, "", "renews itself"},
		{"three dedicated agents", answers.Answers{"staffing_model": text("dedicated"), "agents": text("3")}, "initial_term", ""},
		{"four shared agents", answers.Answers{"staffing_model": text("shared"), "agents": text("4")}, "initial_term", ""},
		// A shared team promises capacity covering every hour (round 8).
		{"one shared agent's capacity", answers.Answers{"staffing_model": text("shared"), "agents": text("1")}, "agents", ""},
		{"two shared agents paid by the hour", answers.Answers{"staffing_model": text("shared"), "agents": text("2")}, "setup_fee", ""},
		{"set-up fee below a month", answers.Answers{"staffing_model": text("shared"), "agents": text("3"), "pricing_model": text("per_fte_month"), "rate": amount("2450.00", "GBP")}, "setup_fee", ""},
		{"set-up fee above a month, but ten agents", answers.Answers{"pricing_model": text("fixed_monthly"), "rate": amount("1000.00", "GBP")}, "setup_fee", ""},
		{"uncapped indemnities, insurance above the limit", answers.Answers{"uncapped": items("fraud", "death_injury", "indemnities")}, "", "balance sheet"},
		{"extras per agent hour, price per agent hour", answers.Answers{"pricing_model": text("per_fte_month")}, "additional_services", ""},
		{"extras per contact, price per contact", answers.Answers{"pricing_model": text("per_contact"), "additional_services": metric(answers.Row{"service": "Each additional language", "price": "0.40", "basis": "per contact, on top of the main rate"})}, "additional_services", ""},
	}
}

// TestRulesStayQuiet: each quiet case raises no finding on its field
// saying its words.
func TestRulesStayQuiet(t *testing.T) {
	tpl := template.CallCentre()
	for _, c := range quietCases() {
		rc := ruleCase{c.name, c.edits, c.field, c.says}
		for _, f := range Findings(tpl, rc.apply(tpl)) {
			if (c.field == "" || f.Field == c.field) && strings.Contains(f.Message, c.says) {
				t.Errorf("%s: unexpected finding on %s: %s", c.name, f.Field, f.Message)
			}
		}
	}
}

// TestDefaultTermFindings: a finding about a default term is on the
// worked example and goes once the term is changed.
func TestDefaultTermFindings(t *testing.T) {
	tpl := template.CallCentre()
	for _, c := range defaultCases() {
		match := func(f Finding) bool { return f.Field == c.field && strings.Contains(f.Message, c.says) }
		if !slices.ContainsFunc(Findings(tpl, draft.Example(tpl).Answers), match) {
			t.Errorf("%s: the worked example lacks the finding on %s saying %q", c.name, c.field, c.says)
		}
		quiet := ruleCase{c.name, c.quiet, c.field, c.says}
		if got := Findings(tpl, quiet.apply(tpl)); slices.ContainsFunc(got, match) {
			t.Errorf("%s: still fires with %v", c.name, c.quiet)
		}
	}
}

// allCases are the fire cases and the default-term cases, each as the
// edits that make the rule fire.
func allCases() []ruleCase {
	out := ruleCases()
	for _, c := range defaultCases() {
		out = append(out, ruleCase{c.name, nil, c.field, c.says})
	}
	return out
}

// apply returns the example's answers with edits made.
func (c ruleCase) apply(tpl *template.Template) answers.Answers {
	a := draft.Example(tpl).Answers.Clone()
	for id, v := range c.edits {
		a[id] = v
	}
	return a
}

// TestEachRuleFires: every case produces its finding, which the worked
// example alone does not.
func TestEachRuleFires(t *testing.T) {
	tpl := template.CallCentre()
	before := Findings(tpl, draft.Example(tpl).Answers)
	for _, c := range ruleCases() {
		t.Run(c.name, func(t *testing.T) {
			for id := range c.edits {
				if _, ok := tpl.Field(id); !ok {
					t.Fatalf("the case edits %q, which is not a field", id)
				}
			}
			match := func(f Finding) bool {
				return (c.field == "" || f.Field == c.field) && strings.Contains(f.Message, c.says)
			}
			if slices.ContainsFunc(before, match) {
				t.Fatalf("the worked example already has this finding: %+v", before)
			}
			got := Findings(tpl, c.apply(tpl))
			if !slices.ContainsFunc(got, match) {
				t.Errorf("no finding on %q saying %q; findings: %+v", c.field, c.says, got)
			}
		})
	}
}

// TestEveryRuleHasACase: each rule in the list fires for at least one
// case above, so a new rule without a test that makes it fire fails here.
func TestEveryRuleHasACase(t *testing.T) {
	tpl := template.CallCentre()
	for _, r := range rules() {
		name := runtime.FuncForPC(reflect.ValueOf(r).Pointer()).Name()
		fired := slices.ContainsFunc(allCases(), func(c ruleCase) bool {
			return len(r(view{t: tpl, a: c.apply(tpl)})) > 0
		})
		if !fired {
			t.Errorf("rule %s fires for none of the cases in ruleCases or defaultCases", name)
		}
	}
}
