package library

import (
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	// The SQLite driver registers itself as "sqlite3"; it needs cgo.
	_ "github.com/mattn/go-sqlite3"

	"pactwright/app/template"
)

// sqliteMagic starts every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// Open opens the library at path, creating it (directory 0700, file 0600)
// if it does not exist and migrating it to the current schema.
//
// A file that is not SQLite, is damaged, belongs to another program or was
// written by a newer Pactwright is refused before anything is written: the
// header is checked by reading the raw bytes, and only then is the file
// opened for writing.
func Open(path string) (*Library, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	fresh, err := inspectHeader(abs)
	if err != nil {
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	if fresh {
		// Create the file ourselves so it is 0600 from the first byte;
		// SQLite gives the -wal and -shm files the same mode.
		f, err := os.OpenFile(abs, os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			return nil, fmt.Errorf("open library %s: %w", path, err)
		}
		if err := f.Close(); err != nil {
			return nil, fmt.Errorf("open library %s: %w", path, err)
		}
	} else if err := checkForeignTables(abs); err != nil {
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	db, err := sql.Open("sqlite3", dsn(abs))
	if err != nil {
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	// One connection: a desktop app writes from one place at a time, and it
	// makes the per-connection PRAGMAs in the DSN apply everywhere. Another
	// process still gets in through WAL and the busy timeout.
	db.SetMaxOpenConns(1)
	l := &Library{db: db, path: abs, t: template.CallCentre(), now: time.Now}
	if err := migrate(db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	return l, nil
}

// dsn builds the connection string. Per-connection PRAGMAs belong here so
// that every connection the pool opens gets them.
func dsn(path string) string {
	q := url.Values{}
	q.Set("_busy_timeout", "5000")
	q.Set("_foreign_keys", "on")
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	q.Set("_txlock", "immediate")
	return "file:" + escapePath(path) + "?" + q.Encode()
}

// escapePath keeps a file name with '?', '#' or '%' in it from being read
// as part of the URI's query: SQLite decodes %XX in "file:" names.
func escapePath(path string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
}

// inspectHeader reads the database header without SQLite, so that a foreign,
// damaged or newer file is refused before any connection could touch it
// (setting WAL mode alone would rewrite the header of a foreign database).
// It reports fresh when there is no file yet, or an empty one.
func inspectHeader(path string) (fresh bool, err error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return false, err
	}
	if st.IsDir() {
		return false, fmt.Errorf("%w: it is a directory", ErrNotLibrary)
	}
	if st.Size() == 0 {
		// SQLite writes nothing until the first commit, so an empty file
		// is a library whose creation was interrupted.
		return true, nil
	}
	h := make([]byte, 100)
	n, err := io.ReadFull(f, h)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return false, err
	}
	if n < len(sqliteMagic) || string(h[:len(sqliteMagic)]) != sqliteMagic {
		return false, fmt.Errorf("%w: the file is not an SQLite database", ErrNotLibrary)
	}
	if n < 100 {
		return false, fmt.Errorf("%w: the file is damaged (truncated to %d bytes)", ErrNotLibrary, n)
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return false, fmt.Errorf("%w: the file is damaged (bad page size %d)", ErrNotLibrary, pageSize)
	}
	if st.Size()%pageSize != 0 {
		return false, fmt.Errorf("%w: the file is damaged (truncated: %d bytes is not a whole number of %d-byte pages)", ErrNotLibrary, st.Size(), pageSize)
	}
	changeCounter := binary.BigEndian.Uint32(h[24:28])
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	validFor := binary.BigEndian.Uint32(h[92:96])
	if validFor == changeCounter && pages > 0 && st.Size() < pages*pageSize {
		return false, fmt.Errorf("%w: the file is damaged (truncated: %d of %d pages present)", ErrNotLibrary, st.Size()/pageSize, pages)
	}
	userVersion := int(binary.BigEndian.Uint32(h[60:64]))
	appID := binary.BigEndian.Uint32(h[68:72])
	switch {
	case appID == applicationID && userVersion > schemaVersion:
		return false, fmt.Errorf("%w (schema version %d; this version reads up to %d)", ErrNewerVersion, userVersion, schemaVersion)
	case appID != applicationID && appID != 0:
		return false, fmt.Errorf("%w: it is an SQLite database belonging to another program (application id %#x)", ErrNotLibrary, appID)
	case appID == 0 && userVersion != 0:
		return false, fmt.Errorf("%w: it is an SQLite database belonging to another program (user version %d)", ErrNotLibrary, userVersion)
	}
	return false, nil
}

// checkForeignTables refuses an SQLite file that has tables but no
// Pactwright application id, reading it through a read-only connection with
// no journal-mode change so the file stays byte-for-byte as it was. An
// application id of zero with no tables is a library whose first migration
// was interrupted.
func checkForeignTables(path string) error {
	q := url.Values{}
	q.Set("mode", "ro")
	db, err := sql.Open("sqlite3", "file:"+escapePath(path)+"?"+q.Encode())
	if err != nil {
		return err
	}
	defer db.Close()
	var appID int64
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return fmt.Errorf("%w: the file is damaged or unreadable: %v", ErrNotLibrary, err)
	}
	var userVersion int
	if err := db.QueryRow("PRAGMA user_version").Scan(&userVersion); err != nil {
		return fmt.Errorf("%w: the file is damaged or unreadable: %v", ErrNotLibrary, err)
	}
	var tables int
	if err := db.QueryRow("SELECT count(*) FROM sqlite_master").Scan(&tables); err != nil {
		return fmt.Errorf("%w: the file is damaged or unreadable: %v", ErrNotLibrary, err)
	}
	return checkIdentity(uint32(appID), userVersion, tables)
}

// checkIdentity decides from the PRAGMAs whether a database is a library
// this version may open. It runs twice: on the read-only connection, and
// again inside the migration transaction, because a library in WAL mode may
// have a newer header in its -wal file than in the main file.
func checkIdentity(appID uint32, userVersion, tables int) error {
	switch {
	case appID == applicationID && userVersion > schemaVersion:
		return fmt.Errorf("%w (schema version %d; this version reads up to %d)", ErrNewerVersion, userVersion, schemaVersion)
	case appID == applicationID:
		return nil
	case appID != 0:
		return fmt.Errorf("%w: it is an SQLite database belonging to another program (application id %#x)", ErrNotLibrary, appID)
	case userVersion != 0 || tables > 0:
		return fmt.Errorf("%w: it is an SQLite database belonging to another program", ErrNotLibrary)
	}
	return nil
}
