package check

import (
	"fmt"
	"slices"
	"strings"

	"pactwright/app/draft"

	"pactwright/app/answers"
	"pactwright/app/template"
)

// ToReview is a complete element or group the user has not confirmed: a
// group until the user has looked at it and said its terms are agreed,
// and within it an element still holding a suggested commercial value
// (the typical rate, cap or target the template offers). It counts as
// done for completeness (the agreement can be printed and signed) but
// the checklist, the tab and the PDF say it is unreviewed.
const ToReview Status = "to review"

// Review marks what the user has not confirmed, given the ids of the
// groups they have (draft.Draft.Reviewed). Incomplete and not-applicable
// rows keep their status: they say more than "to review" would.
//
// toConfirm are fields an upgrade of the template added or proposed
// (draft.Draft.ToConfirm): their elements are to review, and say why.
func (r *Report) Review(t *template.Template, a answers.Answers, reviewed, toConfirm []string) {
	for gi := range r.Groups {
		g := &r.Groups[gi]
		if slices.Contains(reviewed, g.ID) {
			continue
		}
		if g.Status == Complete {
			g.Status = ToReview
		}
		tg, ok := t.Group(g.ID)
		if !ok {
			continue
		}
		for ei := range g.Elements {
			e := &g.Elements[ei]
			if e.Status != Complete || ei >= len(tg.Elements) {
				continue
			}
			if slices.ContainsFunc(tg.Elements[ei].Fields, func(id string) bool { return slices.Contains(toConfirm, id) }) {
				e.Status, e.Upgraded = ToReview, true
			} else if holdsSuggestion(t, tg.Elements[ei], a) {
				e.Status = ToReview
			}
		}
	}
}

// holdsSuggestion reports whether one of the element's commercial terms
// still holds exactly the value the template suggests.
func holdsSuggestion(t *template.Template, e template.Element, a answers.Answers) bool {
	return slices.ContainsFunc(e.Fields, func(id string) bool { return Suggested(t, a, id) })
}

// Suggested reports whether field id holds its suggested value.
func Suggested(t *template.Template, a answers.Answers, id string) bool {
	f, ok := t.Field(id)
	return ok && f.Suggested && a.Has(id) && a[id].Equal(f.Default)
}

// Accept marks the findings the user accepted as risks, with their reason.
func (r *Report) Accept(accepted []draft.AcceptedRisk) {
	for i := range r.Findings {
		f := &r.Findings[i]
		for _, a := range accepted {
			if a.Field == f.Field && a.Finding == f.Message {
				f.Accepted = a.Reason
			}
		}
	}
}

// ForDraft is the whole report on a draft: the checklist, what the user
// has not confirmed, and the findings with the risks the user accepted,
// each clause with negotiated wording among them.
func ForDraft(t *template.Template, d draft.Draft) Report {
	r := Check(t, d.Answers)
	r.Findings = append(r.Findings, negotiatedFindings(t, d)...)
	r.Review(t, d.Answers, d.Reviewed, d.ToConfirm)
	r.Accept(d.Accepted)
	return r
}

// Blockers says, in plain words, what keeps a draft from being exported
// for signature: anything incomplete, any group nobody confirmed, and any
// HIGH finding not accepted. None means it can be signed.
func (r Report) Blockers() []string {
	var out []string
	if n := r.Applicable - r.Done; n > 0 {
		out = append(out, fmt.Sprintf("%d checklist %s incomplete", n, plural(n, "element is", "elements are")))
	}
	var unreviewed []string
	for _, g := range r.Groups {
		if g.Status == ToReview {
			unreviewed = append(unreviewed, g.Name)
		}
	}
	if len(unreviewed) > 0 {
		out = append(out, "not yet confirmed as reviewed: "+strings.Join(unreviewed, ", "))
	}
	if n := len(r.OpenRisks()); n > 0 {
		out = append(out, fmt.Sprintf("%d high-risk %s neither fixed nor accepted", n, plural(n, "finding is", "findings are")))
	}
	return out
}

// Signable reports whether the draft may be exported for signature.
func (r Report) Signable() bool { return len(r.Blockers()) == 0 }

// OpenRisks are the HIGH findings the user has not accepted.
func (r Report) OpenRisks() []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Severity == High && f.Accepted == "" {
			out = append(out, f)
		}
	}
	return out
}

// AcceptedRisks are the findings the user accepted, with their reasons.
func (r Report) AcceptedRisks() []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Accepted != "" {
			out = append(out, f)
		}
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
