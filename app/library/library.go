// Package library keeps drafts in one SQLite file: the working copy that
// autosave overwrites, immutable revisions, export records and status.
//
// A lost edit or a corrupted library is the worst thing this product can do
// to a user, so the rules here are strict: every write is a single
// transaction, writers detect each other through a version number instead of
// silently overwriting, and a file that is not a library this version
// understands is refused before anything is written to it.
package library

import (
	"database/sql"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"

	"pactwright/app/draft"
	"pactwright/app/template"
)

// Status is where a draft is in its life.
type Status string

// Statuses. A draft becomes final when exported for signature, signed when
// the user marks it so, and an amendment as soon as a signed draft is edited.
const (
	StatusDraft     Status = "draft"
	StatusFinal     Status = "final"
	StatusSigned    Status = "signed"
	StatusAmendment Status = "amendment"
)

// Revision kinds.
const (
	KindSave        = "save"
	KindExport      = "export"
	KindSigned      = "signed"
	KindRestoreUndo = "restore-undo"
)

// Summary is what the drafts browser shows for one draft.
type Summary struct {
	ID       int64     `json:"id"`
	Title    string    `json:"title"`
	Customer string    `json:"customer"`
	Provider string    `json:"provider"`
	Status   Status    `json:"status"`
	Percent  int       `json:"percent"`
	Changed  time.Time `json:"changed"` // UTC
	// Deleted and DeletedBy say when and by whom a draft in the trash was
	// put there; Deleted is nil for a draft not in the trash.
	Deleted   *time.Time `json:"deleted,omitempty"`
	DeletedBy string     `json:"deleted_by,omitempty"`
}

// Draft is one draft with its working copy.
type Draft struct {
	Summary
	Content draft.Draft `json:"-"`
	// Version increases on every change to the working copy; pass it back
	// to Autosave so a stale window cannot overwrite a newer save.
	Version        int64 `json:"version"`
	SignedRevision int   `json:"signed_revision,omitempty"` // 0 if never signed
}

// Revision is one immutable snapshot of a draft.
type Revision struct {
	Number  int       `json:"number"`
	Kind    string    `json:"kind"` // KindSave, KindExport, KindSigned or KindRestoreUndo
	Note    string    `json:"note,omitempty"`
	Created time.Time `json:"created"` // UTC
	Title   string    `json:"title"`
	// SHA256 is the hex digest of the exported or signed PDF, when known.
	SHA256 string `json:"sha256,omitempty"`
	// Author is who made it ('' for revisions from before authors were kept).
	Author string `json:"author,omitempty"`
}

// Change is one field that differs between two versions of a draft, in
// the words the form uses.
type Change struct {
	Group string `json:"group"` // clause group name, e.g. "Parties & Term"
	Field string `json:"field"` // field id
	Label string `json:"label"` // field label, with the row for table rows
	Old   string `json:"old"`
	New   string `json:"new"`
}

// Errors callers act on.
var (
	// ErrConflict means the working copy changed since the caller's version:
	// another window or process saved it. Reload (Get) and reapply.
	ErrConflict = errors.New("the draft was changed elsewhere since it was opened")
	// ErrNotFound means no draft or revision has that id or number.
	ErrNotFound = errors.New("not found")
	// ErrNewerVersion means the library was written by a newer Pactwright.
	ErrNewerVersion = errors.New("this library was written by a newer version of Pactwright")
	// ErrNotLibrary means the file is not a Pactwright library (or is damaged).
	ErrNotLibrary = errors.New("not a Pactwright library")
	// ErrNotExported means a PDF matches no export recorded in the library:
	// it was changed, or made elsewhere.
	ErrNotExported = errors.New("the PDF does not come from any export recorded in this library")
	// ErrChangedAfterExport means a PDF starts as a recorded export but
	// what was appended changes what its pages show: not only signatures.
	ErrChangedAfterExport = errors.New("the PDF was changed after export, not only signed")
)

// Library is an open library file. It is safe for concurrent use.
type Library struct {
	db   *sql.DB
	d    dialect
	path string // a file path, or a connection string without its password
	// pg is the connection settings of a library on PostgreSQL (nil for
	// a file), for Watch's connection of its own.
	pg *pgx.ConnConfig
	// author is who the revisions, exports and deletions made through this
	// handle are recorded as (see SetAuthor).
	author *atomic.Pointer[string]
	t      *template.Template
	now    func() time.Time
	// readOnly is why the library was opened for reading only (a full
	// disk, a read-only file or folder); nil when it can be written.
	readOnly error
}

// Template returns the agreement template the library reads drafts with.
func (l *Library) Template() *template.Template { return l.t }

// Path returns the library file's path, or its PostgreSQL connection
// string with the password hidden.
func (l *Library) Path() string { return l.path }

// Close closes the library.
func (l *Library) Close() error {
	if err := l.db.Close(); err != nil {
		return fmt.Errorf("close library %s: %w", l.path, err)
	}
	return nil
}
