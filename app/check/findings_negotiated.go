package check

import (
	"fmt"
	"strings"

	"pactwright/app/draft"
	"pactwright/app/template"
)

// NegotiatedLabel marks a clause with negotiated wording, in the checklist
// and beside its finding.
const NegotiatedLabel = "negotiated wording"

// negotiatedFindings names every clause printed with wording agreed with
// the other side. Pactwright's rules read the answers, not the words, so
// none of them can vouch for such a clause: the user must read it. It is
// MEDIUM, not HIGH, because keeping it was the user's own decision, and a
// signable export must stay possible.
func negotiatedFindings(t *template.Template, d draft.Draft) []Finding {
	var out []Finding
	for _, key := range d.NegotiatedKeys() {
		n := d.Negotiated[key]
		out = append(out, Finding{
			Severity: Medium,
			Field:    groupField(t, key),
			Message:  fmt.Sprintf("%s uses %s (from %s): Pactwright's checks on it no longer apply, so read it against the rest of the agreement, and drop it to go back to the generated clause.", NegotiatedClause(key, n.Number), NegotiatedLabel, n.From),
		})
	}
	return out
}

// NegotiatedClause names a clause for the user: "Clause 8.9".
func NegotiatedClause(key, number string) string {
	if number == "" {
		return "Clause " + key
	}
	return "Clause " + number
}

// groupField is the first field of the clause group a clause key belongs
// to ("general.subcontracting" → the general group), where the window
// jumps when the finding is clicked; "" if the group has no fields.
func groupField(t *template.Template, key string) string {
	id, _, _ := strings.Cut(key, ".")
	if g, ok := t.Group(id); ok && len(g.Fields) > 0 {
		return g.Fields[0].ID
	}
	return ""
}
