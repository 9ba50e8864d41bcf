// Package forms holds every screen the user sees: the drafts browser, the
// tabbed clause-group editor, the checklist and findings panel, the preview
// and the history, export and menu dialogs.
//
// Forms never touches SQL or PDF bytes itself. It talks to the draft library
// through Store and to the agreement engine through Renderer, so it tests
// headless with in-memory fakes and the real pieces are wired in main.go.
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
}

// Revision is one saved version in a draft's history.
type Revision struct {
	Number  int
	Kind    string
	Note    string
	Created time.Time
}

// Change is one field that differs between two revisions.
type Change struct {
	Group, Field, Label, Old, New string
}

// ErrConflict is what a Store returns from Autosave when the draft was
// changed elsewhere since baseVersion. Adapters translate the library's own
// conflict error into this one.
var ErrConflict = errors.New("the draft was changed in another window")

// Store is the part of the draft library the screens use. The library
// adapter in forms/libstore satisfies it; tests use forms/memstore.
type Store interface {
	Create(d draft.Draft) (int64, error)
	Duplicate(id int64) (int64, error)
	Rename(id int64, title string) error
	List(query string) ([]Summary, error)
	Delete(id int64) error
	Undelete(id int64) error
	Get(id int64) (StoredDraft, error)
	Autosave(id int64, d draft.Draft, baseVersion int64) (int64, error)
	SaveRevision(id int64, note string) (Revision, error)
	History(id int64) ([]Revision, error)
	Diff(id int64, from, to int) ([]Change, error)
	DiffSigned(id int64) ([]Change, error)
	RestoreRevision(id int64, number int) error
	RecordExport(id int64, path string, pdf []byte) (Revision, error)
	// MarkSigned records the draft as signed. signedPDF is the signed file,
	// which must come from one of the draft's exports (a signer only appends
	// to it); nil means it was signed on paper: the latest export counts.
	MarkSigned(id int64, signedPDF []byte) (Revision, error)
}

// Renderer turns a draft into the agreement's text and PDF. It must be safe
// to call from a goroutine other than the UI's: the preview and the export
// run off the UI goroutine.
type Renderer interface {
	Preview(d draft.Draft) string
	RenderPDF(d draft.Draft) (pdf []byte, warnings []string, err error)
	UnsupportedCharacters(d draft.Draft) []rune
}

// RendererFuncs adapts three plain functions to Renderer, which keeps the
// wiring in main.go to one literal.
type RendererFuncs struct {
	PreviewFunc     func(draft.Draft) string
	RenderPDFFunc   func(draft.Draft) ([]byte, []string, error)
	UnsupportedFunc func(draft.Draft) []rune
}

// Preview implements Renderer.
func (r RendererFuncs) Preview(d draft.Draft) string {
	if r.PreviewFunc == nil {
		return "(The agreement preview is not available in this build.)"
	}
	return r.PreviewFunc(d)
}

// RenderPDF implements Renderer.
func (r RendererFuncs) RenderPDF(d draft.Draft) ([]byte, []string, error) {
	if r.RenderPDFFunc == nil {
		return nil, nil, errors.New("PDF export is not available in this build")
	}
	return r.RenderPDFFunc(d)
}

// UnsupportedCharacters implements Renderer.
func (r RendererFuncs) UnsupportedCharacters(d draft.Draft) []rune {
	if r.UnsupportedFunc == nil {
		return nil
	}
	return r.UnsupportedFunc(d)
}
