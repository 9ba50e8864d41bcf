package adapt

import (
	"pactwright/app/credits"
	"pactwright/app/draft"
	"pactwright/forms"
)

var _ forms.CreditsEngine = (*Renderer)(nil)

// CreditRules implements forms.CreditsEngine.
func (r *Renderer) CreditRules(d draft.Draft) (credits.Rules, credits.Parties, error) {
	return r.E.CreditRules(d)
}

// CreditStatementPDF implements forms.CreditsEngine.
func (r *Renderer) CreditStatementPDF(res credits.Result, p credits.Parties) ([]byte, error) {
	return r.E.CreditStatementPDF(res, p)
}
