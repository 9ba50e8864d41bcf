package usecase

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"pactwright/app/amend"
	"pactwright/app/answers"
	"pactwright/app/draft"
	"pactwright/app/library"
	"pactwright/app/template"
	"pactwright/render"
	"pactwright/render/docx"
)

// What happened to a clause in a returned Word file.
const (
	ClauseUnchanged = "unchanged"
	ClauseChanged   = "changed"
	ClauseInserted  = "inserted"
	ClauseDeleted   = "deleted"
)

// MarkedClause is one clause as the other side returned it.
type MarkedClause struct {
	Key     string `json:"key,omitempty"` // empty for a clause they inserted
	Number  string `json:"number,omitempty"`
	After   string `json:"after,omitempty"` // an inserted clause: the clause it follows
	Status  string `json:"status"`
	Ours    string `json:"ours,omitempty"`
	Theirs  string `json:"theirs,omitempty"` // with their tracked changes accepted
	Tracked bool   `json:"tracked_changes,omitempty"`
	// Diff shows a changed clause inline: [-deleted-]{+inserted+}.
	Diff string `json:"diff,omitempty"`
	// Proposals are answer changes that produce their wording exactly.
	Proposals []Proposal `json:"proposals,omitempty"`
	// Negotiable: a changed clause no answer change produces, which can be
	// kept as negotiated wording (KeepWording).
	Negotiable bool     `json:"negotiable,omitempty"`
	Authors    []string `json:"authors,omitempty"` // who made the tracked changes in it
}

// Proposal is an answer change that would make our wording read as
// theirs does.
type Proposal struct {
	Field  string        `json:"field"`
	Label  string        `json:"label"`
	From   string        `json:"from"`
	To     string        `json:"to"`
	Clause string        `json:"clause"`
	Value  answers.Value `json:"-"`
}

// MarkupComment is a comment in the returned file.
type MarkupComment struct {
	Author string `json:"author"`
	Date   string `json:"date,omitempty"`
	Text   string `json:"text"`
	Clause string `json:"clause,omitempty"` // the clause key it was made in
	Number string `json:"number,omitempty"`
}

// Markup is what a returned Word file changes, clause by clause.
type Markup struct {
	DraftID    int64           `json:"draft_id"`
	DocumentID string          `json:"document_id"`
	Clauses    []MarkedClause  `json:"clauses"` // every clause that is not unchanged, in document order
	Unchanged  int             `json:"unchanged"`
	Comments   []MarkupComment `json:"comments"`
	Proposals  []Proposal      `json:"proposals"`
	Notes      []string        `json:"notes,omitempty"` // what could not be compared, and why
	// Elsewhere are changes outside the numbered clauses: the cover, the
	// schedules, the checklist, the signature page.
	Elsewhere []Elsewhere `json:"elsewhere,omitempty"`
}

// ErrNotPactwrightWord means a Word file was not exported by Pactwright.
var ErrNotPactwrightWord = errors.New("this Word file was not exported by Pactwright (or a program dropped the part that carries the draft), so its clauses cannot be matched: compare it by eye, or export the draft as Word again and ask for their changes in that file")

