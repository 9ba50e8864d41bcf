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
	"github.com/mattn/go-sqlite3"

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
// opened for writing. A library that cannot be written (a full disk, a
// read-only file or folder) is opened for reading, and every write then
// says why it cannot be done.
func Open(path string) (*Library, error) {
	if IsPostgres(path) {
		return openPostgres(path, true)
	}
	if err := checkPath(path); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	h, err := inspectHeader(abs)
	if err != nil {
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	if h.fresh {
		if err := createFile(abs); err != nil {
			return nil, fmt.Errorf("open library %s: %w", path, err)
		}
	} else if err := checkExisting(abs, h.suspect); err != nil && !cannotWrite(readOnlyReason(abs, err)) {
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	l, err := openReadWrite(abs)
	if err != nil {
		err = readOnlyReason(abs, err)
	}
	if cannotWrite(err) {
		if ro, roErr := openReadOnly(abs, err); roErr == nil {
			return ro, nil
		}
	}
	if err != nil {
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	return l, nil
}

// cannotWrite reports the errors after which the library can still be read.
func cannotWrite(err error) bool {
	return errors.Is(err, ErrDiskFull) || errors.Is(err, ErrReadOnly)
}

// readOnlyReason turns SQLite's "unable to open database file", which is
// what it says when it cannot create its lock files next to the library,
// into ErrReadOnly when the folder indeed cannot be written.
func readOnlyReason(abs string, err error) error {
	var se sqlite3.Error
	if cannotWrite(err) || !errors.As(err, &se) || se.Code != sqlite3.ErrCantOpen {
		return err
	}
	probe, perr := os.CreateTemp(filepath.Dir(abs), ".pactwright-probe-*")
	if perr == nil {
		probe.Close()
		os.Remove(probe.Name())
		return err
	}
	return &plainError{kind: ErrReadOnly, cause: err}
}

// createFile makes the library file ourselves so it is 0600 from the first
// byte (SQLite gives the -wal and -shm files the same mode). An existing
// empty file is a library whose creation was interrupted: it is used only
// if it belongs to the user, and made private.
func createFile(path string) error {
	if st, err := os.Stat(path); err == nil {
		if !ownedByUser(st) {
			return fmt.Errorf("%w: the file is empty and belongs to another user", ErrNotLibrary)
		}
		return os.Chmod(path, 0o600)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	return f.Close()
}

func openReadWrite(abs string) (*Library, error) {
	db, err := sql.Open("sqlite3", dsn(abs))
	if err != nil {
		return nil, err
	}
	// One connection: a desktop app writes from one place at a time, and it
	// makes the per-connection PRAGMAs in the DSN apply everywhere. Another
	// process still gets in through WAL and the busy timeout.
	db.SetMaxOpenConns(1)
	if err := migrate(db, sqliteDialect{}); err != nil {
		db.Close()
		return nil, explain(err)
	}
	return &Library{db: db, d: sqliteDialect{}, path: abs, t: template.CallCentre(), now: time.Now, author: newAuthorName()}, nil
}

// openReadOnly opens the library for reading only, because of why (a full
// disk or a read-only file or folder). With no write-ahead log waiting to
// be checkpointed the file alone is the whole library, so SQLite is told it
// is immutable and needs no lock files, which a full or read-only disk
// could not hold.
func openReadOnly(abs string, why error) (*Library, error) {
	q := url.Values{}
	q.Set("mode", "ro")
	if st, err := os.Stat(abs + "-wal"); err != nil || st.Size() == 0 {
		q.Set("immutable", "1")
	}
	db, err := sql.Open("sqlite3", "file:"+escapePath(abs)+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	version, err := currentVersion(db, sqliteDialect{})
	if err == nil && version != schemaVersion {
		err = fmt.Errorf("the library must be upgraded to this version's format, which needs writing to it: %w", why)
	}
	if err != nil {
		db.Close()
		return nil, explain(err)
	}
	// Writes say only the reason, not what the open was doing.
	reason := ErrReadOnly
	if errors.Is(why, ErrDiskFull) {
		reason = ErrDiskFull
	}
	return &Library{db: db, d: sqliteDialect{}, path: abs, t: template.CallCentre(), now: time.Now, author: newAuthorName(), readOnly: reason}, nil
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
//
// The file's size is read without any lock, so while another process
// checkpoints the file grows under us: a size that does not match the
// header is only a suspicion, which checkExisting confirms or clears.
func inspectHeader(path string) (h header, err error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return header{fresh: true}, nil
	}
	if err != nil {
		return header{}, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return header{}, err
	}
	if st.IsDir() {
		return header{}, fmt.Errorf("%w: it is a directory", ErrNotLibrary)
	}
	if st.Size() == 0 {
		// SQLite writes nothing until the first commit, so an empty file
		// is a library whose creation was interrupted.
		return header{fresh: true}, nil
	}
	head := make([]byte, 100)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return header{}, err
	}
	if n < len(sqliteMagic) || string(head[:len(sqliteMagic)]) != sqliteMagic {
		return header{}, fmt.Errorf("%w: the file is not an SQLite database", ErrNotLibrary)
	}
	if n < 100 {
		return header{}, fmt.Errorf("%w: the file is damaged (truncated to %d bytes)", ErrNotLibrary, n)
	}
	pageSize := int64(binary.BigEndian.Uint16(head[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return header{}, fmt.Errorf("%w: the file is damaged (bad page size %d)", ErrNotLibrary, pageSize)
	}
	if st.Size()%pageSize != 0 {
		h.suspect = fmt.Sprintf("truncated: %d bytes is not a whole number of %d-byte pages", st.Size(), pageSize)
	}
	changeCounter := binary.BigEndian.Uint32(head[24:28])
	pages := int64(binary.BigEndian.Uint32(head[28:32]))
	validFor := binary.BigEndian.Uint32(head[92:96])
	if validFor == changeCounter && pages > 0 && st.Size() < pages*pageSize {
		h.suspect = fmt.Sprintf("truncated: %d of %d pages present", st.Size()/pageSize, pages)
	}
	userVersion := int(binary.BigEndian.Uint32(head[60:64]))
	appID := binary.BigEndian.Uint32(head[68:72])
	switch {
	case appID == applicationID && userVersion > schemaVersion:
		return header{}, fmt.Errorf("%w (schema version %d; this version reads up to %d)", ErrNewerVersion, userVersion, schemaVersion)
	case appID != applicationID && appID != 0:
		return header{}, fmt.Errorf("%w: it is an SQLite database belonging to another program (application id %#x)", ErrNotLibrary, appID)
	case appID == 0 && userVersion != 0:
		return header{}, fmt.Errorf("%w: it is an SQLite database belonging to another program (user version %d)", ErrNotLibrary, userVersion)
	}
	return h, nil
}

// header is what inspectHeader learnt.
type header struct {
	fresh   bool   // no file yet, or an empty one
	suspect string // why the size looks truncated, to be confirmed
}

// checkExisting refuses an SQLite file that has tables but no Pactwright
// application id, reading it through a read-only connection with no
// journal-mode change so the file stays byte-for-byte as it was. An
// application id of zero with no tables is a library whose first migration
// was interrupted. When the header made the size look wrong (suspect),
// SQLite's own check decides: only a failed check means damage.
func checkExisting(path, suspect string) error {
	q := url.Values{}
	q.Set("mode", "ro")
	db, err := sql.Open("sqlite3", "file:"+escapePath(path)+"?"+q.Encode())
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := currentVersion(db, sqliteDialect{}); err != nil {
		return damaged(explain(err), suspect)
	}
	if suspect == "" {
		return nil
	}
	var result string
	if err := db.QueryRow("PRAGMA quick_check(1)").Scan(&result); err != nil {
		return damaged(explain(err), suspect)
	}
	if result != "ok" {
		return fmt.Errorf("%w: the file is damaged (%s; SQLite's check says: %s)", ErrNotLibrary, suspect, result)
	}
	return nil
}

// damaged names what the header suspected when SQLite confirms damage.
func damaged(err error, suspect string) error {
	if suspect != "" && errors.Is(err, ErrNotLibrary) {
		return fmt.Errorf("%w (%s)", err, suspect)
	}
	return err
}

// currentVersion reads the marks checkIdentity judges, through the
// database (for SQLite, so a newer header still in the -wal file counts),
// and returns the schema version.
func currentVersion(q reader, d dialect) (int, error) {
	appID, userVersion, tables, err := d.identity(q)
	if err != nil {
		return 0, err
	}
	return userVersion, checkIdentity(appID, userVersion, tables)
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
