package check

import (
	"slices"
	"strings"
	"testing"

	"pactwright/app/answers"
	"pactwright/app/draft"
	"pactwright/app/template"
	"pactwright/app/variants"
)

func example() (*template.Template, answers.Answers) {
	t := template.CallCentre()
	return t, draft.Example(t).Answers
}

func TestExampleIsComplete(t *testing.T) {
	tpl, a := example()
	r := Check(tpl, a)
	if !r.Complete() {
		t.Fatalf("example should be complete, problems: %v", r.Problems())
	}
	if r.Percent() != 100 {
		t.Errorf("Percent = %d, want 100", r.Percent())
	}
	for _, f := range r.Findings {
		if f.Severity == High {
			t.Errorf("example should have no high findings, got %q", f.Message)
		}
	}
}

func TestEmptyDraftListsEveryRequiredField(t *testing.T) {
	tpl := template.CallCentre()
	r := Check(tpl, answers.Answers{})
	if r.Complete() || r.Percent() != 0 {
		t.Fatalf("empty draft: complete=%v percent=%d", r.Complete(), r.Percent())
	}
	named := map[string]bool{}
	for _, p := range r.Problems() {
		named[p.Field] = true
		if p.Message != "is missing" {
			t.Errorf("%s: message %q, want \"is missing\"", p.Field, p.Message)
		}
	}
	for _, id := range []string{"customer_name", "effective_date", "sla_metrics", "rate", "breach_notice_hours", "provider_signatory_name"} {
		if !named[id] {
			t.Errorf("empty draft does not name %s as missing", id)
		}
	}
}

func elementOf(r Report, group, element string) Element {
	for _, g := range r.Groups {
		if g.ID != group {
			continue
		}
		for _, e := range g.Elements {
			if e.ID == element {
				return e
			}
		}
	}
	return Element{}
}

func TestElementStatus(t *testing.T) {
	tpl, base := example()
	cases := []struct {
		name           string
		change         func(answers.Answers)
		group, element string
		want           Status
		wantProblem    string
	}{
		{"cards off is not applicable", func(a answers.Answers) {}, "confidentiality", "cards", NotApplicable, ""},
		{"cards on is complete with defaults", func(a answers.Answers) { a["card_payments"] = answers.Value{Text: "yes"} }, "confidentiality", "cards", Complete, ""},
		{"cards on without PCI answer", func(a answers.Answers) {
			a["card_payments"] = answers.Value{Text: "yes"}
			delete(a, "pci_dss")
		}, "confidentiality", "cards", Incomplete, "Provider complies with PCI DSS: is missing"},
		{"outbound off", func(a answers.Answers) {}, "scope", "outbound", NotApplicable, ""},
		{"bad number", func(a answers.Answers) { a["breach_cure_days"] = answers.Value{Text: "thirty"} }, "termination", "breach", Incomplete, "\"thirty\" is not a whole number"},
		{"absurd number", func(a answers.Answers) { a["agents"] = answers.Value{Text: "-4"} }, "scope", "staffing", Incomplete, "too small"},
		{"bad date", func(a answers.Answers) { a["effective_date"] = answers.Value{Text: "31/12/2026"} }, "parties", "term", Incomplete, "not a date"},
		{"agents in the US have no TUPE", func(a answers.Answers) {
			a["delivery_country"] = answers.Value{Text: "us"}
		}, "termination", "tupe", NotApplicable, ""},
		{"arbitration needs a seat", func(a answers.Answers) {
			a["final_forum"] = answers.Value{Text: "arbitration"}
			delete(a, "arbitration_seat")
		}, "disputes", "forum", Incomplete, "Seat of arbitration (city): is missing"},
		{"empty SLA table", func(a answers.Answers) { a["sla_metrics"] = answers.Value{} }, "service_levels", "metrics", Incomplete, "Service level targets: is missing"},
	}
	for _, c := range cases {
		a := base.Clone()
		c.change(a)
		e := elementOf(Check(tpl, a), c.group, c.element)
		if e.Status != c.want {
			t.Errorf("%s: status %q, want %q (problems %v)", c.name, e.Status, c.want, e.Problems)
			continue
		}
		if c.wantProblem != "" {
			var got []string
			for _, p := range e.Problems {
				got = append(got, p.String())
			}
			if !strings.Contains(strings.Join(got, "; "), c.wantProblem) {
				t.Errorf("%s: problems %q, want one containing %q", c.name, got, c.wantProblem)
			}
		}
	}
}

