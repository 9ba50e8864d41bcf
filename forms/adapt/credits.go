package adapt

import (
	"time"

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

var _ forms.TermsSource = Documents{}

// TermsInForce implements forms.TermsSource with the use case the
// command line's credits, calendar and market read.
func (d Documents) TermsInForce(id int64, day time.Time) (draft.Draft, string, error) {
	t, err := d.S.TermsInForce(id, day)
	return t.Draft, t.Basis, err
}
