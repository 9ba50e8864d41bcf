package library

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"pactwright/app/draft"
)

// ErrNotSigned means the draft has no signed revision to compare with.
var ErrNotSigned = errors.New("the draft has never been marked signed")

// snapshot copies the working copy into a new revision, inside tx.
func (l *Library) snapshot(tx *sql.Tx, id int64, kind, note, sha string) (Revision, error) {
	var title, content string
	err := tx.QueryRow(`SELECT title, content FROM drafts WHERE id = ?`, id).Scan(&title, &content)
	if errors.Is(err, sql.ErrNoRows) {
		return Revision{}, ErrNotFound
	}
	if err != nil {
		return Revision{}, err
	}
	z, err := compress([]byte(content))
	if err != nil {
		return Revision{}, err
	}
	return l.insertRevision(tx, id, Revision{Kind: kind, Note: note, Title: title, SHA256: sha}, z)
}

func (l *Library) insertRevision(tx *sql.Tx, id int64, r Revision, compressed []byte) (Revision, error) {
	if err := tx.QueryRow(`SELECT coalesce(max(number), 0) + 1 FROM revisions WHERE draft_id = ?`, id).Scan(&r.Number); err != nil {
		return Revision{}, err
	}
	r.Created = l.now().UTC()
	if r.Author == "" { // a revision of someone else's answers names them
		r.Author = l.Author()
	}
	_, err := tx.Exec(`INSERT INTO revisions (draft_id, number, kind, note, created, title, sha256, content, author)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, r.Number, r.Kind, r.Note, formatTime(r.Created), r.Title, r.SHA256, compressed, r.Author)
	if err != nil {
		return Revision{}, err
	}
	// Parse back what was stored so callers see the same precision as History.
	r.Created, err = parseTime(formatTime(r.Created))
	return r, err
}

// SaveRevision records the working copy as an immutable revision ("save
// version"), with an optional note.
func (l *Library) SaveRevision(id int64, note string) (Revision, error) {
	var r Revision
	err := l.inTx(func(tx *sql.Tx) error {
		var err error
		r, err = l.snapshot(tx, id, KindSave, note, "")
		return err
	})
	if err != nil {
		return Revision{}, fmt.Errorf("save version of draft %d: %w", id, err)
	}
	return r, nil
}

// History lists a draft's revisions, newest first.
func (l *Library) History(id int64) ([]Revision, error) {
	if err := l.exists(id); err != nil {
		return nil, fmt.Errorf("history of draft %d: %w", id, err)
	}
	rows, err := l.db.Query(`SELECT number, kind, note, created, title, sha256, author FROM revisions
		WHERE draft_id = ? ORDER BY number DESC`, id)
	if err != nil {
		return nil, fmt.Errorf("history of draft %d: %w", id, err)
	}
	defer rows.Close()
	out := []Revision{}
	for rows.Next() {
		var r Revision
		var created string
		if err := rows.Scan(&r.Number, &r.Kind, &r.Note, &created, &r.Title, &r.SHA256, &r.Author); err != nil {
			return nil, fmt.Errorf("history of draft %d: %w", id, err)
		}
		if r.Created, err = parseTime(created); err != nil {
			return nil, fmt.Errorf("history of draft %d: %w", id, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("history of draft %d: %w", id, err)
	}
	return out, nil
}

func (l *Library) exists(id int64) error {
	var one int
	err := l.db.QueryRow(`SELECT 1 FROM drafts WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}

type queryRower interface {
	QueryRow(query string, args ...any) *sql.Row
}

// revisionJSON returns a revision's draft JSON, decompressed.
func revisionJSON(db queryRower, id int64, number int) ([]byte, error) {
	var z []byte
	err := db.QueryRow(`SELECT content FROM revisions WHERE draft_id = ? AND number = ?`, id, number).Scan(&z)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("revision %d: %w", number, ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	return decompress(z)
}

// RevisionContent returns the draft as it was at a revision.
func (l *Library) RevisionContent(id int64, number int) (draft.Draft, error) {
	b, err := revisionJSON(l.db, id, number)
	if err != nil {
		return draft.Draft{}, fmt.Errorf("read draft %d: %w", id, err)
	}
	d, err := decodeDraft(l.t, b)
	if err != nil {
		return draft.Draft{}, fmt.Errorf("read draft %d revision %d: %w", id, number, err)
	}
	return d, nil
}

// RestoreRevision makes a revision the working copy. The working copy it
// replaces is first saved as a "restore-undo" revision, so restoring that
// one undoes the restore (it is the newest revision in History afterwards).
func (l *Library) RestoreRevision(id int64, number int) error {
	err := l.inTx(func(tx *sql.Tx) error {
		b, err := revisionJSON(tx, id, number)
		if err != nil {
			return err
		}
		d, err := decodeDraft(l.t, b)
		if err != nil {
			return err
		}
		var version int64
		if err := tx.QueryRow(`SELECT version FROM drafts WHERE id = ?`, id).Scan(&version); err != nil {
			return err
		}
		_, err = l.snapshot(tx, id, KindRestoreUndo, fmt.Sprintf("working copy before restoring revision %d", number), "")
		if err != nil {
			return err
		}
		return l.writeWorking(tx, id, d, version)
	})
	if err != nil {
		return fmt.Errorf("restore draft %d revision %d: %w", id, number, err)
	}
	return nil
}

// RecordExport records that the working copy was exported as pdf to path:
// it makes an "export" revision holding the time, the path and the SHA-256
// and length of the bytes (the length lets Verify recognise the file after
// a signer appends to it). An exported draft becomes final.
func (l *Library) RecordExport(id int64, path string, pdf []byte) (Revision, error) {
	return l.RecordExportVersion(id, -1, path, pdf)
}

// RecordExportVersion is RecordExport that fails with ErrConflict unless the
// working copy is still at version, the one the PDF was rendered from.
// A version below zero skips the check.
func (l *Library) RecordExportVersion(id, version int64, path string, pdf []byte) (Revision, error) {
	return l.recordExport(id, version, path, pdf, nil)
}

// recordExport is RecordExportVersion; also, when it is not nil, it runs
// within the same transaction with the new export's id (an amendment
// export adds its details).
func (l *Library) recordExport(id, version int64, path string, pdf []byte, also func(tx *sql.Tx, exportID int64) error) (Revision, error) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	sum := sha256.Sum256(pdf)
	sha := hex.EncodeToString(sum[:])
	var r Revision
	err := l.inTx(func(tx *sql.Tx) error {
		var current int64
		err := tx.QueryRow(`SELECT version FROM drafts WHERE id = ?`, id).Scan(&current)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if version >= 0 && current != version {
			return fmt.Errorf("%w (the PDF was made from version %d, the library has %d)", ErrConflict, version, current)
		}
		if r, err = l.snapshot(tx, id, KindExport, path, sha); err != nil {
			return err
		}
		var exportID int64
		err = tx.QueryRow(`INSERT INTO exports (draft_id, revision, path, created, sha256, length, author) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			id, r.Number, path, formatTime(r.Created), sha, len(pdf), l.Author()).Scan(&exportID)
		if err != nil {
			return err
		}
		if also != nil {
			if err := also(tx, exportID); err != nil {
				return err
			}
		}
		_, err = tx.Exec(`UPDATE drafts SET status = 'final' WHERE id = ? AND status IN ('draft', 'amendment')`, id)
		return err
	})
	if err != nil {
		return Revision{}, fmt.Errorf("record export of draft %d: %w", id, err)
	}
	return r, nil
}

// MarkSigned records that the draft was signed on paper or outside
// Pactwright: the signed content is the latest export (what people sign is
// an exported PDF), or the working copy if it was never exported.
func (l *Library) MarkSigned(id int64) (Revision, error) {
	var from int
	err := l.db.QueryRow(`SELECT coalesce(
			(SELECT revision FROM exports WHERE draft_id = ? ORDER BY id DESC LIMIT 1), 0)`, id).Scan(&from)
	if err != nil {
		return Revision{}, fmt.Errorf("mark draft %d signed: %w", id, err)
	}
	return l.MarkSignedRevision(id, from, "")
}

// MarkSignedPDF records that the draft was signed as the given PDF. The
// file must come from one of this draft's exports, exactly or with later
// incremental updates such as signatures appended; the revision that export
// recorded becomes the signed one, and the file's SHA-256 is kept so Verify
// recognises it later.
func (l *Library) MarkSignedPDF(id int64, pdf []byte) (Revision, VerifyResult, error) {
	res, err := l.Verify(pdf)
	if err != nil {
		return Revision{}, res, fmt.Errorf("mark draft %d signed: %w", id, err)
	}
	switch {
	case res.Match == MatchNone:
		return Revision{}, res, fmt.Errorf("mark draft %d signed: %w", id, ErrNotExported)
	case res.Match == MatchAltered:
		return Revision{}, res, fmt.Errorf("mark draft %d signed: %w: %s", id, ErrChangedAfterExport, strings.Join(res.Changes, "; "))
	case res.DraftID != id:
		return Revision{}, res, fmt.Errorf("mark draft %d signed: the PDF was exported from draft %d %q, not this one", id, res.DraftID, res.Title)
	}
	sum := sha256.Sum256(pdf)
	r, err := l.MarkSignedRevision(id, res.Revision, hex.EncodeToString(sum[:]))
	return r, res, err
}

// MarkSignedRevision records that revision number (0: the working copy)
// was signed, as a new "signed" revision with the same content. If the
// working copy has moved on since, the draft is an amendment straight away.
// A different copy marked signed after revision number was made refuses
// it with an *AlreadySignedError naming who marked it and when.
func (l *Library) MarkSignedRevision(id int64, number int, pdfSHA256 string) (Revision, error) {
	var r Revision
	err := l.inTx(func(tx *sql.Tx) error {
		var title, working string
		err := tx.QueryRow(`SELECT title, content FROM drafts WHERE id = ?`, id).Scan(&title, &working)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if err := checkNotSignedSince(tx, id, number, pdfSHA256); err != nil {
			return err
		}
		signed := []byte(working)
		if number > 0 {
			if signed, err = revisionJSON(tx, id, number); err != nil {
				return err
			}
			if err := tx.QueryRow(`SELECT title FROM revisions WHERE draft_id = ? AND number = ?`, id, number).Scan(&title); err != nil {
				return err
			}
		}
		z, err := compress(signed)
		if err != nil {
			return err
		}
		note := "signed"
		if number > 0 {
			note = fmt.Sprintf("signed copy of revision %d", number)
		}
		if r, err = l.insertRevision(tx, id, Revision{Kind: KindSigned, Note: note, Title: title, SHA256: pdfSHA256}, z); err != nil {
			return err
		}
		status := StatusSigned
		if !bytes.Equal(signed, []byte(working)) {
			status = StatusAmendment
		}
		if _, err = tx.Exec(`UPDATE drafts SET status = ?, signed_revision = ? WHERE id = ?`, string(status), r.Number, id); err != nil {
			return err
		}
		return linkSignedAmendment(tx, id, number, r.Number)
	})
	if err != nil {
		return Revision{}, fmt.Errorf("mark draft %d signed: %w", id, err)
	}
	return r, nil
}
