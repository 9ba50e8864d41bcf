package library

import (
	"errors"
	"fmt"
	"time"

	"pactwright/app/draft"
)

// ConflictError is ErrConflict with what the user needs to decide: which
// version they had, which one is in the library, who saved it and when,
// and (after SaveWorking) the draft now holding their own answers.
type ConflictError struct {
	ID     int64     // the draft
	Yours  int64     // the version the save was based on
	Theirs int64     // the version in the library
	By     string    // who saved it ('' when not known)
	At     time.Time // when (UTC)
	// CopyID is the conflict copy holding the answers that were not
	// saved over theirs; 0 when none was made.
	CopyID    int64
	CopyTitle string
}

func (e *ConflictError) Error() string {
	msg := fmt.Sprintf("%v (you have version %d, the library has %d", ErrConflict, e.Yours, e.Theirs)
	if e.By != "" {
		msg += fmt.Sprintf(", saved by %s at %s UTC", e.By, e.At.Format("2006-01-02 15:04:05"))
	}
	msg += ")"
	if e.CopyID != 0 {
		msg += fmt.Sprintf("; your answers were kept as draft %d %q", e.CopyID, e.CopyTitle)
	}
	return msg
}

func (e *ConflictError) Unwrap() error { return ErrConflict }

// SaveWorking is Autosave for a change that must not be lost when someone
// else saved first: the library keeps theirs, and the answers that lost
// the race become a new draft, a conflict copy, named in the
// *ConflictError returned. Nothing anyone saved is overwritten.
func (l *Library) SaveWorking(id int64, d draft.Draft, baseVersion int64) (int64, error) {
	v, err := l.Autosave(id, d, baseVersion)
	var c *ConflictError
	if !errors.As(err, &c) {
		return v, err
	}
	mine := d
	mine.Title = fmt.Sprintf("%s (conflict copy, %s %s UTC)", d.Title, l.Author(), l.now().UTC().Format("2006-01-02 15:04"))
	copyID, cerr := l.Create(mine)
	if cerr != nil {
		return 0, fmt.Errorf("%w; and keeping your answers as a copy failed: %w", err, cerr)
	}
	c.CopyID, c.CopyTitle = copyID, mine.Title
	// The wrapping message was made before the copy existed.
	return 0, fmt.Errorf("save draft %d: %w", id, c)
}
