// Package forms holds every screen the user sees: the drafts browser, the
// tabbed clause-group editor, the checklist and findings panel, the preview
// and the history, export and menu dialogs.
//
// Forms never touches SQL or PDF bytes itself. It talks to the draft library
// through Store and to the agreement engine through Renderer, so it tests
// headless with in-memory fakes; forms/adapt connects the real library and
// engine, and main.go hands those adapters to New.
package forms

import (
	"errors"
	"time"

	"pactwright/app/draft"
)

// Status is where a draft stands in its life: drafting, exported, signed.
type Status string

// Summary is one row of the drafts browser.
type Summary struct {
	ID       int64
	Title    string
	Customer string
	Provider string
	Status   Status
	Percent  int
	Changed  time.Time
}

// StoredDraft is a draft as the library holds it: its content plus the
// version autosave must quote to detect a write from another window.
type StoredDraft struct {
	Summary
	Content        draft.Draft
	Version        int64
	SignedRevision int
	// Signed holds the terms in force (the signed revision's answers) when
	// SignedRevision is set, so the editor can mark what an amendment changes.
	Signed *draft.Draft
}

// Revision is one saved version in a draft's history.
type Revision struct {
	Number  int
	Kind    string
	Note    string
	Created time.Time
	Author  string // who made it; "" when not known
}

// Change is one field that differs between two versions of a draft.
type Change struct {
	Group, Field, Label, Old, New string
}

// Errors a Store returns that the screens act on. Adapters translate the
// library's own errors into these, so forms need not import the library.
var (
	// ErrConflict: the draft was changed elsewhere since the version the
	// caller quoted (Autosave's baseVersion, RecordExport's version).
	ErrConflict = errors.New("the draft was changed in another window")
	// ErrNotExported: MarkSigned was given a PDF that is not one of the
	// draft's exports (nor one with a signature appended to it).
	ErrNotExported = errors.New("the PDF does not come from this draft's exports")
)

// Conflict is ErrConflict with what the person needs to decide: who saved
// the draft first and when, and the draft now holding their own answers.
type Conflict struct {
	By        string    // "" when not known
	At        time.Time // UTC; zero when not known
	CopyID    int64     // 0 when no conflict copy was made
	CopyTitle string
}

func (c *Conflict) Error() string { return ErrConflict.Error() }
func (c *Conflict) Unwrap() error { return ErrConflict }

// Store is the part of the draft library the screens use. adapt.Store
// satisfies it with the real library; the form tests use an in-memory fake.
type Store interface {
	Create(d draft.Draft) (int64, error)
	Duplicate(id int64) (int64, error)
	Rename(id int64, title string) error
	List(query string) ([]Summary, error)
	// Delete moves a draft to the trash; Undelete takes it out again.
	Delete(id int64) error
	Undelete(id int64) error
	// Trash lists the drafts in the trash, most recently deleted first.
	Trash() ([]Summary, error)
	// Purge deletes a draft in the trash for good, with its history.
	Purge(id int64) error
	Get(id int64) (StoredDraft, error)
	// Autosave writes d over the working copy if it is still at
	// baseVersion. opened, when known, is the answers at baseVersion: a
	// conflict copy records them for a later merge.
	Autosave(id int64, d draft.Draft, baseVersion int64, opened *draft.Draft) (int64, error)
	// KeepMine writes d over the working copy whatever its version (the
	// user chose "Keep my version" after a conflict), keeping what it held
	// as a revision in History, and returns the new version.
	KeepMine(id int64, d draft.Draft) (int64, error)
	SaveRevision(id int64, note string) (Revision, error)
	History(id int64) ([]Revision, error)
	// Diff lists the fields that differ from revision from to revision
	// to, in form order; 0 stands for the working copy.
	Diff(id int64, from, to int) ([]Change, error)
	DiffSigned(id int64) ([]Change, error)
	RestoreRevision(id int64, number int) error
}

// Renderer turns a draft into the agreement's text. It must be safe
// to call from a goroutine other than the UI's: the preview and the export
// run off the UI goroutine.
type Renderer interface {
	Preview(d draft.Draft) string
	UnsupportedCharacters(d draft.Draft) []rune
}

// noRenderer stands in when New is given no Renderer: the editor still
// works, and says what is missing instead of failing.
type noRenderer struct{}

func (noRenderer) Preview(draft.Draft) string {
	return "(The agreement preview is not available in this build.)"
}

func (noRenderer) UnsupportedCharacters(draft.Draft) []rune { return nil }
