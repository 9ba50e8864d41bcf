package library

import (
	"database/sql"
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
//
// opened, when not nil, is the draft as the caller last read or saved it
// (the content at baseVersion). The conflict copy keeps it as its first
// revision (ConflictBaseNote), so a merge can tell which fields each side
// changed (ConflictBase).
func (l *Library) SaveWorking(id int64, d draft.Draft, baseVersion int64, opened *draft.Draft) (int64, error) {
	v, err := l.Autosave(id, d, baseVersion)
	var c *ConflictError
	if !errors.As(err, &c) {
		return v, err
	}
	mine := d
	mine.Title = fmt.Sprintf("%s (conflict copy, %s %s UTC)", d.Title, l.Author(), l.now().UTC().Format("2006-01-02 15:04"))
	copyID, cerr := l.createConflictCopy(mine, opened)
	if cerr != nil {
		return 0, fmt.Errorf("%w; and keeping your answers as a copy failed: %w", err, cerr)
	}
	c.CopyID, c.CopyTitle = copyID, mine.Title
	// The wrapping message was made before the copy existed.
	return 0, fmt.Errorf("save draft %d: %w", id, c)
}

// ConflictBaseNote is the note on a conflict copy's first revision when it
// holds the answers its author started from.
const ConflictBaseNote = "the answers you started from, before the save you were told about"

func (l *Library) createConflictCopy(mine draft.Draft, opened *draft.Draft) (int64, error) {
	w, err := l.encodeWorking(mine)
	if err != nil {
		return 0, err
	}
	var id int64
	err = l.inTx(func(tx *sql.Tx) error {
		if id, err = l.insertDraft(tx, w); err != nil || opened == nil {
			return err
		}
		b, err := encodeDraft(l.t, *opened)
		if err != nil {
			return err
		}
		z, err := compress(b)
		if err != nil {
			return err
		}
		_, err = l.insertRevision(tx, id, Revision{Kind: KindSave, Note: ConflictBaseNote, Title: opened.Title}, z)
		return err
	})
	return id, err
}

// ConflictBase returns the answers a conflict copy's author started from,
// and false when the copy does not record them (it was made without
// them, or is not a conflict copy).
func (l *Library) ConflictBase(copyID int64) (draft.Draft, bool, error) {
	var n int
	err := l.db.QueryRow(`SELECT number FROM revisions WHERE draft_id = ? AND number = 1 AND kind = ? AND note = ?`,
		copyID, KindSave, ConflictBaseNote).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return draft.Draft{}, false, nil
	}
	if err != nil {
		return draft.Draft{}, false, fmt.Errorf("read what conflict copy %d started from: %w", copyID, err)
	}
	d, err := l.RevisionContent(copyID, n)
	return d, err == nil, err
}

// KeepMine writes d over the working copy whatever version it is at: the
// user chose "Keep my version" after a conflict. What the working copy
// held (the colleague's save) becomes a revision first, under the
// colleague's name and in the same transaction, so it stays in History.
// It returns the new version.
func (l *Library) KeepMine(id int64, d draft.Draft) (int64, error) {
	var version int64
	err := l.inTx(func(tx *sql.Tx) error {
		var title, content, changed, by string
		err := tx.QueryRow(`SELECT version, title, content, changed, changed_by FROM drafts WHERE id = ?`, id).
			Scan(&version, &title, &content, &changed, &by)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		at, err := parseTime(changed)
		if err != nil {
			return err
		}
		z, err := compress([]byte(content))
		if err != nil {
			return err
		}
		if by == "" {
			by = "someone else"
		}
		note := fmt.Sprintf("saved %s UTC; %s then kept their own version over it", at.Format("2006-01-02 15:04"), l.Author())
		if _, err := l.insertRevision(tx, id, Revision{Kind: KindSave, Note: note, Title: title, Author: by}, z); err != nil {
			return err
		}
		return l.writeWorking(tx, id, d, version)
	})
	if err != nil {
		return 0, fmt.Errorf("keep your version of draft %d: %w", id, err)
	}
	return version + 1, nil
}

// SaveMerged writes merged over the working copy if it is still at
// version (the one the merge was made from), and records the result as a
// revision with note, in one transaction. A working copy that moved on
// meanwhile gives a *ConflictError and writes nothing.
func (l *Library) SaveMerged(id int64, merged draft.Draft, version int64, note string) (Revision, error) {
	var r Revision
	err := l.inTx(func(tx *sql.Tx) error {
		if err := l.writeWorking(tx, id, merged, version); err != nil {
			return err
		}
		var err error
		r, err = l.snapshot(tx, id, KindSave, note, "")
		return err
	})
	if err != nil {
		return Revision{}, fmt.Errorf("save the merged answers of draft %d: %w", id, err)
	}
	return r, nil
}
