package check

import (
	"slices"

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
func (r *Report) Review(t *template.Template, a answers.Answers, reviewed []string) {
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
			if e.Status == Complete && ei < len(tg.Elements) && holdsSuggestion(t, tg.Elements[ei], a) {
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