// ReadMarkup compares a Word file the other side returned with the draft
// it was exported from (the draft it carries): every clause unchanged,
// changed, inserted or deleted, their comments, and the answer changes
// that would produce their wording.
func (s *Service) ReadMarkup(id int64, file []byte) (Markup, error) {
	current, err := s.Library.Get(id)
	if err != nil {
		return Markup{}, err
	}
	body, err := docx.ReadBody(file)
	if err != nil {
		return Markup{}, err
	}
	m := Markup{DraftID: id, Comments: []MarkupComment{}, Proposals: []Proposal{}}
	carried, err := docx.Read(file)
	var sent draft.Draft
	switch {
	case errors.Is(err, docx.ErrNotOurs):
		// The draft part is gone, but the clause bookmarks may not be (a
		// file saved through another format keeps them): compare them with
		// the draft as it is now, and say so.
		if !hasClauseBookmarks(body) {
			return Markup{}, ErrNotPactwrightWord
		}
		sent = current.Content
		if carried, err = s.marks(sent); err != nil {
			return Markup{}, err
		}
		carried.DocumentID = ""
		m.Notes = append(m.Notes, fmt.Sprintf("This file no longer carries the draft it was sent with (the program that saved it dropped it, as LibreOffice does when a file goes through its own format), so its clauses, found by their bookmarks, are compared with draft %d as it is now: anything changed in the draft since it was sent shows here as their change.", id))
	case err != nil:
		return Markup{}, err
	default:
		data, ok := carried.Files[DraftAttachment]
		if !ok {
			return Markup{}, ErrNotPactwrightWord
		}
		if sent, err = draft.Unmarshal(s.Library.Template(), data); err != nil {
			return Markup{}, fmt.Errorf("the draft inside the Word file: %w", err)
		}
		var o Origin
		if err := json.Unmarshal(carried.Files[OriginAttachment], &o); err == nil && o.DraftID != 0 && o.DraftID != id {
			m.Notes = append(m.Notes, fmt.Sprintf("This file was exported from draft %d %q, not draft %d: it is compared with the draft inside it, and any answer changes go to draft %d.", o.DraftID, o.Title, id, id))
		}
	}
	m.DocumentID = carried.DocumentID
	doc, err := s.Engine.Document(sent)
	if err != nil {
		return Markup{}, err
	}
	ours := clauseTexts(doc)
	// What changed outside the clauses needs our own rendering of the
	// document: it is made while the proposals are composed.
	type outsideResult struct {
		changes []Elsewhere
		err     error
	}
	outsideDone := make(chan outsideResult, 1)
	go func() {
		e, err := s.elsewhere(doc, body, carried, ours)
		outsideDone <- outsideResult{e, err}
	}()
	keyOf := map[string]string{}
	for _, c := range carried.Clauses {
		keyOf[c.Bookmark] = c.Key
	}

	theirs, tracked, authors := map[string]string{}, map[string]bool{}, map[string][]string{}
	var inserted []MarkedClause
	last := ""
	for _, p := range body.Paras {
		if key := keyOf[p.Bookmark]; p.Tracked && key != "" {
			tracked[key] = true
			for _, a := range p.Authors {
				if !slices.Contains(authors[key], a) {
					authors[key] = append(authors[key], a)
				}
			}
		}
	}
	for _, p := range body.View(docx.AcceptAll) {
		key := keyOf[p.Bookmark]
		if _, isClause := ours[key]; isClause {
			if strings.TrimSpace(p.Text) == "" {
				// An empty paragraph a program left inside the bookmark
				// (LibreOffice moves a bookmark's end past a page break).
				if _, seen := theirs[key]; !seen {
					theirs[key] = ""
				}
				continue
			}
			if t, seen := theirs[key]; seen && t != "" {
				theirs[key] = t + "\n\n" + p.Text
			} else {
				theirs[key] = p.Text
			}
			last = key
			continue
		}
		if p.Style == "Clause" && strings.TrimSpace(p.Text) != "" {
			inserted = append(inserted, MarkedClause{Status: ClauseInserted, After: last, Theirs: p.Text})
		}
	}

	numbers, order := map[string]string{}, map[string]int{}
	seen := map[string]bool{}
	for _, sec := range doc.Sections {
		for _, b := range sec.Blocks {
			if b.Kind != render.Clause || b.Key == "" {
				continue
			}
			numbers[b.Key], order[b.Key] = b.Number, 2*len(order)+2
			c := MarkedClause{Key: b.Key, Number: b.Number, Ours: b.Text, Tracked: tracked[b.Key], Authors: authors[b.Key]}
			t, ok := theirs[b.Key]
			switch {
			case !ok || strings.TrimSpace(t) == "":
				c.Status = ClauseDeleted
			case t == b.Text:
				m.Unchanged++
				continue
			default:
				c.Status, c.Theirs, c.Diff = ClauseChanged, t, inlineDiff(b.Text, t)
				c.Proposals = s.proposals(sent, b.Key, b.Number, b.Text, t)
				c.Negotiable = len(c.Proposals) == 0
				for _, p := range c.Proposals {
					if !seen[p.Field] {
						seen[p.Field] = true
						m.Proposals = append(m.Proposals, p)
					}
				}
			}
			m.Clauses = append(m.Clauses, c)
		}
	}
	// Inserted clauses go after the clause they follow.
	for _, c := range inserted {
		c.Number = "new, after " + orStart(numbers[c.After])
		m.Clauses = append(m.Clauses, c)
	}
	place := func(c MarkedClause) int {
		if c.Status == ClauseInserted {
			return order[c.After] + 1
		}
		return order[c.Key]
	}
	sort.SliceStable(m.Clauses, func(i, j int) bool { return place(m.Clauses[i]) < place(m.Clauses[j]) })
	for _, c := range body.Comments {
		mc := MarkupComment{Author: c.Author, Date: c.Date, Text: c.Text, Clause: keyOf[c.Bookmark]}
		mc.Number = numbers[mc.Clause]
		m.Comments = append(m.Comments, mc)
	}
	outside := <-outsideDone
	if outside.err != nil {
		return Markup{}, outside.err
	}
	if len(theirs) > 0 { // else every paragraph of the file is "outside"
		m.Elsewhere = outside.changes
	}
	if len(carried.Clauses) > 0 && len(theirs) == 0 {
		m.Notes = append(m.Notes, "None of the clause bookmarks survived in this file, so every clause shows as deleted: the program that saved it dropped them.")
	}
	return m, nil
}

