package library

import (
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// A signed agreement is changed by signed amendments, each numbered in
// turn. The library keeps the chain: which export was Amendment No. N, which
// signed revision it changed, when it takes effect, and the signed revision
// it became once marked signed. An amendment's number is fixed when it is
// exported: one more than the amendments already signed, so re-exporting
// an unsigned amendment (after fixing a typo) keeps its number.

// ErrNoAmendment means the draft has no changes to put in an amendment.
var ErrNoAmendment = errors.New("nothing to amend: the draft has not been signed yet")

// AmendmentTerms are what the user says about an amendment beyond the
// changed answers: when it takes effect and, optionally, why.
type AmendmentTerms struct {
	Effective string `json:"effective"` // YYYY-MM-DD
	Reason    string `json:"reason,omitempty"`
}

// SignedPoint is one link of a draft's signed chain: the original
// agreement (Amendment 0) or a signed amendment.
type SignedPoint struct {
	Amendment int       `json:"amendment"` // 0 for the original agreement
	Revision  int       `json:"revision"`  // the signed revision, holding the terms from then on
	Signed    time.Time `json:"signed"`    // when it was marked signed (UTC)
	SHA256    string    `json:"sha256"`    // of the signed PDF, else of the export that was signed on paper
	AmendmentTerms
}

// ExportKind says what an export was, for verify.
type ExportKind struct {
	Amendment int // 0: the agreement itself
	AmendmentTerms
}

func migrateV3(tx *sql.Tx, d dialect) error {
	return execAll(tx, d,
		// The amendment the user is preparing (Draft ▸ Amend…): one per draft.
		`CREATE TABLE amendment_terms (
			draft_id  INTEGER PRIMARY KEY REFERENCES drafts (id) ON DELETE CASCADE,
			effective TEXT NOT NULL,
			reason    TEXT NOT NULL DEFAULT ''
		)`,
		`CREATE TABLE amendment_exports (
			export_id       INTEGER PRIMARY KEY REFERENCES exports (id) ON DELETE CASCADE,
			draft_id        INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
			number          INTEGER NOT NULL CHECK (number >= 1),
			amends          INTEGER NOT NULL,
			effective       TEXT NOT NULL,
			reason          TEXT NOT NULL DEFAULT '',
			signed_revision INTEGER NOT NULL DEFAULT 0
		)`,
		`CREATE INDEX amendment_exports_by_draft ON amendment_exports (draft_id, signed_revision)`,
	)
}

// SetAmendmentTerms records the effective date and reason of the amendment
// being prepared for draft id.
func (l *Library) SetAmendmentTerms(id int64, a AmendmentTerms) error {
	err := l.inTx(func(tx *sql.Tx) error {
		if err := existsTx(tx, id); err != nil {
			return err
		}
		_, err := tx.Exec(`INSERT INTO amendment_terms (draft_id, effective, reason) VALUES (?, ?, ?)
			ON CONFLICT (draft_id) DO UPDATE SET effective = excluded.effective, reason = excluded.reason`, id, a.Effective, a.Reason)
		return err
	})
	if err != nil {
		return fmt.Errorf("set the amendment of draft %d: %w", id, err)
	}
	return nil
}

// PendingAmendment returns the terms set for the amendment being prepared;
// ok is false when none were set.
func (l *Library) PendingAmendment(id int64) (a AmendmentTerms, ok bool, err error) {
	err = l.db.QueryRow(`SELECT effective, reason FROM amendment_terms WHERE draft_id = ?`, id).Scan(&a.Effective, &a.Reason)
	if errors.Is(err, sql.ErrNoRows) {
		return AmendmentTerms{}, false, nil
	}
	if err != nil {
		return AmendmentTerms{}, false, fmt.Errorf("read the amendment of draft %d: %w", id, err)
	}
	return a, true, nil
}

// NextAmendment is the number the next amendment of draft id takes, and
// the signed revision it amends.
func (l *Library) NextAmendment(id int64) (number, amends int, err error) {
	if err := l.db.QueryRow(`SELECT signed_revision FROM drafts WHERE id = ?`, id).Scan(&amends); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			err = ErrNotFound
		}
		return 0, 0, fmt.Errorf("next amendment of draft %d: %w", id, err)
	}
	if amends == 0 {
		return 0, 0, fmt.Errorf("draft %d: %w", id, ErrNoAmendment)
	}
	if err := l.db.QueryRow(`SELECT coalesce(max(number), 0) + 1 FROM amendment_exports WHERE draft_id = ? AND signed_revision > 0`, id).Scan(&number); err != nil {
		return 0, 0, fmt.Errorf("next amendment of draft %d: %w", id, err)
	}
	return number, amends, nil
}

