package amend

import (
	"fmt"
	"strings"

	"pactwright/render"
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

// redlineSections marks every clause of to against from; clauses and
// sections that only from has appear struck through where they stood.
func redlineSections(from, to render.Document) []render.Section {
	oldSecs := map[string]render.Section{}
	for _, s := range from.Sections {
		oldSecs[s.Key] = s
	}
	var out []render.Section
	seen := map[string]bool{}
	for _, s := range to.Sections {
		seen[s.Key] = true
		old, ok := oldSecs[s.Key]
		if !ok {
			out = append(out, markAll(s, render.Inserted))
			continue
		}
		out = append(out, markSection(old, s))
	}
	for _, s := range from.Sections {
		if !seen[s.Key] {
			out = append(out, markAll(s, render.Deleted))
		}
	}
	return out
}

// markAll marks a whole section inserted or deleted.
func markAll(s render.Section, kind render.RunKind) render.Section {
	s.Blocks = append([]render.Block(nil), s.Blocks...)
	for i, b := range s.Blocks {
		if b.Table != nil {
			s.Blocks[i].Table = markTable(nil, b.Table, kind)
			s.Blocks[i].Changed = true
			continue
		}
		s.Blocks[i].Runs = []render.Run{{Kind: kind, Text: b.Text}}
		s.Blocks[i].Changed = true
	}
	return s
}

// markSection pairs blocks by clause key (numbered clauses) or by position
// among the unkeyed blocks (paragraphs, tables), and marks the words that
// differ.
func markSection(old, s render.Section) render.Section {
	oldKeyed := map[string]render.Block{}
	var oldPlain []render.Block
	for _, b := range old.Blocks {
		if b.Key != "" {
			oldKeyed[b.Key] = b
		} else if b.Kind != render.Subheading {
			oldPlain = append(oldPlain, b)
		}
	}
	out := s
	out.Blocks = nil
	plain := 0
	newKeys := map[string]bool{}
	for _, b := range s.Blocks {
		var ob render.Block
		found := false
		switch {
		case b.Key != "":
			newKeys[b.Key] = true
			ob, found = oldKeyed[b.Key]
		case b.Kind != render.Subheading:
			if plain < len(oldPlain) && oldPlain[plain].Kind == b.Kind {
				ob, found = oldPlain[plain], true
			}
			plain++
		default:
			out.Blocks = append(out.Blocks, b)
			continue
		}
		out.Blocks = append(out.Blocks, markBlock(ob, b, found))
	}
	for _, b := range old.Blocks {
		if b.Key != "" && !newKeys[b.Key] {
			b.Runs = []render.Run{{Kind: render.Deleted, Text: b.Text}}
			b.Changed = true
			out.Blocks = append(out.Blocks, b)
		}
	}
	return out
}

func markBlock(old, b render.Block, found bool) render.Block {
	if b.Table != nil {
		var ot *render.Table
		if found {
			ot = old.Table
		}
		b.Table = markTable(ot, b.Table, render.Inserted)
		b.Changed = !found || !tablesEqual(ot, b.Table)
		return b
	}
	if !found {
		b.Runs = []render.Run{{Kind: render.Inserted, Text: b.Text}}
		b.Changed = true
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

// diffWords marks the words of b that differ from a, by the longest common
// subsequence of words (clauses are a few hundred words at most).
func diffWords(a, b string) []render.Run {
	aw, bw := tokens(a), tokens(b)
	n, m := len(aw), len(bw)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if aw[i] == bw[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var runs []render.Run
	add := func(kind render.RunKind, w string) {
		if k := len(runs); k > 0 && runs[k-1].Kind == kind {
			runs[k-1].Text += w
			return
		}
		runs = append(runs, render.Run{Kind: kind, Text: w})
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && aw[i] == bw[j]:
			add(render.Same, aw[i])
			i, j = i+1, j+1
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			add(render.Deleted, aw[i]) // deletions first, as a lawyer's blackline reads
			i++
		default:
			add(render.Inserted, bw[j])
			j++
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
