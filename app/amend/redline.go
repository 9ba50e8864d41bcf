package amend

import (
	"fmt"
	"strings"

	"pactwright/render"
	"pactwright/render/align"
)

// Redline lays out the newer document with every change from the older one
// marked: deleted words struck through, inserted words underlined, changed
// clauses and schedule rows barred in the margin, and a summary of the
// changes on the first page. fromLabel and toLabel name the two versions
// ("the signed version (revision 3)", "the current answers").
func Redline(from, to render.Document, fromLabel, toLabel string) (render.Document, []Change) {
	changes := Compare(from, to)
	doc := to
	doc.ID = to.ID + "-R"
	doc.Title = "Redline: " + to.Title
	doc.Subtitle = fmt.Sprintf("changes from %s to %s", fromLabel, toLabel)
	summary := []render.KeyTerm{{Label: "Compares", Value: fmt.Sprintf("%s (document %s) with %s (document %s)", fromLabel, from.ID, toLabel, to.ID)}}
	if len(changes) == 0 {
		summary = append(summary, render.KeyTerm{Label: "Changes", Value: "none: the two versions read the same"})
	}
	for i, c := range changes {
		summary = append(summary, render.KeyTerm{Label: fmt.Sprintf("Change %d", i+1), Value: c.Summary})
	}
	doc.Cover = render.Cover{
		Parties:  to.Cover.Parties,
		KeyTerms: summary,
		Note:     "Deleted text is struck through in red, inserted text underlined in blue, and a bar in the margin marks each changed clause. Clause numbers in the summary are those of the older version. This redline is for reading, not for signature.",
	}
	doc.Sections = redlineSections(from, to)
	doc.Checklist = render.Checklist{}
	doc.Signing = render.Signing{}
	doc.Attachments = nil
	return doc, changes
}

// redlineSections marks every clause of to against from. Sections,
// clauses, subheadings and tables that only from has appear struck
// through where they stood, so that rejecting every change (in a Word
// redline) gives back from exactly.
func redlineSections(from, to render.Document) []render.Section {
	var out []render.Section
	for _, st := range align.Keys(sectionKeys(from.Sections), sectionKeys(to.Sections)) {
		switch {
		case st.Kept():
			out = append(out, markSection(from.Sections[st.Old], to.Sections[st.New]))
		case st.New >= 0:
			out = append(out, markAll(to.Sections[st.New], render.Inserted))
		default:
			out = append(out, markAll(from.Sections[st.Old], render.Deleted))
		}
	}
	return out
}

func sectionKeys(secs []render.Section) []string {
	keys := make([]string, len(secs))
	for i, s := range secs {
		keys[i] = s.Key
	}
	return keys
}

// markAll marks a whole section inserted or deleted.
func markAll(s render.Section, kind render.RunKind) render.Section {
	s.Change = kind
	s.Blocks = append([]render.Block(nil), s.Blocks...)
	for i, b := range s.Blocks {
		s.Blocks[i] = markWhole(b, kind)
	}
	return s
}

// markWhole marks one block inserted or deleted.
func markWhole(b render.Block, kind render.RunKind) render.Block {
	b.Changed = true
	if b.Table != nil {
		v := &render.TableVersions{New: b.Table}
		if kind == render.Deleted {
			v = &render.TableVersions{Old: b.Table}
		}
		b.Table, b.Versions = markTable(nil, b.Table, kind), v
		return b
	}
	b.Runs = []render.Run{{Kind: kind, Text: b.Text}}
	return b
}

// markSection pairs blocks in order by what they are: a numbered clause by
// its key, a subheading by its words, a paragraph or table by its place
// among the section's paragraphs and tables. Paired blocks are marked word
// by word; the others inserted or deleted where they stand.
func markSection(old, s render.Section) render.Section {
	out := s
	out.Blocks = nil
	for _, st := range align.Keys(blockKeys(old.Blocks), blockKeys(s.Blocks)) {
		switch {
		case st.Kept():
			out.Blocks = append(out.Blocks, markBlock(old.Blocks[st.Old], s.Blocks[st.New]))
		case st.New >= 0:
			out.Blocks = append(out.Blocks, markWhole(s.Blocks[st.New], render.Inserted))
		default:
			out.Blocks = append(out.Blocks, markWhole(old.Blocks[st.Old], render.Deleted))
		}
	}
	return out
}

