// Package compose builds the agreement Document from a draft: the cover, the
// numbered clauses (from the wording templates in assets), the schedules,
// the clause checklist and the signature page.
package compose

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"pactwright/app/check"
	"pactwright/app/draft"
	"pactwright/app/template"
	"pactwright/assets"
	"pactwright/render"
)

// Creator is written into the PDF metadata.
const Creator = "Pactwright"

// Composer holds the parsed wording for one template. Build it once and
// reuse it: parsing the templates costs more than composing a document.
type Composer struct {
	t       *template.Template
	clauses *clauseSet
}

// New parses the clause wording for template t.
func New(t *template.Template) (*Composer, error) {
	set, err := parseClauses(assets.Clauses())
	if err != nil {
		return nil, err
	}
	if len(set.groups) != len(t.Groups) {
		return nil, fmt.Errorf("compose: %d clause templates for %d clause groups", len(set.groups), len(t.Groups))
	}
	return &Composer{t: t, clauses: set}, nil
}

// Document lays out the whole agreement.
func (c *Composer) Document(d draft.Draft) (render.Document, error) {
	f := formatter{t: c.t, a: d.Answers}
	report := check.Check(c.t, d.Answers)
	id, err := DocumentID(c.t, d)
	if err != nil {
		return render.Document{}, err
	}
	doc := render.Document{
		Title:    f.value("agreement_title"),
		Subtitle: "between " + f.value("customer_name") + " and " + f.value("provider_name"),
		ID:       id,
		Parties:  []string{f.value("customer_name"), f.value("provider_name")},
		Creator:  Creator,
		Draft:    !report.Complete(),
		Cover:    cover(f),
	}
	last := len(c.t.Groups) - 1 // Signatures: its wording opens the signature page
	for i := range c.t.Groups[:last] {
		sec, err := c.clauses.section(i, fmt.Sprint(i+1), &c.t.Groups[i], f)
		if err != nil {
			return render.Document{}, err
		}
		doc.Sections = append(doc.Sections, sec)
	}
	doc.Sections = append(doc.Sections, schedules(f)...)
	doc.Checklist = checklist(report)
	signing, err := c.clauses.section(last, "", &c.t.Groups[last], f)
	if err != nil {
		return render.Document{}, err
	}
	doc.Signing = signatories(f, signing)
	return doc, nil
}

// DocumentID is a short fingerprint of the draft's content, printed on every
// page so both parties can tell at a glance that they hold the same version.
func DocumentID(t *template.Template, d draft.Draft) (string, error) {
	data, err := draft.Marshal(t, d)
	if err != nil {
		return "", fmt.Errorf("document id: %w", err)
	}
	sum := sha256.Sum256(data)
	h := strings.ToUpper(hex.EncodeToString(sum[:4]))
	return "PW-" + h[:4] + "-" + h[4:], nil
}

func cover(f formatter) render.Cover {
	party := func(role, prefix string) render.CoverParty {
		return render.CoverParty{
			Role: role,
			Name: f.value(prefix + "_name"),
			Details: fmt.Sprintf("%s registered in %s, number %s. Notices: %s, %s.",
				f.value(prefix+"_entity"), f.value(prefix+"_incorporated"), f.value(prefix+"_company_number"),
				f.value(prefix+"_contact_name"), f.value(prefix+"_contact_email")),
		}
	}
	terms := []render.KeyTerm{
		{Label: "Start date", Value: f.value("effective_date")},
		{Label: "Initial term", Value: f.value("initial_term") + renewalSummary(f)},
		{Label: "Services", Value: capitalise(f.valueLower("channels")) + "; in " + f.value("languages")},
		{Label: "Hours", Value: f.value("hours_days") + ", " + f.value("hours_times") + ", " + f.value("time_zone")},
		{Label: "Charges", Value: f.value("rate") + " " + f.valueLower("pricing_model") + "; invoices payable within " + f.value("payment_days")},
		{Label: "Headline service level", Value: headlineServiceLevel(f)},
		{Label: "Service credits", Value: creditSummary(f)},
		{Label: "Liability cap", Value: f.number("liability_cap_months") + " months of charges"},
		{Label: "Breach notification", Value: "within " + f.value("breach_notice_hours")},
		{Label: "Exit assistance", Value: "up to " + f.value("exit_period")},
		{Label: "Governing law", Value: governingLaw(f)},
	}
	return render.Cover{
		Parties:  []render.CoverParty{party("Customer", "customer"), party("Provider", "provider")},
		KeyTerms: terms,
		Note:     "This summary is for convenience only. The clauses and schedules that follow are the agreement, and they prevail over this page.",
	}
}

func renewalSummary(f formatter) string {
	switch {
	case f.t.Visible("renewal_period", f.a) && f.a.Text("renewal") == "automatic":
		return ", then renews for " + f.value("renewal_period") + " at a time unless notice is given " + f.value("non_renewal_notice") + " before the end"
	case f.a.Text("renewal") == "customer_option":
		return ", renewable at the Customer's option for " + f.value("renewal_period")
	case f.a.Text("renewal") == "none":
		return ", no renewal"
	}
	return ""
}

func headlineServiceLevel(f formatter) string {
	for _, row := range f.a["sla_metrics"].Rows {
		if row["metric"] == "service_level" && row["target"] != "" {
			return row["target"] + "% of calls answered within " + f.value("answer_time_seconds")
		}
	}
	return "see Schedule 1"
}

func creditSummary(f formatter) string {
	switch f.a.Text("service_credits") {
	case "yes":
		return "capped at " + f.value("credit_cap") + " of monthly charges"
	case "no":
		return "none"
	}
	return f.value("service_credits")
}

func governingLaw(f formatter) string {
	if f.a.Text("governing_law") == "other" {
		return f.value("governing_law_other")
	}
	return f.value("governing_law")
}

func checklist(r check.Report) render.Checklist {
	cl := render.Checklist{
		Intro: "Each party initials the box beside each clause group to confirm it has read and agreed it. A group marked incomplete still has terms to be completed.",
	}
	for _, g := range r.Groups {
		cg := render.ChecklistGroup{Name: g.Name}
		for _, e := range g.Elements {
			el := render.ChecklistElement{Name: e.Name, Done: e.Status != check.Incomplete}
			switch e.Status {
			case check.Complete:
				el.Status = "Complete"
			case check.NotApplicable:
				el.Status = "Not applicable"
			default:
				var msgs []string
				for _, p := range e.Problems {
					msgs = append(msgs, p.String())
				}
				el.Status = "Incomplete: " + strings.Join(msgs, "; ")
			}
			cg.Elements = append(cg.Elements, el)
		}
		cl.Groups = append(cl.Groups, cg)
	}
	return cl
}

func signatories(f formatter, wording render.Section) render.Signing {
	var intro []string
	for _, b := range wording.Blocks {
		intro = append(intro, b.Text)
	}
	block := func(role, prefix string) render.Signatory {
		return render.Signatory{
			Party:     "For and on behalf of " + f.value(prefix+"_name"),
			Role:      role,
			Name:      f.value(prefix + "_signatory_name"),
			Title:     f.value(prefix + "_signatory_title"),
			FieldName: prefix + "_signature",
		}
	}
	return render.Signing{
		Intro:       strings.Join(intro, "\n\n"),
		Signatories: []render.Signatory{block("Customer", "customer"), block("Provider", "provider")},
	}
}

// capitalise upper-cases the first letter, for a value that starts a line.
func capitalise(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}
