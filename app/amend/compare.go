// Package amend lays out the documents that change a signed agreement:
// Amendment No. N (numbered changes in contract language), the redline
// between two versions and the conformed copy (the agreement as amended).
//
// It works on composed documents, not on answers: two versions are
// composed and compared clause by clause through the stable keys that
// app/compose gives every clause and schedule, so an amendment quotes the
// exact wording that changed and names clauses by the numbers of the
// version the parties signed.
package amend

import (
	"fmt"
	"strings"

	"pactwright/render"
)

// ChangeKind says what happened to a clause or schedule row.
type ChangeKind int

// Change kinds.
const (
	Replaced ChangeKind = iota
	Deleted
	Inserted
)

// Change is one numbered change of an amendment.
type Change struct {
	Kind    ChangeKind
	Group   string // the clause group or schedule heading, for the checklist
	Section string // section key ("pricing", "schedule.charges")
	Key     string // clause key; "" for a schedule row or paragraph
	Old     string // the signed wording ("" when inserted)
	New     string // the amended wording ("" when deleted)
	Text    string // the change in contract language
	Summary string // a few words for summaries and checklists: "Clause 4.1 replaced"
}

// unit is one comparable piece of a section: a numbered clause with the
// paragraphs and tables that follow it (definitions, escalation table), or
// one paragraph or table row of a schedule.
type unit struct {
	key     string // clause key, or "row:<first cell>" / "para:<n>" in schedules
	number  string // "4.1" for clauses
	label   string // what a schedule unit is called in the change text
	text    string
	heading string // the subheading the clause sits under
}

// section is one section split into units, in order.
type section struct {
	key, number, heading string
	schedule             bool
	units                []unit
}

func split(doc render.Document) []section {
	var out []section
	for _, s := range doc.Sections {
		sec := section{key: s.Key, number: s.Number, heading: s.Heading, schedule: strings.HasPrefix(s.Key, "schedule.")}
		if sec.schedule {
			sec.units = scheduleUnits(s)
		} else {
			sec.units = clauseUnits(s)
		}
		out = append(out, sec)
	}
	return out
}

func clauseUnits(s render.Section) []unit {
	var units []unit
	heading := ""
	for _, b := range s.Blocks {
		switch {
		case b.Kind == render.Subheading:
			heading = b.Text
		case b.Kind == render.Clause:
			units = append(units, unit{key: b.Key, number: b.Number, text: b.Text, heading: heading})
		case len(units) > 0:
			units[len(units)-1].text += "\n" + blockText(b)
		default: // text before the first clause (the parties' paragraph)
			units = append(units, unit{key: s.Key + ".intro", label: "the opening paragraphs of clause " + s.Number, text: blockText(b)})
		}
	}
	return units
}

func scheduleUnits(s render.Section) []unit {
	var units []unit
	heading := ""
	// Rows are matched by their first cell and paragraphs by their place
	// under their heading. Two rows may share a first cell (two "Training"
	// lines in a price list), so the second is "Training#2": a key that
	// repeated would let one row hide the change to the other.
	seen := map[string]int{}
	nth := func(key string) (string, int) {
		seen[key]++
		if n := seen[key]; n > 1 {
			return fmt.Sprintf("%s#%d", key, n), n
		}
		return key, 1
	}
	for _, b := range s.Blocks {
		switch b.Kind {
		case render.Subheading:
			heading = b.Text
		case render.TableBlock:
			if b.Table == nil {
				continue
			}
			for _, row := range b.Table.Rows {
				if len(row) == 0 {
					continue
				}
				key, n := nth(fmt.Sprintf("row:%s:%s", heading, row[0]))
				label := "the row " + quote(row[0])
				if n > 1 {
					label = fmt.Sprintf("row %s number %d", quote(row[0]), n)
				}
				units = append(units, unit{
					key:     key,
					label:   label,
					text:    rowText(b.Table.Columns, row),
					heading: heading,
				})
			}
		default:
			key, _ := nth("para:" + heading)
			units = append(units, unit{key: key, label: "the paragraph", text: b.Text, heading: heading})
		}
	}
	return units
}

func blockText(b render.Block) string {
	if b.Table == nil {
		return b.Text
	}
	var rows []string
	for _, r := range b.Table.Rows {
		rows = append(rows, rowText(b.Table.Columns, r))
	}
	return strings.Join(rows, "\n")
}