func TestGroupStatusCountsMissingElements(t *testing.T) {
	tpl, a := example()
	delete(a, "customer_name")
	delete(a, "effective_date")
	r := Check(tpl, a)
	if g := r.Groups[0]; g.Status != Incomplete || g.Missing != 2 {
		t.Errorf("Parties & Term: status %s missing %d, want incomplete with 2", g.Status, g.Missing)
	}
	if FieldProblem(tpl, a, "customer_name") != "is missing" {
		t.Errorf("FieldProblem(customer_name) = %q", FieldProblem(tpl, a, "customer_name"))
	}
	if FieldProblem(tpl, a, "provider_name") != "" {
		t.Error("provider_name should have no problem")
	}
}

func TestFindings(t *testing.T) {
	tpl, base := example()
	cases := []struct {
		name     string
		change   func(answers.Answers)
		field    string
		severity Severity
		contains string
	}{
		{"short termination notice", func(a answers.Answers) {
			a["convenience_notice"] = answers.Value{Text: "30", Unit: "days"}
		}, "convenience_notice", Medium, "shorter than the exit assistance period"},
		{"credit cap too high", func(a answers.Answers) { a["credit_cap"] = answers.Value{Text: "35"} }, "credit_cap", Medium, "above the 5–20%"},
		{"credit cap missing", func(a answers.Answers) { delete(a, "credit_cap") }, "credit_cap", High, "no cap"},
		{"slow breach notice", func(a answers.Answers) { a["breach_notice_hours"] = answers.Value{Text: "96"} }, "breach_notice_hours", High, "72 hours"},
		{"cards without PCI", func(a answers.Answers) {
			a["card_payments"] = answers.Value{Text: "yes"}
			a["pci_dss"] = answers.Value{Text: "no"}
		}, "pci_dss", High, "PCI DSS"},
		{"recording without consent", func(a answers.Answers) { a["recording_consent"] = answers.Value{Text: "no"} }, "recording_consent", High, "not told"},
		{"abandonment far too high", func(a answers.Answers) {
			a["sla_metrics"] = answers.Value{Rows: []answers.Row{{"metric": "abandonment", "target": "15", "unit": "percent", "window": "monthly", "credit": "2"}}}
		}, "sla_metrics", Medium, "looser than agreements usually allow"},
		{"ASA of 300 seconds", func(a answers.Answers) {
			a["sla_metrics"] = answers.Value{Rows: []answers.Row{{"metric": "asa", "target": "300", "unit": "seconds", "window": "monthly", "credit": "2"}}}
		}, "sla_metrics", Medium, "300 seconds"},
		{"seat abroad", func(a answers.Answers) {
			a["final_forum"] = answers.Value{Text: "arbitration"}
			a["arbitration_country"] = answers.Value{Text: "singapore"}
		}, "arbitration_country", Medium, "different country"},
		{"interest too high", func(a answers.Answers) { a["late_interest_rate"] = answers.Value{Text: "2.5"} }, "late_interest_rate", Medium, "about 30.0% a year"},
		{"long non-solicitation", func(a answers.Answers) { a["non_solicit_months"] = answers.Value{Text: "36"} }, "non_solicit_months", Medium, "36 months"},
		{"UK law without TUPE", func(a answers.Answers) { a["tupe"] = answers.Value{Text: "no"} }, "tupe", High, "TUPE"},
		{"outbound without compliance", func(a answers.Answers) {
			a["channels"] = answers.Value{Items: []string{"outbound_voice"}}
			a["outbound_compliance"] = answers.Value{Text: "no"}
		}, "outbound_compliance", High, "do-not-call"},
		{"impossible chronic failure", func(a answers.Answers) { a["chronic_months"] = answers.Value{Text: "8"} }, "chronic_months", Medium, "can never happen"},
		{"mixed currencies", func(a answers.Answers) { a["setup_fee"] = answers.Value{Text: "100", Unit: "USD"} }, "setup_fee", Medium, "one currency"},
		{"courts do not match law", func(a answers.Answers) { a["governing_law"] = answers.Value{Text: "us_delaware"} }, "courts", High, "do not match"},
		{"Scottish courts under Delaware law", func(a answers.Answers) {
			a["governing_law"] = answers.Value{Text: "us_delaware"}
			a["courts"] = answers.Value{Text: "the courts of Scotland"}
		}, "courts", High, "do not match"},
		{"percentage above 100", func(a answers.Answers) {
			a["sla_metrics"] = answers.Value{Rows: []answers.Row{{"metric": "abandonment", "target": "150", "unit": "percent", "window": "monthly", "credit": "2"}}}
		}, "sla_metrics", High, "cannot exceed 100"},
	}
	for _, c := range cases {
		a := base.Clone()
		c.change(a)
		var hit *Finding
		fs := Findings(tpl, a)
		for i := range fs {
			if fs[i].Field == c.field && strings.Contains(fs[i].Message, c.contains) {
				hit = &fs[i]
			}
		}
		if hit == nil {
			t.Errorf("%s: no finding on %s containing %q; got %+v", c.name, c.field, c.contains, fs)
			continue
		}
		if hit.Severity != c.severity {
			t.Errorf("%s: severity %s, want %s", c.name, hit.Severity, c.severity)
		}
	}
	// Matching courts and law, and Northern Ireland read as itself, raise nothing.
	for law, courts := range map[string]string{"northern_ireland": "the courts of Northern Ireland", "us_new_york": "the state and federal courts in New York County"} {
		a := base.Clone()
		a["governing_law"] = answers.Value{Text: law}
		a["courts"] = answers.Value{Text: courts}
		for _, f := range Findings(tpl, a) {
			if f.Field == "courts" {
				t.Errorf("%s with %q: unexpected finding %q", law, courts, f.Message)
			}
		}
	}
	// An invalid value is reported by the checklist, not doubled as a finding.
	a0 := base.Clone()
	a0["credit_cap"] = answers.Value{Text: "-5"}
	for _, f := range Findings(tpl, a0) {
		if f.Field == "credit_cap" {
			t.Errorf("finding on an invalid credit cap: %q", f.Message)
		}
	}
	// Hidden fields never trigger findings: recording consent "no" while calls are not recorded.
	a := base.Clone()
	a["call_recording"] = answers.Value{Text: "no"}
	a["recording_consent"] = answers.Value{Text: "no"}
	for _, f := range Findings(tpl, a) {
		if f.Field == "recording_consent" {
			t.Errorf("finding on a hidden field: %q", f.Message)
		}
	}
}

