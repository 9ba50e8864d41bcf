package agreement

import (
	"fmt"

	"pactwright/app/compose"
	"pactwright/app/credits"
	"pactwright/app/credits/statement"
	"pactwright/app/draft"
)

// CreditRules reads a draft's service-credit rules, with the clause numbers
// this draft prints, so the calculator quotes the agreement as signed.
func (e *Engine) CreditRules(d draft.Draft) (credits.Rules, credits.Parties, error) {
	c, err := e.composer.Compose(d)
	if err != nil {
		return credits.Rules{}, credits.Parties{}, fmt.Errorf("compose agreement: %w", err)
	}
	rules, err := credits.FromAnswers(d.Answers, c.Numbers)
	if err != nil {
		return credits.Rules{}, credits.Parties{}, err
	}
	p := credits.Parties{Title: c.Document.Title, Customer: c.Document.Parties[0], Provider: c.Document.Parties[1], DocumentID: c.Document.ID}
	return rules, p, nil
}

// Credits calculates the months' service credits under the draft.
func (e *Engine) Credits(d draft.Draft, months []credits.Month) (credits.Result, credits.Parties, error) {
	rules, p, err := e.CreditRules(d)
	if err != nil {
		return credits.Result{}, p, err
	}
	res, err := credits.Calculate(rules, months)
	return res, p, err
}

// CreditStatementPDF renders the one-page statement of the last month.
func (e *Engine) CreditStatementPDF(res credits.Result, p credits.Parties) ([]byte, error) {
	pdf, _, err := e.renderer.PDF(statement.Document(res, p, compose.Creator))
	if err != nil {
		return nil, fmt.Errorf("render credit statement: %w", err)
	}
	return pdf, nil
}