// RecordAmendmentExport is RecordExportVersion for Amendment No. number,
// which changes signed revision amends: the chain and verify know it.
func (l *Library) RecordAmendmentExport(id, version int64, path string, pdf []byte, number, amends int, a AmendmentTerms) (Revision, error) {
	return l.recordExport(id, version, path, pdf, func(tx *sql.Tx, exportID int64) error {
		_, err := tx.Exec(`INSERT INTO amendment_exports (export_id, draft_id, number, amends, effective, reason) VALUES (?, ?, ?, ?, ?, ?)`,
			exportID, id, number, amends, a.Effective, a.Reason)
		return err
	})
}

// linkSignedAmendment, inside MarkSignedRevision's transaction: if the
// revision signed was exported as an amendment, that amendment is now
// signed as revision signed, and the amendment being prepared is done.
func linkSignedAmendment(tx *sql.Tx, id int64, exported, signed int) error {
	if exported == 0 {
		return nil
	}
	res, err := tx.Exec(`UPDATE amendment_exports SET signed_revision = ?
		WHERE export_id = (SELECT id FROM exports WHERE draft_id = ? AND revision = ? ORDER BY id DESC LIMIT 1)`, signed, id, exported)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return err
	}
	_, err = tx.Exec(`DELETE FROM amendment_terms WHERE draft_id = ?`, id)
	return err
}

// Chain lists the signed agreement and its signed amendments, oldest
// first. A draft never signed has an empty chain.
func (l *Library) Chain(id int64) ([]SignedPoint, error) {
	rows, err := l.db.Query(`SELECT r.number, r.created, r.sha256, coalesce(a.number, 0), coalesce(a.effective, ''), coalesce(a.reason, '')
		FROM revisions r LEFT JOIN amendment_exports a ON a.draft_id = r.draft_id AND a.signed_revision = r.number
		WHERE r.draft_id = ? AND r.kind = 'signed' ORDER BY r.number`, id)
	if err != nil {
		return nil, fmt.Errorf("signed chain of draft %d: %w", id, err)
	}
	defer rows.Close()
	var chain []SignedPoint
	for rows.Next() {
		var p SignedPoint
		var created string
		if err := rows.Scan(&p.Revision, &created, &p.SHA256, &p.Amendment, &p.Effective, &p.Reason); err != nil {
			return nil, fmt.Errorf("signed chain of draft %d: %w", id, err)
		}
		if p.Signed, err = parseTime(created); err != nil {
			return nil, err
		}
		switch {
		case len(chain) == 0 && p.Amendment == 0:
			chain = append(chain, p) // the original agreement
		case p.Amendment > 0 && (len(chain) == 0 || p.Amendment > chain[len(chain)-1].Amendment):
			chain = append(chain, p)
		}
		// Anything else is the same document marked signed again.
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("signed chain of draft %d: %w", id, err)
	}
	for i := range chain {
		if chain[i].SHA256 == "" {
			// Signed on paper: the fingerprint is the latest export before it,
			// the one that was printed (MarkSigned signs the latest export).
			err := l.db.QueryRow(`SELECT e.sha256 FROM exports e JOIN revisions r ON r.draft_id = e.draft_id
				WHERE e.draft_id = ? AND r.number = ? AND e.revision < r.number ORDER BY e.id DESC LIMIT 1`, id, chain[i].Revision).Scan(&chain[i].SHA256)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return nil, fmt.Errorf("signed chain of draft %d: %w", id, err)
			}
		}
	}
	return chain, nil
}

// ExportKindOf says what the export (or signed copy) of draft id recorded
// as revision was: the agreement, or which amendment. verify calls it to
// name amendments.
func (l *Library) ExportKindOf(id int64, revision int) (ExportKind, error) {
	var k ExportKind
	err := l.db.QueryRow(`SELECT a.number, a.effective, a.reason FROM amendment_exports a JOIN exports e ON e.id = a.export_id
		WHERE a.draft_id = ? AND (e.revision = ? OR a.signed_revision = ?) ORDER BY a.export_id DESC LIMIT 1`, id, revision, revision).
		Scan(&k.Amendment, &k.Effective, &k.Reason)
	if errors.Is(err, sql.ErrNoRows) {
		return ExportKind{}, nil
	}
	if err != nil {
		return ExportKind{}, fmt.Errorf("what draft %d revision %d is: %w", id, revision, err)
	}
	return k, nil
}

func existsTx(tx *sql.Tx, id int64) error {
	var one int
	err := tx.QueryRow(`SELECT 1 FROM drafts WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}
