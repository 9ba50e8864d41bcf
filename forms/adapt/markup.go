package adapt

import (
	"fmt"
	"strings"
	"time"

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
	r := forms.MarkupReport{Name: name, Text: m.Report(name), Summary: m.Summary(name), More: strings.TrimSpace(m.Rest()),
		Proposals: len(m.Proposals), Rewrites: m.Negotiable(), Changes: m}
	for _, n := range m.Notes {
		r.Summary += "\n\nNote: " + n
	}
	for _, c := range m.Clauses {
		mc := forms.MarkupClause{Heading: c.Heading(), Diff: c.Diff}
		switch c.Status {
		case usecase.ClauseChanged:
			mc.Offers = c.Lines()
		case usecase.ClauseInserted:
			mc.Diff, mc.Offers = "{+"+c.Theirs+"+}", []string{"a clause of their own: no answers produce it"}
		case usecase.ClauseDeleted:
			mc.Diff, mc.Offers = "[-"+c.Ours+"-]", []string{"their file leaves this clause out: no answers do that"}
		}
		if c.Negotiable {
			mc.Rewrite, mc.Offers = c.Number, nil // the screen's choice says it
		}
		r.Clauses = append(r.Clauses, mc)
	}
	return r, nil
}

// ApplyMarkup makes the answer changes a comparison proposed and keeps
// the rewrites of the clauses numbered in keep as negotiated wording.
func (d Documents) ApplyMarkup(id int64, r forms.MarkupReport, keep []string) (int, error) {
	m, _ := r.Changes.(usecase.Markup)
	n, err := d.S.ApplyMarkup(id, m.Proposals)
	if err != nil {
		return n, err
	}
	kept, err := d.S.KeepWording(id, m, r.Name, usecase.WordingChoice{Keep: keep}, time.Now())
	return n + len(kept), err
}

// MarkupFile is the comparison as a PDF or Word file.
func (d Documents) MarkupFile(r forms.MarkupReport, ext string) ([]byte, error) {
	m, _ := r.Changes.(usecase.Markup)
	return d.S.MarkupFile(m, r.Name, ext)
}

// Wording lists the clauses of draft id with negotiated wording.
func (d Documents) Wording(id int64) ([]forms.NegotiatedRow, error) {
	list, err := d.S.Wording(id)
	var rows []forms.NegotiatedRow
	for _, n := range list {
		rows = append(rows, forms.NegotiatedRow{Number: n.Number, Text: n.Text, From: n.From})
	}
	return rows, err
}

// DropWording goes back to the generated wording of a clause.
func (d Documents) DropWording(id int64, clause string) error {
	_, err := d.S.DropWording(id, clause)
	return err
}