// elsewhere finds what they changed outside the numbered clauses, against
// our own Word rendering of the document sent.
func (s *Service) elsewhere(doc render.Document, returned docx.Body, carried docx.Carried, clauses map[string]string) ([]Elsewhere, error) {
	own, err := s.Engine.RenderWord(doc)
	if err != nil {
		return nil, err
	}
	sent, err := docx.ReadBody(own)
	if err != nil {
		return nil, err
	}
	isClause, parts := map[string]bool{}, map[string]string{}
	for _, c := range carried.Clauses {
		if _, ok := clauses[c.Key]; ok {
			isClause[c.Bookmark] = true
		} else {
			parts[c.Bookmark] = strings.TrimSpace(partName(c.Number) + " (" + c.Key + ")")
		}
	}
	return elsewhere(sent, returned, isClause, parts), nil
}

// partName is "Schedule 1" as it is, and "clause 4" for a clause group.
func partName(number string) string {
	if number == "" || strings.HasPrefix(number, "Schedule") {
		return number
	}
	return "clause " + number
}

// hasClauseBookmarks reports whether a Word file still holds the
// bookmarks Pactwright puts around its clauses.
func hasClauseBookmarks(body docx.Body) bool {
	return slices.ContainsFunc(body.Paras, func(p docx.Para) bool { return strings.HasPrefix(p.Bookmark, "pw_") })
}

// marks are the clause bookmarks a Word export of d holds, as the part
// that carries the draft would list them.
func (s *Service) marks(d draft.Draft) (docx.Carried, error) {
	doc, err := s.Engine.Document(d)
	if err != nil {
		return docx.Carried{}, err
	}
	own, err := s.Engine.RenderWord(doc)
	if err != nil {
		return docx.Carried{}, err
	}
	return docx.Read(own)
}

func orStart(n string) string {
	if n == "" {
		return "the start"
	}
	return n
}

// clauseTexts maps each numbered clause's key to its text.
func clauseTexts(doc render.Document) map[string]string {
	out := map[string]string{}
	for _, s := range doc.Sections {
		for _, b := range s.Blocks {
			if b.Kind == render.Clause && b.Key != "" {
				out[b.Key] = b.Text
			}
		}
	}
	return out
}

// inlineDiff shows the words changed from a to b as [-old-]{+new+}.
func inlineDiff(a, b string) string {
	var out strings.Builder
	runs := amend.Diff(a, b)
	for i, r := range runs {
		switch r.Kind {
		case render.Deleted:
			out.WriteString("[-" + strings.TrimSpace(r.Text) + "-]")
			if i+1 == len(runs) || runs[i+1].Kind != render.Inserted {
				out.WriteString(trailing(r.Text)) // else the insertion's own space follows
			}
		case render.Inserted:
			out.WriteString("{+" + strings.TrimSpace(r.Text) + "+}" + trailing(r.Text))
		default:
			out.WriteString(r.Text)
		}
	}
	return out.String()
}

func trailing(s string) string { return s[len(strings.TrimRight(s, " \n")):] }

var (
	numberPattern = regexp.MustCompile(`\d[\d,]*(?:\.\d+)?`)
	// spanPattern is a duration as the wording prints it: "30 days",
	// "10 Business Days", "1 year".
	spanPattern = regexp.MustCompile(`(?i)(\d[\d,]*) (business days?|days?|months?|years?)\b`)
)