// rowText writes a table row as "Column: value; Column: value".
func rowText(cols []string, row []string) string {
	var parts []string
	for i, v := range row {
		if i < len(cols) && cols[i] != "" {
			parts = append(parts, cols[i]+": "+v)
		} else {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, "; ")
}

func quote(s string) string { return "“" + s + "”" }

// Compare lists what changed from the signed document to the amended one,
// in the signed document's order, each change in contract language using
// the signed document's clause and schedule numbers.
func Compare(signed, amended render.Document) []Change {
	olds, news := split(signed), split(amended)
	newByKey := map[string]section{}
	for _, s := range news {
		newByKey[s.key] = s
	}
	oldKeys := map[string]bool{}
	var out []Change
	for _, o := range olds {
		oldKeys[o.key] = true
		n, ok := newByKey[o.key]
		if !ok {
			out = append(out, Change{Kind: Deleted, Group: groupName(o), Section: o.key, Old: o.heading,
				Text: fmt.Sprintf("%s is deleted.", sectionName(o)), Summary: sectionName(o) + " deleted"})
			continue
		}
		out = append(out, compareUnits(o, n)...)
	}
	for _, n := range news {
		if !oldKeys[n.key] {
			var body []string
			for _, u := range n.units {
				body = append(body, u.text)
			}
			out = append(out, Change{Kind: Inserted, Group: groupName(n), Section: n.key, New: strings.Join(body, "\n"),
				Text:    fmt.Sprintf("A new %s, %s, is added, reading:\n%s", kindWord(n), quote(n.heading), strings.Join(body, "\n")),
				Summary: fmt.Sprintf("New %s %s added", kindWord(n), quote(n.heading))})
		}
	}
	return out
}

// groupName is how the checklist names a section: "Pricing & Payment",
// "Schedule 2 (Charges)".
func groupName(s section) string {
	if s.schedule {
		return s.number + " (" + s.heading + ")"
	}
	return s.heading
}

func kindWord(s section) string {
	if s.schedule {
		return "schedule"
	}
	return "clause"
}

func sectionName(s section) string {
	if s.schedule {
		return s.number + " (" + s.heading + ")"
	}
	return "Clause " + s.number + " (" + s.heading + ")"
}

func compareUnits(o, n section) []Change {
	newByKey := map[string]unit{}
	for _, u := range n.units {
		newByKey[u.key] = u
	}
	oldKeys := map[string]bool{}
	var out []Change
	add := func(kind ChangeKind, key, old, new, text, summary string) {
		out = append(out, Change{Kind: kind, Group: groupName(o), Section: o.key, Key: key, Old: old, New: new, Text: text, Summary: summary})
	}
	for _, u := range o.units {
		oldKeys[u.key] = true
		nu, ok := newByKey[u.key]
		switch {
		case !ok:
			add(Deleted, u.key, u.text, "", fmt.Sprintf("%s is deleted.", unitName(o, u, true)), unitName(o, u, true)+" deleted")
		case nu.text != u.text:
			verb := "is deleted and replaced with" // a clause
			if u.number == "" {
				verb = "is replaced with" // a schedule row or paragraph
			}
			add(Replaced, u.key, u.text, nu.text, fmt.Sprintf("%s %s:\n%s", unitName(o, u, true), verb, quote(nu.text)), unitName(o, u, true)+" replaced")
		}
	}
	after := "" // the last unit both versions share, to place insertions
	for _, u := range n.units {
		if oldKeys[u.key] {
			after = unitName(o, findUnit(o, u.key), false)
			continue
		}
		where := "at the start of " + sectionRef(o)
		if after != "" {
			where = "after " + after
		}
		add(Inserted, u.key, "", u.text, fmt.Sprintf("The following is inserted %s:\n%s", where, quote(u.text)), "New text inserted "+where)
	}
	return out
}

func findUnit(s section, key string) unit {
	for _, u := range s.units {
		if u.key == key {
			return u
		}
	}
	return unit{}
}

func sectionRef(s section) string {
	if s.schedule {
		return s.number
	}
	return "clause " + s.number
}

// unitName is "Clause 4.1", or "In Schedule 2, the row “Agent hour”"; the
// capital starts a sentence.
func unitName(s section, u unit, capital bool) string {
	if u.number != "" {
		if capital {
			return "Clause " + u.number
		}
		return "clause " + u.number
	}
	if s.schedule {
		if capital {
			return "In " + s.number + ", " + u.label
		}
		return u.label + " of " + s.number
	}
	if capital {
		return strings.ToUpper(u.label[:1]) + u.label[1:]
	}
	return u.label
}
