// Package adapt connects the screens in forms to the real draft library and
// agreement engine. It is the only place that knows both vocabularies, so
// forms itself never imports the SQLite- or PDF-backed packages.
package adapt

import (
	"errors"
	"fmt"

	"pactwright/app/agreement"
	"pactwright/app/draft"
	"pactwright/app/library"
	"pactwright/forms"
)

// Store adapts a *library.Library to forms.Store.
type Store struct{ L *library.Library }

var _ forms.Store = Store{}

func summary(s library.Summary) forms.Summary {
	return forms.Summary{ID: s.ID, Title: s.Title, Customer: s.Customer, Provider: s.Provider, Status: forms.Status(s.Status), Percent: s.Percent, Changed: s.Changed}
}

func revision(r library.Revision) forms.Revision {
	return forms.Revision{Number: r.Number, Kind: r.Kind, Note: r.Note, Created: r.Created, Author: r.Author}
}

func changes(cs []library.Change) []forms.Change {
	out := make([]forms.Change, len(cs))
	for i, c := range cs {
		out[i] = forms.Change{Group: c.Group, Field: c.Field, Label: c.Label, Old: c.Old, New: c.New}
	}
	return out
}

// Create implements forms.Store.
func (s Store) Create(d draft.Draft) (int64, error) { return s.L.Create(d) }

// Duplicate implements forms.Store.
func (s Store) Duplicate(id int64) (int64, error) { return s.L.Duplicate(id) }

// Rename implements forms.Store.
func (s Store) Rename(id int64, title string) error { return s.L.Rename(id, title) }

// List implements forms.Store.
func (s Store) List(q string) ([]forms.Summary, error) {
	ls, err := s.L.List(q)
	out := make([]forms.Summary, len(ls))
	for i, x := range ls {
		out[i] = summary(x)
	}
	return out, err
}

// Delete implements forms.Store.
func (s Store) Delete(id int64) error { return s.L.Delete(id) }

// Undelete implements forms.Store.
func (s Store) Undelete(id int64) error { return s.L.Undelete(id) }

// Trash implements forms.Store.
func (s Store) Trash() ([]forms.Summary, error) {
	ls, err := s.L.Trash()
	out := make([]forms.Summary, len(ls))
	for i, x := range ls {
		out[i] = summary(x)
	}
	return out, err
}

// Purge implements forms.Store.
func (s Store) Purge(id int64) error { return s.L.Purge(id) }

// Get implements forms.Store.
func (s Store) Get(id int64) (forms.StoredDraft, error) {
	d, err := s.L.Get(id)
	if err != nil {
		return forms.StoredDraft{}, err
	}
	sd := forms.StoredDraft{Summary: summary(d.Summary), Content: d.Content, Version: d.Version, SignedRevision: d.SignedRevision}
	if d.SignedRevision > 0 {
		signed, err := s.L.RevisionContent(id, d.SignedRevision)
		if err != nil {
			return forms.StoredDraft{}, err
		}
		sd.Signed = &signed
	}
	return sd, nil
}

// Autosave implements forms.Store, translating the library's conflict error.
// A save that lost the race keeps the answers as a conflict copy, named in
// the error the window shows.
func (s Store) Autosave(id int64, d draft.Draft, base int64, opened *draft.Draft) (int64, error) {
	v, err := s.L.SaveWorking(id, d, base, opened)
	return v, conflict(err)
}

// KeepMine implements forms.Store.
func (s Store) KeepMine(id int64, d draft.Draft) (int64, error) { return s.L.KeepMine(id, d) }

// conflict translates the library's conflict error into the window's,
// keeping who saved first and where the person's answers were kept.
func conflict(err error) error {
	var c *library.ConflictError
	switch {
	case errors.As(err, &c):
		return &forms.Conflict{By: c.By, At: c.At, CopyID: c.CopyID, CopyTitle: c.CopyTitle}
	case errors.Is(err, library.ErrConflict):
		return fmt.Errorf("%w (%w)", forms.ErrConflict, err)
	}
	return err
}

// SaveRevision implements forms.Store.
func (s Store) SaveRevision(id int64, note string) (forms.Revision, error) {
	r, err := s.L.SaveRevision(id, note)
	return revision(r), err
}

// History implements forms.Store.
// The notes of signed and exported points name their place in the signed
// chain (the agreement, Amendment No. N), so History shows the chain.
func (s Store) History(id int64) ([]forms.Revision, error) {
	rs, err := s.L.History(id)
	if err != nil {
		return nil, err
	}
	chain, err := s.L.Chain(id)
	if err != nil {
		return nil, err
	}
	signed := map[int]string{}
	for _, p := range chain {
		signed[p.Revision] = "Agreement signed"
		if p.Amendment > 0 {
			signed[p.Revision] = fmt.Sprintf("Amendment No. %d signed, effective %s", p.Amendment, p.Effective)
		}
	}
	out := make([]forms.Revision, len(rs))
	for i, r := range rs {
		out[i] = revision(r)
		switch {
		case signed[r.Number] != "":
			out[i].Note = signed[r.Number]
		case r.Kind == library.KindExport:
			k, err := s.L.ExportKindOf(id, r.Number)
			if err != nil {
				return nil, err
			}
			if k.Amendment > 0 {
				out[i].Note = fmt.Sprintf("Amendment No. %d · %s", k.Amendment, r.Note)
			}
		}
	}
	return out, nil
}

// Diff implements forms.Store.
func (s Store) Diff(id int64, from, to int) ([]forms.Change, error) {
	cs, err := s.L.Diff(id, from, to)
	return changes(cs), err
}

// DiffSigned implements forms.Store.
func (s Store) DiffSigned(id int64) ([]forms.Change, error) {
	cs, err := s.L.DiffSigned(id)
	return changes(cs), err
}

// RestoreRevision implements forms.Store.
func (s Store) RestoreRevision(id int64, n int) error { return s.L.RestoreRevision(id, n) }

// Renderer adapts an *agreement.Engine to forms.Renderer. The engine is
// safe for concurrent use, so the preview and an export may run at once.
type Renderer struct {
	E *agreement.Engine
}

var _ forms.Renderer = (*Renderer)(nil)

// Preview implements forms.Renderer.
func (r *Renderer) Preview(d draft.Draft) string {
	s, err := r.E.Preview(d)
	if err != nil {
		return "The preview could not be produced: " + err.Error()
	}
	return s
}

// UnsupportedCharacters implements forms.Renderer.
func (r *Renderer) UnsupportedCharacters(d draft.Draft) []rune {
	bad, _ := r.E.UnsupportedCharacters(d)
	return bad
}
