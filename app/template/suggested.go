package template

import (
	"fmt"

	"pactwright/app/answers"
)

// commercialTerms are the fields whose value is a bargain between the
// parties (rates, fees, minimums, caps, insurance amounts, service targets
// and credits) rather than a sensible default. A blank agreement leaves
// them empty and offers the typical value as a suggestion to accept, so
// nobody signs someone else's prices without looking. Listed here, in one
// place, rather than on each field's line.
func commercialTerms() []string {
	return []string{
		// Service levels: the targets and what a miss costs.
		"sla_metrics", "answer_time_seconds", "credit_cap",
		// Pricing.
		"fixed_fee", "rate", "setup_fee", "training_fee", "overage_rate", "minimum_commitment",
		"additional_services", "price_cap",
		// Liability caps and insurance amounts.
		"liability_cap_months", "liability_cap_floor", "data_breach_cap_multiple",
		"insurance_liability", "insurance_professional", "insurance_cyber", "insurance_employers",
	}
}

// markSuggested sets Suggested on the commercial terms; each must exist
// and have a typical value to suggest.
func markSuggested(t *Template) error {
	for _, id := range commercialTerms() {
		f, ok := t.Field(id)
		switch {
		case !ok:
			return fmt.Errorf("commercial term %q is not a field", id)
		case f.Default.IsBlank():
			return fmt.Errorf("commercial term %q has no typical value to suggest", id)
		}
		f.Suggested = true
	}
	return nil
}

// BlankAnswers are what a new, blank agreement starts with: the defaults,
// except the commercial terms, which the user must choose or accept
// (Field.Default holds the suggestion).
func (t *Template) BlankAnswers() answers.Answers {
	a := t.Defaults()
	for _, id := range commercialTerms() {
		delete(a, id)
	}
	return a
}