// blockKeys names each block for pairing (see markSection).
func blockKeys(blocks []render.Block) []string {
	keys := make([]string, len(blocks))
	plain := 0
	for i, b := range blocks {
		switch {
		case b.Key != "":
			keys[i] = "clause " + b.Key
		case b.Kind == render.Subheading:
			keys[i] = "heading " + b.Text
		default:
			keys[i] = fmt.Sprintf("block %d %d", plain, b.Kind)
			plain++
		}
	}
	return keys
}

// markBlock marks the words of b that differ from old, its pair.
func markBlock(old, b render.Block) render.Block {
	if b.Table != nil || old.Table != nil {
		if b.Table == nil || old.Table == nil {
			return markWhole(b, render.Inserted) // a table where a paragraph was: cannot happen, paired by kind
		}
		b.Changed = !tablesEqual(old.Table, b.Table)
		if b.Changed {
			b.Versions = &render.TableVersions{Old: old.Table, New: b.Table}
		}
		b.Table = markTable(old.Table, b.Table, render.Inserted)
		return b
	}
	if old.Text == b.Text {
		return b
	}
	b.Runs = diffWords(old.Text, b.Text)
	b.Changed = true
	return b
}

// markTable writes a changed cell as "new (was: old)", a new row with
// "(added)" and a removed one with "(deleted)": tables cannot strike
// through, so the words say it, and the margin bar marks the table.
func markTable(old, t *render.Table, whole render.RunKind) *render.Table {
	out := &render.Table{Columns: t.Columns, Widths: t.Widths}
	oldRows := map[string][]string{}
	if old != nil {
		for _, r := range old.Rows {
			if len(r) > 0 {
				oldRows[r[0]] = r
			}
		}
	}
	seen := map[string]bool{}
	for _, r := range t.Rows {
		row := append([]string(nil), r...)
		if len(r) == 0 {
			out.Rows = append(out.Rows, row)
			continue
		}
		seen[r[0]] = true
		or, ok := oldRows[r[0]]
		switch {
		case old == nil && whole == render.Deleted:
			row[0] += " (deleted)"
		case !ok:
			row[0] += " (added)"
		default:
			for i := range row {
				if i < len(or) && or[i] != row[i] {
					row[i] = fmt.Sprintf("%s (was: %s)", row[i], or[i])
				}
			}
		}
		out.Rows = append(out.Rows, row)
	}
	if old != nil {
		for _, r := range old.Rows {
			if len(r) > 0 && !seen[r[0]] {
				row := append([]string(nil), r...)
				row[0] += " (deleted)"
				out.Rows = append(out.Rows, row)
			}
		}
	}
	return out
}

func tablesEqual(a, b *render.Table) bool {
	if a == nil || b == nil || len(a.Rows) != len(b.Rows) {
		return false
	}
	for i := range a.Rows {
		if strings.Join(a.Rows[i], "\x00") != strings.Join(b.Rows[i], "\x00") {
			return false
		}
	}
	return true
}

// Diff marks the words of b that differ from a: the runs spell a without
// the inserted ones and b without the deleted ones.
func Diff(a, b string) []render.Run { return diffWords(a, b) }

// diffWords marks the words of b that differ from a, by the longest common
// subsequence of words (clauses are a few hundred words at most).
func diffWords(a, b string) []render.Run {
	aw, bw := tokens(a), tokens(b)
	var runs []render.Run
	add := func(kind render.RunKind, w string) {
		if k := len(runs); k > 0 && runs[k-1].Kind == kind {
			runs[k-1].Text += w
			return
		}
		runs = append(runs, render.Run{Kind: kind, Text: w})
	}
	for _, st := range align.Keys(aw, bw) {
		switch {
		case st.Kept():
			add(render.Same, aw[st.Old])
		case st.New >= 0:
			add(render.Inserted, bw[st.New])
		default:
			add(render.Deleted, aw[st.Old]) // deletions first, as a lawyer's blackline reads
		}
	}
	return runs
}

// tokens splits s into words, each keeping the space or line break after
// it, so runs join back into the original text.
func tokens(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' || s[i] == '\n' {
			j := i
			for j+1 < len(s) && (s[j+1] == ' ' || s[j+1] == '\n') {
				j++
			}
			out = append(out, s[start:j+1])
			start, i = j+1, j
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}
