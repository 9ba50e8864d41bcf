package check

import (
	"strings"
	"testing"

	"pactwright/app/answers"
)

// substanceCase is a draft built to trigger one finding about whether the
// remedies, the exit and the place-specific terms actually work.
type substanceCase struct {
	name     string
	change   func(answers.Answers)
	field    string
	severity Severity
	contains string
}

// slaRow is a service level row; a severe-miss level makes it critical.
func slaRow(metric, target, unit, credit, severe string) answers.Row {
	r := answers.Row{"metric": metric, "target": target, "unit": unit, "window": "monthly", "credit": credit}
	if severe != "" {
		r["severe"] = severe
	}
	return r
}

func runSubstanceCases(t *testing.T, cases []substanceCase) {
	t.Helper()
	tpl, base := example()
	for _, c := range cases {
		a := base.Clone()
		c.change(a)
		fs := Findings(tpl, a)
		var hit *Finding
		for i := range fs {
			if fs[i].Field == c.field && strings.Contains(fs[i].Message, c.contains) {
				hit = &fs[i]
			}
		}
		switch {
		case hit == nil:
			t.Errorf("%s: no finding on %s containing %q; got %+v", c.name, c.field, c.contains, fs)
		case hit.Severity != c.severity:
			t.Errorf("%s: severity %s, want %s", c.name, hit.Severity, c.severity)
		}
		// The same finding must not fire on the example itself.
		for _, f := range Findings(tpl, base) {
			if f.Field == c.field && strings.Contains(f.Message, c.contains) {
				t.Errorf("%s: fires on the example too: %q", c.name, f.Message)
			}
		}
	}
}

func TestServiceLevelRemedyFindings(t *testing.T) {
	runSubstanceCases(t, []substanceCase{
		{"credits cannot reach the cap", func(a answers.Answers) {
			// The seed's trap: 3+2+2+1+1+1+1 = 11% against a 20% cap.
			a["credit_cap"] = answers.Value{Text: "20"}
			a["sla_metrics"] = answers.Value{Rows: []answers.Row{
				slaRow("service_level", "80", "percent", "3", "60"), slaRow("asa", "30", "seconds", "2", ""),
				slaRow("abandonment", "5", "percent", "2", ""), slaRow("fcr", "75", "percent", "1", ""),
				slaRow("qa_score", "85", "percent", "1", ""), slaRow("csat", "85", "percent", "1", ""),
				slaRow("email_response", "24", "hours", "1", ""),
			}}
		}, "sla_metrics", Medium, "the credits add up to 11% of a month's fees, below the 20% cap"},
		{"chronic credit threshold above the cap", func(a answers.Answers) {
			a["chronic_credit_share"] = answers.Value{Text: "12"}
		}, "chronic_credit_share", High, "can never be met"},
		{"critical measure without a credit", func(a answers.Answers) {
			rows := a["sla_metrics"].Clone().Rows
			rows[0]["credit"] = "0"
			a["sla_metrics"] = answers.Value{Rows: rows}
		}, "sla_metrics", Medium, "Row 1 is marked critical but earns no credit"},
	})
}

func TestExitFindings(t *testing.T) {
	runSubstanceCases(t, []substanceCase{
		{"schedule returns data later than the clause", func(a answers.Answers) {
			rows := a["exit_items"].Clone().Rows
			rows[0]["days"] = "45"
			a["exit_items"] = answers.Value{Rows: rows}
		}, "exit_items", Medium, "gives 45 days for \"Customer Data and contact history\", but the data protection clause says 30 days"},
		{"hand-back after exit assistance ends", func(a answers.Answers) {
			a["exit_period"] = answers.Value{Text: "1", Unit: "months"}
			a["exit_items"] = answers.Value{Rows: []answers.Row{{"item": "Knowledge transfer to the new provider", "format": "Workshops", "days": "60"}}}
		}, "exit_items", Medium, "exit assistance lasts only 1 month"},
		{"data returned after exit assistance", func(a answers.Answers) {
			a["exit_period"] = answers.Value{Text: "1", Unit: "months"}
			a["data_return_days"] = answers.Value{Text: "45"}
		}, "data_return_days", Medium, "after exit assistance (1 month) has finished"},
	})
}

func TestPlaceFindings(t *testing.T) {
	set := func(kv ...string) func(answers.Answers) {
		return func(a answers.Answers) {
			for i := 0; i < len(kv); i += 2 {
				a[kv[i]] = answers.Value{Text: kv[i+1]}
			}
		}
	}
	runSubstanceCases(t, []substanceCase{
		{"data kept at home, agents in Makati", set("delivery_country", "philippines", "data_location", "same_country"),
			"data_location", High, "the agents work in the Philippines"},
		{"data kept in the UK or EEA, agents in India", set("delivery_country", "india", "data_location", "uk_eea"),
			"data_location", High, "the agents work in India"},
		{"work kept at home, agents in South Africa", set("delivery_country", "south_africa", "offshore", "onshore_only", "process_agent", "Harbour Process Agents Ltd"),
			"offshore", Medium, "the agents work in South Africa"},
		{"dollars under English law", func(a answers.Answers) { a["rate"] = answers.Value{Text: "30", Unit: "USD"} },
			"rate", Low, "contracts in GBP"},
		{"CEDR under New York law", set("governing_law", "us_new_york", "courts", "the courts of New York"),
			"mediation_provider", Low, "not a mediation service usually used"},
		{"UK clock under Texas law", set("governing_law", "us_texas", "courts", "the courts of Texas"),
			"time_zone", Low, "not the time zone of the governing law's place"},
		{"provider abroad sued at home with no agent", set("delivery_country", "south_africa", "provider_incorporated", "South Africa", "provider_address", "1 Long Street, Cape Town, South Africa"),
			"process_agent", Medium, "name an agent there to receive court papers"},
		{"agents in the EU without staff transfer terms", set("governing_law", "us_delaware", "courts", "the courts of Delaware", "delivery_country", "eu", "tupe", "no"),
			"tupe", High, "Acquired Rights Directive"},
	})
	// An agent named, or agents at home, raise nothing about service.
	tpl, base := example()
	for _, change := range []func(answers.Answers){
		set("delivery_country", "south_africa", "process_agent", "Harbour Process Agents Ltd, London"),
		set("delivery_country", "uk"),
	} {
		a := base.Clone()
		change(a)
		for _, f := range Findings(tpl, a) {
			if f.Field == "process_agent" {
				t.Errorf("unexpected finding %q", f.Message)
			}
		}
	}
}
