package library

import (
	"database/sql"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// dialect is what differs between the two databases a library can live
// in: how the library marks itself and its schema version, the column types
// of the schema steps, and how writers take turns. Everything else (every
// query, every schema step) is the same text for both.
type dialect interface {
	// identity reads what checkIdentity judges: the application id
	// (applicationID when the database says it is a Pactwright library),
	// the schema version and how many tables the database holds.
	identity(q reader) (appID uint32, version, tables int, err error)
	// setVersion records the schema version, inside a migration step.
	setVersion(tx *sql.Tx, version int) error
	// ddl rewrites a schema statement for this database; "" skips it.
	ddl(stmt string) string
	// lockWriters makes a write transaction wait for any other writer of
	// the same library, so that numbering revisions stays race-free.
	lockWriters(tx *sql.Tx) error
	// afterCopy, after rows were inserted with their ids (Copy), makes the
	// next new row's id follow them.
	afterCopy(tx *sql.Tx) error
}

// sqliteDialect keeps the marks in the file header (PRAGMA application_id
// and user_version). Its transactions start with the write lock
// (_txlock=immediate), so writers already take turns.
type sqliteDialect struct{}

func (sqliteDialect) identity(q reader) (appID uint32, version, tables int, err error) {
	var id int64
	if err := q.QueryRow("PRAGMA application_id").Scan(&id); err != nil {
		return 0, 0, 0, fmt.Errorf("read library header: %w", err)
	}
	if err := q.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return 0, 0, 0, fmt.Errorf("read library header: %w", err)
	}
	if err := q.QueryRow("SELECT count(*) FROM sqlite_master").Scan(&tables); err != nil {
		return 0, 0, 0, fmt.Errorf("read library header: %w", err)
	}
	return uint32(id), version, tables, nil
}

func (sqliteDialect) setVersion(tx *sql.Tx, version int) error {
	_, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", version))
	return err
}

// pgOnly starts a schema statement only PostgreSQL runs.
const pgOnly = "-- PostgreSQL only\n"

func (sqliteDialect) ddl(stmt string) string {
	if strings.HasPrefix(stmt, pgOnly) {
		return ""
	}
	return stmt
}

func (sqliteDialect) lockWriters(*sql.Tx) error { return nil }

// SQLite numbers a new row one past the largest id already there.
func (sqliteDialect) afterCopy(*sql.Tx) error { return nil }

// pgDialect keeps the marks as rows of library_meta, in the schema the
// connection's search_path names (public unless the connection string
// says otherwise).
type pgDialect struct{}

// formatMark is library_meta's 'format' row in every library.
const formatMark = "pactwright-library"

func (pgDialect) identity(q reader) (appID uint32, version, tables int, err error) {
	var schema sql.NullString
	var hasMeta bool
	err = q.QueryRow(`SELECT current_schema(),
			(SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')),
			to_regclass(quote_ident(current_schema()) || '.library_meta') IS NOT NULL`).Scan(&schema, &tables, &hasMeta)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("read library marks: %w", err)
	}
	defer func() {
		if kind, _ := classifyPostgres(err); kind == ErrReadOnlyRole {
			err = fmt.Errorf("%w (%v)", ErrNoAccess, err)
		}
	}()
	if !schema.Valid {
		return 0, 0, 0, fmt.Errorf("%w: the schema the connection's search_path names does not exist, or this role may not use it (create it, grant the role pactwright_reader or pactwright_writer, or leave search_path out)", ErrNoAccess)
	}
	if !hasMeta {
		if tables > 0 {
			return 0, 0, 0, fmt.Errorf("%w: schema %q of the database already holds tables of another program (give the library a database or schema of its own)", ErrNotLibrary, schema.String)
		}
		return 0, 0, 0, nil
	}
	rows, err := q.Query(`SELECT key, value FROM library_meta WHERE key IN ('format', 'schema_version')`)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("read library marks: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var key, value string
		if err := rows.Scan(&key, &value); err != nil {
			return 0, 0, 0, fmt.Errorf("read library marks: %w", err)
		}
		switch key {
		case "format":
			if value == formatMark {
				appID = applicationID
			}
		case "schema_version":
			if version, err = strconv.Atoi(value); err != nil {
				return 0, 0, 0, fmt.Errorf("%w: bad schema version %q", ErrNotLibrary, value)
			}
		}
	}
	if err := rows.Err(); err != nil {
		return 0, 0, 0, fmt.Errorf("read library marks: %w", err)
	}
	if appID == 0 {
		return 0, 0, 0, fmt.Errorf("%w: schema %q has a library_meta table that is not Pactwright's", ErrNotLibrary, schema.String)
	}
	return appID, version, tables, nil
}

func (pgDialect) setVersion(tx *sql.Tx, version int) error {
	_, err := tx.Exec(`INSERT INTO library_meta (key, value) VALUES ('schema_version', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, strconv.Itoa(version))
	return err
}

var (
	// An "id INTEGER PRIMARY KEY" column is SQLite's row id: numbered by
	// the database. Other INTEGER PRIMARY KEY columns are references.
	pgRowID   = regexp.MustCompile(`(?m)^(\s*id\s+)INTEGER PRIMARY KEY`)
	pgInteger = regexp.MustCompile(`\bINTEGER\b`)
	pgBlob    = regexp.MustCompile(`\bBLOB\b`)
	pgText    = regexp.MustCompile(`\bTEXT\b`)
)

func (pgDialect) ddl(stmt string) string {
	if s, ok := strings.CutPrefix(stmt, pgOnly); ok {
		return s
	}
	switch {
	case strings.HasPrefix(stmt, "PRAGMA"):
		return "" // the marks are library_meta rows (see setVersion)
	case strings.HasPrefix(stmt, "CREATE INDEX drafts_list"):
		// SQLite's covering index holds the search column; PostgreSQL
		// limits an index row to a third of a page, which a long title
		// could pass, and lists fast enough from the ordering columns.
		return `CREATE INDEX drafts_list ON drafts (changed DESC, id DESC) WHERE trashed IS NULL`
	}
	stmt = pgRowID.ReplaceAllString(stmt, "${1}BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
	stmt = pgInteger.ReplaceAllString(stmt, "BIGINT")
	// Text compares byte by byte, as in SQLite: the same order whatever
	// the server's locale, and sorting times stored as text stays cheap.
	stmt = pgText.ReplaceAllString(stmt, `TEXT COLLATE "C"`)
	return pgBlob.ReplaceAllString(stmt, "BYTEA")
}

// pgWriterLock is the first key of the advisory lock every write
// transaction takes; the second is the schema's name, hashed, so that
// libraries in different schemas of one database do not wait for each other.
func (pgDialect) lockWriters(tx *sql.Tx) error {
	_, err := tx.Exec(`SELECT pg_advisory_xact_lock(?, hashtext(current_schema()))`, int32(applicationID))
	if err != nil {
		return fmt.Errorf("wait for other writers: %w", err)
	}
	return nil
}

// reader is a *sql.DB or a *sql.Tx.
type reader interface {
	QueryRow(query string, args ...any) *sql.Row
	Query(query string, args ...any) (*sql.Rows, error)
}

func (pgDialect) afterCopy(tx *sql.Tx) error {
	for _, table := range []string{"drafts", "exports"} {
		_, err := tx.Exec(`SELECT setval(pg_get_serial_sequence('` + table + `', 'id'), coalesce(max(id), 0) + 1, false) FROM ` + table)
		if err != nil {
			return fmt.Errorf("renumber %s: %w", table, err)
		}
	}
	return nil
}
