package adapt

import (
	"fmt"

	"pactwright/app/usecase"
	"pactwright/forms"
)

var _ forms.MarkupReader = Documents{}

// ReadMarkup compares a returned Word file with draft id.
func (d Documents) ReadMarkup(id int64, name string, file []byte) (forms.MarkupReport, error) {
	m, err := d.S.ReadMarkup(id, file)
	if err != nil {
		return forms.MarkupReport{}, fmt.Errorf("%s: %w", name, err)
	}
	return forms.MarkupReport{Text: m.Report(name), Proposals: len(m.Proposals), Changes: m.Proposals}, nil
}

// ApplyMarkup makes the answer changes a comparison proposed.
func (d Documents) ApplyMarkup(id int64, r forms.MarkupReport) (int, error) {
	p, _ := r.Changes.([]usecase.Proposal)
	return d.S.ApplyMarkup(id, p)
}
