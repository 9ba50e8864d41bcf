package library

import (
	"database/sql"
	"errors"
	"fmt"

	"pactwright/app/check"
	"pactwright/app/draft"
)

// working is a draft encoded for the drafts table: the content plus the
// summary columns derived from it, computed once per write so that listing
// never has to decode content.
type working struct {
	content            []byte
	title              string
	customer, provider string
	percent            int
	search             string
}

func (l *Library) encodeWorking(d draft.Draft) (working, error) {
	content, err := encodeDraft(l.t, d)
	if err != nil {
		return working{}, err
	}
	customer, provider := partyNames(d)
	return working{
		content:  content,
		title:    d.Title,
		customer: customer,
		provider: provider,
		percent:  check.Check(l.t, d.Answers).Percent(),
		search:   searchKey(d.Title, customer, provider),
	}, nil
}

// Create adds a draft and returns its id.
func (l *Library) Create(d draft.Draft) (int64, error) {
	w, err := l.encodeWorking(d)
	if err != nil {
		return 0, fmt.Errorf("create draft: %w", err)
	}
	var id int64
	err = l.writable()
	if err == nil {
		id, err = l.insertDraft(l.db, w)
		err = explain(err)
	}
	if err != nil {
		return 0, fmt.Errorf("create draft: %w", err)
	}
	return id, nil
}

// insertDraft adds the row of a new draft through q (the library or a
// transaction) and returns its id.
func (l *Library) insertDraft(q queryRower, w working) (int64, error) {
	now := formatTime(l.now())
	var id int64
	err := q.QueryRow(`INSERT INTO drafts (title, customer, provider, status, percent, version, created, changed, content, search, changed_by)
		VALUES (?, ?, ?, 'draft', ?, 1, ?, ?, ?, ?, ?) RETURNING id`,
		w.title, w.customer, w.provider, w.percent, now, now, string(w.content), w.search, l.Author()).Scan(&id)
	return id, err
}

// Duplicate copies a draft's working copy into a new draft (without its
// history) and returns the new id.
func (l *Library) Duplicate(id int64) (int64, error) {
	d, err := l.Get(id)
	if err != nil {
		return 0, fmt.Errorf("duplicate draft %d: %w", id, err)
	}
	c := d.Content
	c.Title = c.Title + " (copy)"
	newID, err := l.Create(c)
	if err != nil {
		return 0, fmt.Errorf("duplicate draft %d: %w", id, err)
	}
	return newID, nil
}

// Rename changes a draft's title. It is a change to the working copy, so it
// bumps the version: an editor holding the old version reloads rather than
// writing the old title back.
func (l *Library) Rename(id int64, title string) error {
	err := l.inTx(func(tx *sql.Tx) error {
		var content string
		var version int64
		err := tx.QueryRow(`SELECT content, version FROM drafts WHERE id = ?`, id).Scan(&content, &version)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		d, err := decodeDraft(l.t, []byte(content))
		if err != nil {
			return err
		}
		d.Title = title
		return l.writeWorking(tx, id, d, version)
	})
	if err != nil {
		return fmt.Errorf("rename draft %d: %w", id, err)
	}
	return nil
}

// statusAfterEdit is the status a draft takes when its working copy changes
// to ?1: a signed agreement becomes an amendment (its signed revision stays
// as it was), and an exported one goes back to being worked on. Writing the
// same content again changes nothing, so a no-op autosave cannot demote it.
const statusAfterEdit = `CASE
		WHEN content = ?1 THEN status
		WHEN status = 'signed' THEN 'amendment'
		WHEN status = 'final' AND signed_revision > 0 THEN 'amendment'
		WHEN status = 'final' THEN 'draft'
		ELSE status END`

// updateWorking is the one UPDATE every change to the working copy goes
// through. It matches on the version the caller last saw: zero rows updated
// means someone else saved in between (or the draft is gone).
const updateWorking = `UPDATE drafts SET
		status = ` + statusAfterEdit + `,
		changed = CASE WHEN content = ?1 THEN changed ELSE ?7 END,
		changed_by = CASE WHEN content = ?1 THEN changed_by ELSE ?10 END,
		content = ?1, title = ?2, customer = ?3, provider = ?4, percent = ?5, search = ?6,
		version = version + 1
	WHERE id = ?8 AND version = ?9`

type execer interface {
	Exec(query string, args ...any) (sql.Result, error)
	QueryRow(query string, args ...any) *sql.Row
}

func (l *Library) writeWorking(db execer, id int64, d draft.Draft, baseVersion int64) error {
	w, err := l.encodeWorking(d)
	if err != nil {
		return err
	}
	res, err := db.Exec(updateWorking, string(w.content), w.title, w.customer, w.provider, w.percent, w.search,
		formatTime(l.now()), id, baseVersion, l.Author())
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 1 {
		return nil
	}
	c := &ConflictError{ID: id, Yours: baseVersion}
	var changed string
	err = db.QueryRow(`SELECT version, changed, changed_by FROM drafts WHERE id = ?`, id).Scan(&c.Theirs, &changed, &c.By)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	if err != nil {
		return err
	}
	if c.At, err = parseTime(changed); err != nil {
		return err
	}
	return c
}

// Autosave overwrites the working copy if it is still at baseVersion and
// returns the new version. It is a single UPDATE, cheap enough to run on
// every pause in typing. A stale baseVersion gives ErrConflict and writes
// nothing. Autosaving a signed draft makes it an amendment.
func (l *Library) Autosave(id int64, d draft.Draft, baseVersion int64) (int64, error) {
	err := l.writable()
	if err == nil {
		err = explain(l.writeWorking(l.db, id, d, baseVersion))
	}
	if err != nil {
		return 0, fmt.Errorf("autosave draft %d: %w", id, err)
	}
	return baseVersion + 1, nil
}

