package usecase

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"pactwright/app/draft"
)

// WordingChoice is what the user decided about the clauses a returned file
// rewrote in words no answer produces: each named by its number ("8.9") or
// its clause key.
type WordingChoice struct {
	Keep   []string
	Reject []string
}

// KeptWording is one clause whose rewrite was kept as negotiated wording.
type KeptWording struct {
	Key    string `json:"key"`
	Number string `json:"number"`
}

// KeepWording stores each rewrite the user keeps as the negotiated wording
// of its clause in draft id's working copy, noting who wrote it and which
// file (name) it came from; a rejected rewrite changes nothing. Every
// clause named must be one the comparison offers, and none both kept and
// rejected.
func (s *Service) KeepWording(id int64, m Markup, name string, choice WordingChoice, now time.Time) ([]KeptWording, error) {
	keep, err := offered(m, choice.Keep, "keep")
	if err != nil {
		return nil, err
	}
	reject, err := offered(m, choice.Reject, "reject")
	if err != nil {
		return nil, err
	}
	for _, c := range keep {
		if slices.ContainsFunc(reject, func(r MarkedClause) bool { return r.Key == c.Key }) {
			return nil, fmt.Errorf("clause %s is both kept and rejected: choose one", c.Number)
		}
	}
	if len(keep) == 0 {
		return nil, nil
	}
	d, err := s.Library.Get(id)
	if err != nil {
		return nil, err
	}
	from := filepath.Base(name)
	if m.DocumentID != "" {
		from += ", document " + m.DocumentID
	}
	var out []KeptWording
	for _, c := range keep {
		n := draft.Negotiated{Text: c.Theirs, Number: c.Number, By: strings.Join(c.Authors, ", "), From: from, At: now}
		if err := d.Content.KeepWording(c.Key, n); err != nil {
			return nil, err
		}
		out = append(out, KeptWording{Key: c.Key, Number: c.Number})
	}
	if _, err := s.Library.Autosave(id, d.Content, d.Version); err != nil {
		return nil, fmt.Errorf("keep the negotiated wording in draft %d: %w", id, err)
	}
	return out, nil
}

// offered finds the clauses named (by number or key) among those the
// comparison offers as negotiated wording.
func offered(m Markup, names []string, verb string) ([]MarkedClause, error) {
	var out []MarkedClause
	for _, name := range names {
		name = strings.TrimSpace(name)
		i := slices.IndexFunc(m.Clauses, func(c MarkedClause) bool { return c.Negotiable && (c.Number == name || c.Key == name) })
		if i < 0 {
			return nil, fmt.Errorf("cannot %s clause %q: the file does not rewrite it in words of its own (the clauses it does: %s)", verb, name, negotiableList(m))
		}
		if !slices.ContainsFunc(out, func(c MarkedClause) bool { return c.Key == m.Clauses[i].Key }) {
			out = append(out, m.Clauses[i])
		}
	}
	return out, nil
}

func negotiableList(m Markup) string {
	nums := m.Negotiable()
	if len(nums) == 0 {
		return "none"
	}
	return strings.Join(nums, ", ")
}

// NegotiatedClause is a clause of a draft printed with negotiated wording.
type NegotiatedClause struct {
	Key string `json:"key"`
	draft.Negotiated
}

// Wording lists the negotiated wording in draft id's working copy.
func (s *Service) Wording(id int64) ([]NegotiatedClause, error) {
	d, err := s.Library.Get(id)
	if err != nil {
		return nil, err
	}
	var out []NegotiatedClause
	for _, key := range d.Content.NegotiatedKeys() {
		out = append(out, NegotiatedClause{Key: key, Negotiated: d.Content.Negotiated[key]})
	}
	return out, nil
}

// DropWording goes back to the generated wording for a clause of draft
// id, named by its number or its key.
func (s *Service) DropWording(id int64, clause string) (NegotiatedClause, error) {
	d, err := s.Library.Get(id)
	if err != nil {
		return NegotiatedClause{}, err
	}
	clause = strings.TrimSpace(clause)
	var found NegotiatedClause
	for _, key := range d.Content.NegotiatedKeys() {
		if n := d.Content.Negotiated[key]; key == clause || n.Number == clause {
			found = NegotiatedClause{Key: key, Negotiated: n}
		}
	}
	if found.Key == "" {
		var have []string
		for _, key := range d.Content.NegotiatedKeys() {
			have = append(have, d.Content.Negotiated[key].Number)
		}
		if len(have) == 0 {
			return NegotiatedClause{}, fmt.Errorf("draft %d has no negotiated wording", id)
		}
		return NegotiatedClause{}, fmt.Errorf("clause %q of draft %d has no negotiated wording (these do: %s)", clause, id, strings.Join(have, ", "))
	}
	d.Content.DropWording(found.Key)
	if _, err := s.Library.Autosave(id, d.Content, d.Version); err != nil {
		return NegotiatedClause{}, fmt.Errorf("drop the negotiated wording of clause %s in draft %d: %w", found.Number, id, err)
	}
	return found, nil
}
