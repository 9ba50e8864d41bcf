package library

import (
	"database/sql"
	"fmt"
)

// applicationID marks the file as a Pactwright library in the SQLite header
// ("PCTW"), so other programs' databases are recognised and left alone.
const applicationID = 0x50435457

// migration is one schema step. Steps are append-only: once released, a
// step never changes, because libraries in the field were made by it. Add a
// new step instead, and a fixture of the previous schema to testdata.
type migration struct {
	version int
	name    string
	apply   func(tx *sql.Tx, d dialect) error
}

// steps lists every schema step in order; user_version is the last one
// applied. schemaVersion must equal the last step (a test checks it).
func steps() []migration {
	return []migration{
		{1, "drafts, revisions and exports", migrateV1},
		{2, "search column and list index", migrateV2},
		{3, "amendments", migrateV3},
		{4, "authors", migrateV4},
	}
}

// schemaVersion is the schema this version of Pactwright writes.
const schemaVersion = 4

func migrateV1(tx *sql.Tx, d dialect) error {
	return execAll(tx, d,
		fmt.Sprintf("PRAGMA application_id = %d", applicationID),
		// The marker table says what this file is to someone with the sqlite3 shell.
		`CREATE TABLE library_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
		`INSERT INTO library_meta (key, value) VALUES ('format', 'pactwright-library')`,
		// content is last so the summary columns sit on the row's first page.
		`CREATE TABLE drafts (
			id              INTEGER PRIMARY KEY,
			title           TEXT NOT NULL,
			customer        TEXT NOT NULL DEFAULT '',
			provider        TEXT NOT NULL DEFAULT '',
			status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final', 'signed', 'amendment')),
			percent         INTEGER NOT NULL DEFAULT 0,
			version         INTEGER NOT NULL DEFAULT 1,
			signed_revision INTEGER NOT NULL DEFAULT 0,
			created         TEXT NOT NULL,
			changed         TEXT NOT NULL,
			trashed         TEXT,
			content         TEXT NOT NULL
		)`,
		// Revisions are immutable; content is compressed draft JSON.
		`CREATE TABLE revisions (
			draft_id INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
			number   INTEGER NOT NULL,
			kind     TEXT NOT NULL CHECK (kind IN ('save', 'export', 'signed', 'restore-undo')),
			note     TEXT NOT NULL DEFAULT '',
			created  TEXT NOT NULL,
			title    TEXT NOT NULL,
			sha256   TEXT NOT NULL DEFAULT '',
			content  BLOB NOT NULL,
			PRIMARY KEY (draft_id, number)
		)`,
		`CREATE TABLE exports (
			id       INTEGER PRIMARY KEY,
			draft_id INTEGER NOT NULL,
			revision INTEGER NOT NULL,
			path     TEXT NOT NULL,
			created  TEXT NOT NULL,
			sha256   TEXT NOT NULL,
			length   INTEGER NOT NULL,
			FOREIGN KEY (draft_id, revision) REFERENCES revisions (draft_id, number) ON DELETE CASCADE
		)`,
		`CREATE INDEX exports_by_sha256 ON exports (sha256)`,
		`CREATE INDEX exports_by_length ON exports (length)`,
		`CREATE INDEX exports_by_draft ON exports (draft_id, revision)`,
		`CREATE INDEX revisions_by_sha256 ON revisions (sha256) WHERE sha256 != ''`,
	)
}

// migrateV2 adds a case-folded search column (SQLite's LIKE folds ASCII
// only) and a covering index, so listing and searching 10,000 drafts reads
// the index alone instead of every row's content.
func migrateV2(tx *sql.Tx, d dialect) error {
	if err := execAll(tx, d,
		`ALTER TABLE drafts ADD COLUMN search TEXT NOT NULL DEFAULT ''`,
		`CREATE INDEX drafts_list ON drafts (changed DESC, id DESC, title, customer, provider, status, percent, search, trashed) WHERE trashed IS NULL`,
	); err != nil {
		return err
	}
	rows, err := tx.Query(`SELECT id, title, customer, provider FROM drafts`)
	if err != nil {
		return err
	}
	type row struct {
		id                        int64
		title, customer, provider string
	}
	var all []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.title, &r.customer, &r.provider); err != nil {
			rows.Close()
			return err
		}
		all = append(all, r)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, r := range all {
		if _, err := tx.Exec(`UPDATE drafts SET search = ? WHERE id = ?`, searchKey(r.title, r.customer, r.provider), r.id); err != nil {
			return err
		}
	}
	return nil
}

// execAll runs schema statements in the dialect's words.
func execAll(tx *sql.Tx, d dialect, stmts ...string) error {
	for _, s := range stmts {
		if s = d.ddl(s); s == "" {
			continue
		}
		if _, err := tx.Exec(s); err != nil {
			return fmt.Errorf("%s: %w", firstLine(s), err)
		}
	}
	return nil
}

func firstLine(s string) string {
	for i, c := range s {
		if c == '\n' || c == '(' {
			return s[:i]
		}
	}
	return s
}

// migrate brings the library up to schemaVersion, one transaction per
// step, re-reading user_version inside each transaction because another
// process may be migrating the same file at the same moment.
//
// A library already at schemaVersion is only read: taking the write lock
// just to look would make every `list` wait behind another process's save.
func migrate(db *sql.DB, d dialect) error {
	version, err := currentVersion(db, d)
	if err != nil || version == schemaVersion {
		return err
	}
	return migrateTo(db, d, schemaVersion)
}

// migrateTo applies steps up to target; tests use it to build old schemas.
func migrateTo(db *sql.DB, d dialect, target int) error {
	for _, m := range steps() {
		if m.version > target {
			break
		}
		// Even when nothing is left to apply, each step re-checks the
		// identity inside a transaction (see checkIdentity).
		if _, err := migrateStep(db, d, m); err != nil {
			return err
		}
	}
	return nil
}

func migrateStep(db *sql.DB, d dialect, m migration) (applied bool, err error) {
	tx, err := db.Begin()
	if err != nil {
		return false, fmt.Errorf("migrate to schema %d: %w", m.version, err)
	}
	defer func() {
		if !applied {
			tx.Rollback()
		}
	}()
	if err := d.lockWriters(tx); err != nil {
		return false, err
	}
	userVersion, err := currentVersion(tx, d)
	if err != nil {
		return false, err
	}
	if userVersion >= m.version {
		return false, nil
	}
	if userVersion != m.version-1 {
		return false, fmt.Errorf("migrate to schema %d: library is at schema %d", m.version, userVersion)
	}
	if err := m.apply(tx, d); err != nil {
		return false, fmt.Errorf("migrate to schema %d (%s): %w", m.version, m.name, err)
	}
	if err := d.setVersion(tx, m.version); err != nil {
		return false, fmt.Errorf("migrate to schema %d: %w", m.version, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migrate to schema %d: %w", m.version, err)
	}
	return true, nil
}