// Get returns a draft with its working copy.
func (l *Library) Get(id int64) (Draft, error) {
	var d Draft
	var status, changed, content string
	var trashed sql.NullString
	err := l.db.QueryRow(`SELECT id, title, customer, provider, status, percent, changed, version, signed_revision, content, trashed, trashed_by
		FROM drafts WHERE id = ?`, id).Scan(&d.ID, &d.Title, &d.Customer, &d.Provider, &status, &d.Percent, &changed,
		&d.Version, &d.SignedRevision, &content, &trashed, &d.DeletedBy)
	if errors.Is(err, sql.ErrNoRows) {
		return Draft{}, fmt.Errorf("get draft %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Draft{}, fmt.Errorf("get draft %d: %w", id, err)
	}
	d.Status = Status(status)
	if d.Changed, err = parseTime(changed); err != nil {
		return Draft{}, fmt.Errorf("get draft %d: %w", id, err)
	}
	if d.Content, err = decodeDraft(l.t, []byte(content)); err != nil {
		return Draft{}, fmt.Errorf("get draft %d: %w", id, err)
	}
	if trashed.Valid {
		when, err := parseTime(trashed.String)
		if err != nil {
			return Draft{}, fmt.Errorf("get draft %d: %w", id, err)
		}
		d.Deleted = &when
	}
	return d, nil
}

// List returns the drafts not in the trash, most recently changed first.
// A non-empty query keeps those whose title or party names contain it,
// ignoring case.
func (l *Library) List(query string) ([]Summary, error) {
	q := `SELECT id, title, customer, provider, status, percent, changed FROM drafts WHERE trashed IS NULL`
	var args []any
	if query != "" {
		q += ` AND search LIKE ? ESCAPE '\'`
		args = append(args, likePattern(query))
	}
	q += ` ORDER BY changed DESC, id DESC`
	out, err := l.summaries(false, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list drafts: %w", err)
	}
	return out, nil
}

// Trash returns the drafts in the trash, most recently deleted first.
func (l *Library) Trash() ([]Summary, error) {
	out, err := l.summaries(true, `SELECT id, title, customer, provider, status, percent, changed, trashed, trashed_by FROM drafts
		WHERE trashed IS NOT NULL ORDER BY trashed DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list trash: %w", err)
	}
	return out, nil
}

// summaries reads the rows of q; with trash, q also selects trashed and
// trashed_by after the summary columns.
func (l *Library) summaries(trash bool, q string, args ...any) ([]Summary, error) {
	rows, err := l.db.Query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Summary{}
	for rows.Next() {
		var s Summary
		var status, changed, trashed string
		dest := []any{&s.ID, &s.Title, &s.Customer, &s.Provider, &status, &s.Percent, &changed}
		if trash {
			dest = append(dest, &trashed, &s.DeletedBy)
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		if trash {
			when, err := parseTime(trashed)
			if err != nil {
				return nil, err
			}
			s.Deleted = &when
		}
		s.Status = Status(status)
		if s.Changed, err = parseTime(changed); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Delete moves a draft to the trash. Deleting a draft already there is a no-op.
func (l *Library) Delete(id int64) error {
	if err := l.setTrashed(id, formatTime(l.now())); err != nil {
		return fmt.Errorf("delete draft %d: %w", id, err)
	}
	return nil
}

// Undelete takes a draft out of the trash.
func (l *Library) Undelete(id int64) error {
	if err := l.setTrashed(id, nil); err != nil {
		return fmt.Errorf("restore draft %d from the trash: %w", id, err)
	}
	return nil
}

func (l *Library) setTrashed(id int64, when any) error {
	res, err := l.exec(`UPDATE drafts SET
		trashed = CASE WHEN CAST(?1 AS TEXT) IS NULL THEN NULL ELSE coalesce(trashed, ?1) END,
		trashed_by = CASE WHEN CAST(?1 AS TEXT) IS NULL THEN '' WHEN trashed IS NULL THEN ?3 ELSE trashed_by END
		WHERE id = ?2`, when, id, l.Author())
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return ErrNotFound
	}
	return nil
}

// Purge deletes a draft for good, with its revisions and export records.
// Only a draft in the trash can be purged, so one click cannot lose work.
func (l *Library) Purge(id int64) error {
	err := l.inTx(func(tx *sql.Tx) error {
		var trashed sql.NullString
		err := tx.QueryRow(`SELECT trashed FROM drafts WHERE id = ?`, id).Scan(&trashed)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if !trashed.Valid {
			return errors.New("it is not in the trash (delete it first)")
		}
		_, err = tx.Exec(`DELETE FROM drafts WHERE id = ?`, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("purge draft %d: %w", id, err)
	}
	return nil
}

// inTx runs fn in one immediate transaction, committing only if it
// succeeds. SQLite's errors come back in plain words (see explain).
func (l *Library) inTx(fn func(tx *sql.Tx) error) error {
	if err := l.writable(); err != nil {
		return err
	}
	tx, err := l.db.Begin()
	if err != nil {
		return explain(err)
	}
	if err := l.d.lockWriters(tx); err != nil {
		tx.Rollback()
		return explain(err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return explain(err)
	}
	return explain(tx.Commit())
}

// exec runs one writing statement outside a transaction.
func (l *Library) exec(query string, args ...any) (sql.Result, error) {
	if err := l.writable(); err != nil {
		return nil, err
	}
	res, err := l.db.Exec(query, args...)
	return res, explain(err)
}

// writable says why the library cannot be written, if it was opened
// read-only because its disk is full or its file or folder is read-only.
func (l *Library) writable() error { return l.readOnly }
