package library

import (
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// ErrAlreadySigned means someone marked another copy of the draft signed
// after the export being marked: there can be only one signed copy of an
// export, so the second marking is refused instead of replacing the first.
var ErrAlreadySigned = errors.New("the draft was already marked signed")

// AlreadySignedError is ErrAlreadySigned with who marked it signed, when,
// and as which revision, so the person refused knows whom to ask.
type AlreadySignedError struct {
	ID       int64
	Revision int       // the signed revision already there
	By       string    // who marked it signed ('' when not known)
	At       time.Time // when (UTC)
}

func (e *AlreadySignedError) Error() string {
	msg := ErrAlreadySigned.Error()
	if e.By != "" {
		msg += " by " + e.By
	}
	return msg + fmt.Sprintf(" at %s UTC (revision %d) from another copy: check with them which PDF is the signed one; to record a new signing, export the draft again",
		e.At.Format("2006-01-02 15:04:05"), e.Revision)
}

func (e *AlreadySignedError) Unwrap() error { return ErrAlreadySigned }

// checkNotSignedSince, inside MarkSignedRevision's transaction (which
// holds the library's writer lock, so two markings take turns), refuses to
// mark revision number signed with a PDF of fingerprint sha when a
// different PDF was marked signed after that revision was made. Marking
// the same PDF again, a later export (an amendment), or a signing on
// paper (no PDF to tell apart) is allowed.
func checkNotSignedSince(tx *sql.Tx, id int64, number int, sha string) error {
	if number == 0 {
		return nil // the working copy, never exported: nothing to tell apart
	}
	var signed int
	var signedSHA, by, created string
	err := tx.QueryRow(`SELECT r.number, r.sha256, r.author, r.created FROM drafts d
		JOIN revisions r ON r.draft_id = d.id AND r.number = d.signed_revision
		WHERE d.id = ?`, id).Scan(&signed, &signedSHA, &by, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // never signed
	}
	if err != nil {
		return err
	}
	if signed < number || signedSHA == sha || signedSHA == "" || sha == "" {
		return nil
	}
	at, err := parseTime(created)
	if err != nil {
		return err
	}
	return &AlreadySignedError{ID: id, Revision: signed, By: by, At: at}
}
