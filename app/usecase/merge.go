package usecase

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"pactwright/app/answers"
	"pactwright/app/draft"
	"pactwright/app/library"
	"pactwright/app/template"
)

// Who changed a field since the answers both sides started from.
const (
	ChangedByYou  = "you"
	ChangedByThem = "them"
	ChangedByBoth = "both"
)

// MergeField is one field whose answer differs between their save and
// your conflict copy, in the form's words.
type MergeField struct {
	Field  string `json:"field"` // field id, what --mine and --theirs take
	Label  string `json:"label"`
	Group  string `json:"group"`
	Theirs string `json:"theirs"`
	Mine   string `json:"mine"`
	// ChangedBy is ChangedByYou, ChangedByThem or ChangedByBoth since the
	// answers you started from; "" when the copy does not record them.
	ChangedBy string `json:"changed_by,omitempty"`
	// TakeMine is the suggestion: yours when only you changed the field,
	// theirs otherwise (both changed it, or it is not known).
	TakeMine bool `json:"take_mine"`
}

// Merge is a conflict ready to merge field by field: their working copy
// at Version, and your answers in the conflict copy CopyID.
type Merge struct {
	ID      int64        `json:"id"`
	CopyID  int64        `json:"copy_id"`
	Version int64        `json:"version"` // their working copy's version the merge applies to
	Title   string       `json:"title"`   // their title, which the merge keeps
	Fields  []MergeField `json:"fields"`
	theirs  draft.Draft
	mine    draft.Draft
}

// MergeConflict compares draft id (their save, as the library holds it
// now) with the conflict copy copyID (your answers). opened is the draft
// as you had it before their save; when nil, the one the conflict copy
// recorded is used, and without either ChangedBy stays unknown.
func (s *Service) MergeConflict(id, copyID int64, opened *draft.Draft) (Merge, error) {
	if id == copyID {
		return Merge{}, fmt.Errorf("merge draft %d: the conflict copy must be another draft", id)
	}
	theirs, err := s.Library.Get(id)
	if err != nil {
		return Merge{}, fmt.Errorf("merge draft %d: %w", id, err)
	}
	mine, err := s.Library.Get(copyID)
	if err != nil {
		return Merge{}, fmt.Errorf("merge draft %d with %d: %w", id, copyID, err)
	}
	if opened == nil {
		base, ok, err := s.Library.ConflictBase(copyID)
		if err != nil {
			return Merge{}, fmt.Errorf("merge draft %d with %d: %w", id, copyID, err)
		}
		if ok {
			opened = &base
		}
	}
	m := Merge{ID: id, CopyID: copyID, Version: theirs.Version, Title: theirs.Title, theirs: theirs.Content, mine: mine.Content}
	t := s.Library.Template()
	for _, g := range t.Groups {
		for i := range g.Fields {
			f := &g.Fields[i]
			a, b := theirs.Content.Answers[f.ID], mine.Content.Answers[f.ID]
			if same(a, b) {
				continue
			}
			mf := MergeField{Field: f.ID, Label: f.Label, Group: g.Name, Theirs: showValue(f, a), Mine: showValue(f, b)}
			if opened != nil {
				o := opened.Answers[f.ID]
				switch you, them := !same(o, b), !same(o, a); {
				case you && them:
					mf.ChangedBy = ChangedByBoth
				case you:
					mf.ChangedBy, mf.TakeMine = ChangedByYou, true
				default:
					mf.ChangedBy = ChangedByThem
				}
			}
			m.Fields = append(m.Fields, mf)
		}
	}
	return m, nil
}

func same(a, b answers.Value) bool { return a.Equal(b) || (a.IsBlank() && b.IsBlank()) }

// showValue is an answer as the form reads it; a table's rows joined.
func showValue(f *template.Field, v answers.Value) string {
	if f.Kind != template.Table {
		return library.FormatValue(f, v)
	}
	rows := make([]string, len(v.Rows))
	for i, r := range v.Rows {
		rows[i] = f.DisplayRow(r)
	}
	return strings.Join(rows, "; ")
}

// Merged says what ApplyMerge saved.
type Merged struct {
	ID       int64
	Revision library.Revision
	Mine     []string // labels of the fields taken from your copy
	Theirs   int      // how many differing fields kept their answer
	CopyID   int64
}

func (m Merged) String() string {
	yours := "none of your answers taken"
	if len(m.Mine) > 0 {
		yours = "your answers taken for " + strings.Join(m.Mine, "; ")
	}
	return fmt.Sprintf("merged draft %d as revision %d: %s, theirs kept for %s; your conflict copy, draft %d, is unchanged",
		m.ID, m.Revision.Number, yours, template.Count(m.Theirs, "other fields"), m.CopyID)
}

// ErrMergeField means a field named for the merge is not one that differs.
var ErrMergeField = errors.New("no answer of that field differs between the two drafts")

// ApplyMerge saves their answers with the fields named in mine taken from
// your conflict copy, over their working copy, as a new revision (the
// conflict copy stays). Every field in mine must be one m lists. If their
// working copy changed since MergeConflict, nothing is written and the
// error is a library conflict: compare again.
func (s *Service) ApplyMerge(m Merge, mine []string) (Merged, error) {
	out := Merged{ID: m.ID, CopyID: m.CopyID}
	merged := m.theirs.Clone()
	merged.Answers = merged.Answers.Clone()
	for _, id := range mine {
		i := slices.IndexFunc(m.Fields, func(f MergeField) bool { return f.Field == id })
		if i < 0 {
			return Merged{}, fmt.Errorf("merge draft %d: field %q: %w (they are: %s)", m.ID, id, ErrMergeField, fieldIDs(m.Fields))
		}
		if slices.Contains(out.Mine, m.Fields[i].Label) {
			continue
		}
		if v, ok := m.mine.Answers[id]; ok {
			merged.Answers[id] = v.Clone()
		} else {
			delete(merged.Answers, id)
		}
		out.Mine = append(out.Mine, m.Fields[i].Label)
	}
	out.Theirs = len(m.Fields) - len(out.Mine)
	note := fmt.Sprintf("merged with conflict copy %d", m.CopyID)
	if len(out.Mine) > 0 {
		note += ", taking from it " + strings.Join(out.Mine, "; ")
	}
	r, err := s.Library.SaveMerged(m.ID, merged, m.Version, note)
	if err != nil {
		return Merged{}, err
	}
	out.Revision = r
	return out, nil
}

func fieldIDs(fs []MergeField) string {
	if len(fs) == 0 {
		return "none"
	}
	ids := make([]string, len(fs))
	for i, f := range fs {
		ids[i] = f.Field
	}
	return strings.Join(ids, ", ")
}
