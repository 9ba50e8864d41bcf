package library

import (
	"database/sql"
	"errors"
	"fmt"
)

// ErrInTrash means a draft is in the trash: signing or amending it would
// change a draft its owner has put aside, so it must be restored first.
var ErrInTrash = errors.New("the draft is in the trash: take it out of the trash first (pactwright undelete ID, or Drafts ▸ Trash in the window)")

// CheckNotTrashed returns ErrInTrash, naming the draft, when draft id is in
// the trash, and ErrNotFound when there is no such draft.
func (l *Library) CheckNotTrashed(id int64) error {
	var trashed sql.NullString
	err := l.db.QueryRow(`SELECT trashed FROM drafts WHERE id = ?`, id).Scan(&trashed)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("draft %d: %w", id, ErrNotFound)
	case err != nil:
		return fmt.Errorf("draft %d: %w", id, err)
	case trashed.Valid:
		return fmt.Errorf("draft %d: %w", id, ErrInTrash)
	}
	return nil
}
