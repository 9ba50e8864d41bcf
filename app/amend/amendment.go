package amend

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"pactwright/app/template"
	"pactwright/render"
)

// Original identifies the signed agreement an amendment changes.
type Original struct {
	Title      string    // "Call Centre Services Agreement"
	DocumentID string    // printed on every page of the signed PDF
	Signed     time.Time // when it was marked signed
	SHA256     string    // of the signed file
}

// Earlier is an amendment already signed.
type Earlier struct {
	Number    int
	Effective string // YYYY-MM-DD
}

// Amendment is what Amendment No. N is made from.
type Amendment struct {
	Number    int
	Effective string // YYYY-MM-DD
	Reason    string
	Original  Original
	Earlier   []Earlier
	Signed    render.Document // the terms in force (the latest signed version)
	Amended   render.Document // the terms as they will be
}

// ErrNoChanges means the amended terms read exactly like the signed ones.
var ErrNoChanges = errors.New("the answers change no wording of the signed agreement, so there is nothing to amend")

// Document lays out Amendment No. N: the parties, the agreement it
// changes, the numbered changes, the rest left in force, a checklist of the
// changed clause groups to initial, and signature fields for both parties.
func Document(a Amendment) (render.Document, []Change, error) {
	effective, err := LongDate(a.Effective)
	if err != nil {
		return render.Document{}, nil, fmt.Errorf("effective date of the amendment: %w", err)
	}
	changes := Compare(a.Signed, a.Amended)
	if len(changes) == 0 {
		return render.Document{}, nil, ErrNoChanges
	}
	title := fmt.Sprintf("Amendment No. %d to the %s", a.Number, a.Original.Title)
	orig := fmt.Sprintf("the %s dated %s, document %s", a.Original.Title, a.Original.Signed.UTC().Format("2 January 2006"), a.Original.DocumentID)
	terms := []render.KeyTerm{
		{Label: "Amends", Value: orig},
		{Label: "Signed file", Value: "SHA-256 fingerprint " + Fingerprint(a.Original.SHA256)},
	}
	if len(a.Earlier) > 0 {
		terms = append(terms, render.KeyTerm{Label: "Earlier amendments", Value: amendedBy(a.Earlier)})
	}
	terms = append(terms, render.KeyTerm{Label: "Effective date", Value: effective})
	if r := strings.TrimSpace(a.Reason); r != "" {
		terms = append(terms, render.KeyTerm{Label: "Reason", Value: r})
	}
	terms = append(terms, render.KeyTerm{Label: "Changes", Value: fmt.Sprintf("%d, listed in clause 1", len(changes))})

	var blocks []render.Block
	blocks = append(blocks, render.Block{Kind: render.Paragraph, Text: fmt.Sprintf(
		"The parties agree that, with effect from %s (the \"Amendment Date\"), %s (the \"Agreement\") is amended as follows. Clause and schedule numbers are those of the Agreement as signed%s.",
		effective, orig, earlierClause(a.Earlier))})
	for i, c := range changes {
		blocks = append(blocks, render.Block{Kind: render.Clause, Number: fmt.Sprintf("1.%d", i+1), Text: c.Text})
	}
	general := []string{
		"Except as set out above, the Agreement continues in full force and effect.",
		"Words defined in the Agreement have the same meaning in this amendment. This amendment forms part of the Agreement from the Amendment Date and is governed by the same law.",
		"This amendment may be signed in counterparts and by electronic signature.",
	}
	var rest []render.Block
	for i, t := range general {
		rest = append(rest, render.Block{Kind: render.Clause, Number: fmt.Sprintf("2.%d", i+1), Text: t})
	}

	doc := render.Document{
		Title:    title,
		Subtitle: a.Amended.Subtitle,
		ID:       fmt.Sprintf("%s-A%d", a.Amended.ID, a.Number),
		Parties:  a.Amended.Parties,
		Creator:  a.Amended.Creator,
		Draft:    a.Amended.Draft,
		Cover: render.Cover{
			Parties:  a.Amended.Cover.Parties,
			KeyTerms: terms,
			Note:     "This summary is for convenience only. Clause 1 sets out the changes; everything else in the Agreement stays as it is.",
		},
		Sections: []render.Section{
			{Key: "amendment.changes", Number: "1", Heading: "Changes to the Agreement", Blocks: blocks},
			{Key: "amendment.general", Number: "2", Heading: "Everything else continues", Blocks: rest},
		},
		Checklist: changedGroups(changes),
		Signing: render.Signing{
			Intro:       fmt.Sprintf("Signed by the authorised representatives of the parties to agree Amendment No. %d.", a.Number),
			Signatories: a.Amended.Signing.Signatories,
		},
	}
	return doc, changes, nil
}

// changedGroups is the amendment's checklist: each clause group or schedule
// it changes, with the changes in it, for both parties to initial.
func changedGroups(changes []Change) render.Checklist {
	cl := render.Checklist{Intro: "Each party initials the box beside each changed clause group to confirm it has read and agreed the changes."}
	index := map[string]int{}
	for i, c := range changes {
		g, ok := index[c.Section]
		if !ok {
			g = len(cl.Groups)
			index[c.Section] = g
			cl.Groups = append(cl.Groups, render.ChecklistGroup{Name: c.Group})
		}
		cl.Groups[g].Elements = append(cl.Groups[g].Elements, render.ChecklistElement{
			Name: fmt.Sprintf("1.%d %s", i+1, c.Summary), Status: "Changed by this amendment", Done: true,
		})
	}
	return cl
}

func earlierClause(e []Earlier) string {
	if len(e) == 0 {
		return ""
	}
	return " and " + amendedBy(e)
}

// amendedBy is "as amended by Amendment No. 1 dated 1 March 2027 and
// Amendment No. 2 dated …".
func amendedBy(e []Earlier) string {
	var parts []string
	for _, x := range e {
		d, err := LongDate(x.Effective)
		if err != nil {
			d = x.Effective
		}
		parts = append(parts, fmt.Sprintf("Amendment No. %d dated %s", x.Number, d))
	}
	if len(parts) == 1 {
		return "as amended by " + parts[0]
	}
	return "as amended by " + strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// LongDate turns "2027-03-01" into "1 March 2027", and says in plain words
// what is wrong with anything else.
func LongDate(iso string) (string, error) {
	d, err := ParseDate(iso)
	if err != nil {
		return "", err
	}
	return d.Format("2 January 2006"), nil
}

// ParseDate reads a YYYY-MM-DD date with the template's own rules (the
// same messages as a date field: "30 February 2027 does not exist").
func ParseDate(iso string) (time.Time, error) {
	if strings.TrimSpace(iso) == "" {
		return time.Time{}, errors.New("the date is missing: give it as YYYY-MM-DD, for example 2027-03-01")
	}
	return template.ParseDate(strings.TrimSpace(iso))
}

// Fingerprint groups a hex SHA-256 for reading aloud: its first 16 digits
// in fours ("3F2A 91C0 …"), enough to tell files apart by eye.
func Fingerprint(sha string) string {
	if len(sha) < 16 {
		return "not recorded (signed on paper without an exported file)"
	}
	s := strings.ToUpper(sha[:16])
	return s[:4] + " " + s[4:8] + " " + s[8:12] + " " + s[12:16]
}
