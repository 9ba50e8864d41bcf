package template

import "fmt"

// TemplateID and TemplateVersion identify this definition in saved drafts.
// Bump the version when a field is added, renamed or its meaning changes,
// and add the step that brings older drafts up to it in migrate.go.
const (
	TemplateID      = "call-centre-outsourcing"
	TemplateVersion = 3
)

// CallCentre returns the call centre outsourcing agreement template.
// Each call builds a fresh value, so callers never share mutable state.
func CallCentre() *Template {
	t, err := build(&Template{
		ID:      TemplateID,
		Version: TemplateVersion,
		Title:   "Call Centre Services Agreement",
		Groups: []Group{
			partiesAndTerm(),
			scopeOfServices(),
			serviceLevels(),
			pricingAndPayment(),
			confidentiality(),
			termination(),
			disputes(),
			generalTerms(),
			signatures(),
		},
	})
	if err != nil {
		// The definition is fixed at compile time; TestTemplateBuilds keeps it valid.
		panic(fmt.Sprintf("call centre template is inconsistent: %v", err))
	}
	return t
}
