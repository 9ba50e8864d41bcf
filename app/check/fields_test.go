package check_test

import (
	"testing"

	"pactwright/app/answers"
	"pactwright/app/check"
	"pactwright/app/template"
	"pactwright/app/variants"
)

// TestFindingRulesNameOnlyTemplateFields runs every rule over the variant
// matrix, so a rule that reads a misspelt or removed field fails here
// rather than silently never firing.
func TestFindingRulesNameOnlyTemplateFields(t *testing.T) {
	tpl := template.CallCentre()
	var drafts []answers.Answers
	for _, d := range variants.Matrix(tpl) {
		drafts = append(drafts, d.Answers)
	}
	if unknown := check.UnknownFields(tpl, drafts); len(unknown) > 0 {
		t.Errorf("finding rules name fields the template lacks: %v", unknown)
	}
}