// proposals finds answer changes that turn our clause into theirs, each
// kept only if the clause then reads exactly as theirs:
//   - where they replaced a number, every answer that holds the old
//     number is tried with the new one;
//   - where they replaced a duration with one in other units ("30 days"
//     → "1 month"), every duration answer that holds the old one is tried
//     with the new one, if its field allows those units;
//   - failing both, every other option of each choice (and yes/no) the
//     clause's wording names (a different payment timing, say).
func (s *Service) proposals(sent draft.Draft, key, number, ours, theirs string) []Proposal {
	t := s.Library.Template()
	type candidate struct {
		id    string
		field *template.Field
		old   answers.Value
		try   draft.Draft
		fits  bool
	}
	var cands []*candidate
	try := func(id string, f *template.Field, v, nv answers.Value) {
		c := &candidate{id: id, field: f, old: v, try: sent}
		c.try.Answers = maps.Clone(sent.Answers)
		c.try.Answers[id] = nv
		cands = append(cands, c)
	}
	var pairs [][2]string
	runs := amend.Diff(ours, theirs)
	for i := 0; i+1 < len(runs); i++ {
		if runs[i].Kind != render.Deleted || runs[i+1].Kind != render.Inserted {
			continue
		}
		olds, news := numberPattern.FindAllString(runs[i].Text, -1), numberPattern.FindAllString(runs[i+1].Text, -1)
		if len(olds) == len(news) {
			for j := range olds {
				pairs = append(pairs, [2]string{plainNumber(olds[j]), plainNumber(news[j])})
			}
		}
	}
	for _, p := range pairs {
		for id, v := range sent.Answers {
			f, ok := t.Field(id)
			if !ok || strings.TrimSpace(v.Text) != p[0] || len(v.Rows) > 0 {
				continue
			}
			nv := v
			nv.Text = p[1]
			try(id, f, v, nv)
		}
	}
	for _, span := range spanChanges(ours, theirs) {
		for id, v := range sent.Answers {
			f, ok := t.Field(id)
			if !ok || len(f.Units) == 0 || strings.TrimSpace(v.Text) != span.old[0] || !strings.EqualFold(v.Unit, span.old[1]) || !slices.Contains(f.Units, span.new[1]) {
				continue
			}
			try(id, f, v, answers.Value{Text: span.new[0], Unit: span.new[1]})
		}
	}
	if len(cands) == 0 {
		for _, id := range s.Engine.FieldsIn(key) {
			f, ok := t.Field(id)
			v, answered := sent.Answers[id]
			if !ok || !answered || !t.Visible(id, sent.Answers) {
				continue
			}
			switch f.Kind {
			case template.Choice:
				for _, o := range f.Options {
					if o.ID != v.Text {
						try(id, f, v, answers.Value{Text: o.ID})
					}
				}
			case template.YesNo:
				other := answers.Yes
				if v.Text == answers.Yes {
					other = answers.No
				}
				try(id, f, v, answers.Value{Text: other})
			}
		}
	}
	// Each candidate is one composition; the engine is safe for
	// concurrent use, so they run side by side.
	var wg sync.WaitGroup
	for _, c := range cands {
		wg.Add(1)
		go func() {
			defer wg.Done()
			doc, err := s.Engine.Document(c.try)
			c.fits = err == nil && clauseTexts(doc)[key] == theirs
		}()
	}
	wg.Wait()
	sort.Slice(cands, func(i, j int) bool { return cands[i].id < cands[j].id })
	var out []Proposal
	for _, c := range cands {
		if c.fits {
			nv := c.try.Answers[c.id]
			out = append(out, Proposal{Field: c.id, Label: c.field.Label, From: library.FormatValue(c.field, c.old), To: library.FormatValue(c.field, nv), Clause: number, Value: nv})
		}
	}
	return out
}

// span is a duration before and after their change: number and unit as
// the answers store them ("30", "days").
type span struct{ old, new [2]string }

// spanChanges lists the durations they rewrote in other units.
func spanChanges(ours, theirs string) []span {
	var out []span
	runs := amend.Diff(ours, theirs)
	for i := 0; i+1 < len(runs); i++ {
		if runs[i].Kind != render.Deleted || runs[i+1].Kind != render.Inserted {
			continue
		}
		olds, news := spanPattern.FindAllStringSubmatch(runs[i].Text, -1), spanPattern.FindAllStringSubmatch(runs[i+1].Text, -1)
		if len(olds) != len(news) {
			// The diff may cut inside "30 days": read the whole sentences.
			olds, news = spanPattern.FindAllStringSubmatch(ours, -1), spanPattern.FindAllStringSubmatch(theirs, -1)
			if len(olds) != len(news) {
				continue
			}
		}
		for j := range olds {
			o, n := [2]string{plainNumber(olds[j][1]), unitOf(olds[j][2])}, [2]string{plainNumber(news[j][1]), unitOf(news[j][2])}
			if o != n && o[1] != n[1] {
				out = append(out, span{o, n})
			}
		}
	}
	return out
}

// unitOf turns a printed unit into the answers' plural lower-case form.
func unitOf(printed string) string {
	u := strings.ToLower(printed)
	if !strings.HasSuffix(u, "s") {
		u += "s"
	}
	return u
}

// plainNumber drops thousands separators: "5,000.00" → "5000.00".
func plainNumber(s string) string { return strings.ReplaceAll(s, ",", "") }

