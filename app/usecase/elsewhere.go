package usecase

import (
	"strings"

	"pactwright/render/docx"
)

// Elsewhere is a part of a returned file outside the numbered clauses
// (the cover, a schedule, a clause group's headings, the checklist or the
// signature page) whose text they changed. Pactwright cannot turn such a
// change into answers or keep it as negotiated wording: it is shown so
// that the user can read it and change the answers by hand.
type Elsewhere struct {
	Part string `json:"part"` // "Schedule 1 (schedule.charges)", "the cover, checklist or signature page"
	Diff string `json:"diff"` // [-deleted-]{+inserted+}
	// After is the unchanged paragraph just before, to find the place by.
	After string `json:"after,omitempty"`
}

// outsidePart names where the paragraphs outside any clause sit.
const outsidePart = "the cover, checklist or signature page"

// outsidePara is a paragraph outside the numbered clauses.
type outsidePara struct {
	text, part string
}

// elsewhere compares the paragraphs of the two files outside the clauses,
// in order, paragraph by paragraph: sent is our own Word rendering of the
// draft the file carries, clauses the bookmarks of the numbered clauses,
// parts the other bookmarks (clause groups and schedules) by name. Where
// a change sits is named from our own file, whose bookmarks are where we
// put them: a program that re-saves a file may move them.
func elsewhere(sent, returned docx.Body, clauses map[string]bool, parts map[string]string) []Elsewhere {
	ours, theirs := outside(sent, clauses, parts), outside(returned, clauses, nil)
	// The longest common subsequence of the paragraphs, from the end, so
	// that walking it from the start finds each run of changes.
	n, m := len(ours), len(theirs)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if ours[i].text == theirs[j].text {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []Elsewhere
	var old, new []string
	part, after := outsidePart, ""
	flush := func() {
		if len(old) > 0 || len(new) > 0 {
			out = append(out, Elsewhere{Part: part, After: after, Diff: inlineDiff(strings.Join(old, "\n"), strings.Join(new, "\n"))})
		}
		old, new = nil, nil
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && ours[i].text == theirs[j].text:
			flush()
			part, after = ours[i].part, ours[i].text
			i, j = i+1, j+1
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			if len(old) == 0 && len(new) == 0 && ours[i].part != part {
				part, after = ours[i].part, ""
			}
			old = append(old, ours[i].text)
			i++
		default:
			new = append(new, theirs[j].text)
			j++
		}
	}
	flush()
	return out
}

// outside lists the non-empty paragraphs outside the numbered clauses,
// with their tracked changes accepted and their spaces tidied, each with
// the part it is in (parts nil: not named).
func outside(b docx.Body, clauses map[string]bool, parts map[string]string) []outsidePara {
	var out []outsidePara
	for _, p := range b.View(docx.AcceptAll) {
		text := strings.Join(strings.Fields(p.Text), " ")
		if clauses[p.Bookmark] || text == "" {
			continue
		}
		part, ok := parts[p.Bookmark]
		if !ok {
			part = outsidePart
		}
		out = append(out, outsidePara{text: text, part: part})
	}
	return out
}

// Where says where a change outside the clauses is: "Schedule 2
// (schedule.charges), after “Charges”".
func (e Elsewhere) Where() string {
	if e.After == "" {
		return e.Part
	}
	after := []rune(e.After)
	if len(after) > 60 {
		after = append(after[:57], []rune("…")...)
	}
	return e.Part + ", after “" + string(after) + "”"
}
