package template

import (
	"fmt"
	"slices"
	"strings"

	"pactwright/app/answers"
)

// migration brings answers saved under template version from to from+1. It
// runs after the generic step that gives every field added in from+1 its
// default, and only has to handle what a default cannot: a new table
// column, or a new field whose right value follows from older answers.
type migration struct {
	from int
	step func(a answers.Answers)
}

// migrations lists every step, oldest first. Steps are never edited once
// released: a draft saved years ago must still arrive where it would have.
func migrations() []migration {
	return []migration{
		{from: 1, step: migrateV1},
	}
}

// Migrate brings answers saved under an older version of this template up
// to t.Version, step by step, and returns them. Nothing the user answered
// is dropped or changed: new fields get their defaults (or a value derived
// from the old answers) and new table columns are filled in.
func (t *Template) Migrate(a answers.Answers, from int) (answers.Answers, error) {
	if from < 1 || from > t.Version {
		return nil, fmt.Errorf("template version %d is not supported (this version of Pactwright reads versions 1 to %d)", from, t.Version)
	}
	out := a.Clone()
	for _, m := range migrations() {
		if m.from < from {
			continue
		}
		for _, g := range t.Groups {
			for _, f := range g.Fields {
				if f.Since == m.from+1 && out[f.ID].IsBlank() && !f.Default.IsBlank() {
					out[f.ID] = f.Default.Clone()
				}
			}
		}
		m.step(out)
	}
	return out, nil
}

// migrateV1: version 2 added the jurisdiction and location fields, critical
// service levels (a severe-miss level) and the liability floor (their defaults come from the
// generic step), plus the two values below that follow from old answers.
func migrateV1(a answers.Answers) {
	// Version 1 keyed the staff transfer clause to the governing law; version
	// 2 keys it to where the agents work. Take the law's country, so a draft
	// that had the clause keeps it and one that did not stays without it.
	a["delivery_country"] = answers.Value{Text: countryOfLaw(a.Text("governing_law"))}

	// Each service level row gains the "critical: severe miss" column,
	// filled as a new agreement fills it for that measure.
	for i, r := range a["sla_metrics"].Rows {
		if m, known := MetricByID(r["metric"]); known && m.Severe != "" && r["severe"] == "" {
			a["sla_metrics"].Rows[i]["severe"] = m.Severe
		}
	}
}

// countryOfLaw is the delivery country a version 1 draft implied: the
// country of its governing law.
func countryOfLaw(law string) string {
	switch {
	case slices.Contains(UKLaws(), law):
		return "uk"
	case law == "ireland":
		return "eu"
	case strings.HasPrefix(law, "us_"):
		return "us"
	}
	return "other"
}