// Negotiable lists the numbers of the clauses that can be kept as
// negotiated wording.
func (m Markup) Negotiable() []string {
	var out []string
	for _, c := range m.Clauses {
		if c.Negotiable {
			out = append(out, c.Number)
		}
	}
	return out
}

// ApplyMarkup makes the proposed answer changes in the working copy.
func (s *Service) ApplyMarkup(id int64, proposals []Proposal) (int, error) {
	if len(proposals) == 0 {
		return 0, nil
	}
	d, err := s.Library.Get(id)
	if err != nil {
		return 0, err
	}
	for _, p := range proposals {
		d.Content.Answers[p.Field] = p.Value
	}
	if _, err := s.Library.Autosave(id, d.Content, d.Version); err != nil {
		return 0, fmt.Errorf("apply the answer changes to draft %d: %w", id, err)
	}
	return len(proposals), nil
}

// Report is the comparison as both front ends show it: a summary line,
// then each clause that is not unchanged, then the comments. name names
// the returned file.
func (m Markup) Report(name string) string {
	var w strings.Builder
	fmt.Fprintln(&w, m.Summary(name))
	for _, n := range m.Notes {
		fmt.Fprintf(&w, "Note: %s\n", n)
	}
	for _, c := range m.Clauses {
		fmt.Fprintf(&w, "\n%s\n", c.Heading())
		if c.Status == ClauseChanged {
			fmt.Fprintf(&w, "  %s\n", c.Diff)
		}
		for _, line := range c.Lines() {
			fmt.Fprintf(&w, "  %s\n", line)
		}
	}
	if rest := m.Rest(); rest != "" {
		fmt.Fprintf(&w, "\n%s", rest)
	}
	return w.String()
}

// Rest is what follows the clauses: what changed outside them, and the
// comments.
func (m Markup) Rest() string {
	var w strings.Builder
	for i, e := range m.Elsewhere {
		if i > 0 {
			fmt.Fprintln(&w)
		}
		fmt.Fprintf(&w, "Outside the clauses, %s: changed\n  %s\n  %s\n", e.Where(), e.Diff, ElsewhereAdvice)
	}
	if len(m.Comments) > 0 {
		if len(m.Elsewhere) > 0 {
			fmt.Fprintln(&w)
		}
		fmt.Fprintln(&w, "Comments:")
		for _, c := range m.Comments {
			where := ""
			if c.Number != "" {
				where = " on " + c.Number
			}
			fmt.Fprintf(&w, "  %s%s (%s): %s\n", c.Author, where, c.Date, c.Text)
		}
	}
	return w.String()
}

// ElsewhereAdvice is what to do about a change outside the clauses.
const ElsewhereAdvice = "Pactwright reads no answers from here and cannot keep it as negotiated wording: if you agree, change the answers by hand."

// Summary counts what the returned file changed.
func (m Markup) Summary(name string) string {
	counts := map[string]int{}
	for _, c := range m.Clauses {
		counts[c.Status]++
	}
	outside := ""
	if n := len(m.Elsewhere); n > 0 {
		outside = "; " + template.Count(n, "parts") + " changed outside the clauses"
	}
	doc := "document " + m.DocumentID
	if m.DocumentID == "" {
		doc = "document id unknown"
	}
	return fmt.Sprintf("%s (%s) against draft %d: %d clauses unchanged, %d changed, %d inserted, %d deleted; %s",
		name, doc, m.DraftID, m.Unchanged, counts[ClauseChanged], counts[ClauseInserted], counts[ClauseDeleted], template.Count(len(m.Comments), "comments")) + outside
}

// Heading names a clause and what happened to it: "4.5
// pricing.invoices_and_payment: changed (tracked changes)".
func (c MarkedClause) Heading() string {
	h := strings.TrimSpace(c.Number+" "+c.Key) + ": " + c.Status
	if c.Tracked {
		h += " (tracked changes)"
	}
	return h
}

// Lines say what can be done with a clause's change (or, inserted or
// deleted, its words), after the difference itself.
func (c MarkedClause) Lines() []string {
	var out []string
	switch c.Status {
	case ClauseChanged:
		for _, p := range c.Proposals {
			out = append(out, fmt.Sprintf("proposes: %s %s → %s", p.Label, p.From, p.To))
		}
		if c.Negotiable {
			out = append(out, "their own wording: no answers produce it; it can be kept as negotiated wording, or rejected")
		}
	case ClauseInserted:
		out = append(out, c.Theirs)
	case ClauseDeleted:
		out = append(out, "was: "+c.Ours)
	}
	return out
}