func BenchmarkCheck(b *testing.B) {
	tpl, a := example()
	b.ReportAllocs()
	for b.Loop() {
		Check(tpl, a)
	}
}

// TestFindingsNameOnlyRealFields: a rule that reads a field the template
// lacks is reported, so a typo cannot make a rule silently never fire.
func TestFindingsNameOnlyRealFields(t *testing.T) {
	tpl := template.CallCentre()
	var drafts []answers.Answers
	for _, d := range variants.Matrix(tpl) {
		drafts = append(drafts, d.Answers)
	}
	if unknown := UnknownFields(tpl, drafts); len(unknown) > 0 {
		t.Errorf("findings name unknown fields: %v", unknown)
	}
	// Without the field "tupe" the TUPE rule names a field that is gone.
	groups := slices.Clone(tpl.Groups)
	for i := range groups {
		g := &groups[i]
		g.Fields = slices.DeleteFunc(slices.Clone(g.Fields), func(f template.Field) bool { return f.ID == "tupe" })
		els := slices.Clone(g.Elements)
		for j := range els {
			els[j].Fields = slices.DeleteFunc(slices.Clone(els[j].Fields), func(id string) bool { return id == "tupe" })
		}
		g.Elements = els
	}
	smaller, err := template.Build(&template.Template{ID: tpl.ID, Version: tpl.Version, Groups: groups})
	if err != nil {
		t.Fatal(err)
	}
	if got := UnknownFields(smaller, drafts); !slices.Contains(got, "tupe") {
		t.Errorf("UnknownFields = %v, want it to name tupe", got)
	}
}
