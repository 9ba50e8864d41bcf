package library

import (
	"crypto/tls"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/mattn/go-sqlite3"
)

// What goes wrong with a library file that is not the user's doing and
// not damage: each says what happened and what it means for their work.
var (
	// ErrBusy means another process held the library's write lock for
	// longer than the busy timeout.
	ErrBusy = errors.New("the library is busy: another Pactwright window or command is writing to it and did not finish within 5 seconds; nothing was changed, try again in a moment")
	// ErrDiskFull means a write found no space on the disk.
	ErrDiskFull = errors.New("the disk is full: nothing was lost (the library still holds everything saved before), but nothing more can be saved until some space is freed")
	// ErrReadOnly means the library's file or folder cannot be written.
	ErrReadOnly = errors.New("the library's file or folder is read-only: it can still be read (list, show, history, diff and verify work), but changes cannot be saved")
)

// plainError puts an SQLite error into the words of one of the errors
// above, keeping what was being done when it happened.
type plainError struct {
	doing string // e.g. "save draft 3"; may be empty
	kind  error  // ErrBusy, ErrDiskFull, ErrReadOnly, ErrNotLibrary, or a PostgreSQL one
	cause error
	// detail is what the server or the network said, for the errors whose
	// cause the user must act on (which host refused, which login failed).
	detail string
}

func (e *plainError) Error() string {
	msg := e.kind.Error()
	if e.kind == ErrNotLibrary {
		msg += ": the file is damaged (" + sqliteMessage(e.cause) + ")"
	}
	if e.detail != "" && (e.kind == ErrServerUnreachable || e.kind == ErrLoginRefused || e.kind == ErrServerNotTrusted) {
		msg += " (" + e.detail + ")"
	}
	if e.doing == "" {
		return msg
	}
	return e.doing + ": " + msg
}

func (e *plainError) Unwrap() []error { return []error{e.kind, e.cause} }

// explain rewrites an SQLite error inside err in plain words when it is
// contention, a full disk, a read-only file or real damage; other errors
// are returned as they are.
func explain(err error) error {
	var pe *plainError
	if err == nil || errors.As(err, &pe) {
		return err
	}
	if kind, cause := classifyPostgres(err); kind != nil {
		doing := strings.TrimSuffix(strings.TrimSuffix(err.Error(), cause.Error()), ": ")
		return &plainError{doing: doing, kind: kind, cause: err, detail: cause.Error()}
	}
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return err
	}
	kind := classify(se)
	if kind == nil {
		return err
	}
	doing := strings.TrimSuffix(strings.TrimSuffix(err.Error(), se.Error()), ": ")
	return &plainError{doing: doing, kind: kind, cause: err}
}

func classify(se sqlite3.Error) error {
	switch {
	case se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked:
		return ErrBusy
	case se.Code == sqlite3.ErrFull || se.SystemErrno == syscall.ENOSPC:
		return ErrDiskFull
	case se.Code == sqlite3.ErrReadonly || se.SystemErrno == syscall.EROFS || se.SystemErrno == syscall.EACCES || se.SystemErrno == syscall.EPERM:
		return ErrReadOnly
	case se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB:
		return ErrNotLibrary
	}
	return nil
}

func sqliteMessage(err error) string {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return "SQLite says: " + se.Error()
	}
	return err.Error()
}

// ErrLoginRefused means the PostgreSQL server refused the user name or
// password of the connection string.
var ErrLoginRefused = errors.New("the PostgreSQL server refused the login: check the user name and password in the connection string")

// ErrServerNotTrusted means the server's TLS certificate did not prove it
// is the server the connection string names.
var ErrServerNotTrusted = errors.New("the PostgreSQL server did not prove it is the server named in the connection string: " +
	"its certificate is for another host name, or from an authority that is not trusted " +
	"(with sslmode=verify-full, use the host name the certificate names, and sslrootcert=FILE for your own authority's certificate)")

// classifyPostgres says which plain error a PostgreSQL or network error
// is, and the part of err that says so; a nil kind leaves err as it is.
func classifyPostgres(err error) (kind, cause error) {
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		switch {
		case pg.Code == "42501" || pg.Code == "25006": // insufficient privilege, read-only transaction
			return ErrReadOnlyRole, pg
		case pg.Code == "55P03" || pg.Code == "40001" || pg.Code == "40P01": // lock timeout, serialization, deadlock
			return ErrBusy, pg
		case pg.Code == "53100":
			return ErrDiskFull, pg
		case pg.Code == "28P01" || pg.Code == "28000":
			return ErrLoginRefused, pg
		case strings.HasPrefix(pg.Code, "08") || strings.HasPrefix(pg.Code, "57P"): // connection, shutdown
			return ErrServerUnreachable, pg
		}
		return nil, nil
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	var cv *tls.CertificateVerificationError
	switch {
	case errors.As(err, &cv) && errors.As(err, &ce):
		return ErrServerNotTrusted, ce
	case errors.As(err, &ce):
		return ErrServerUnreachable, ce
	case errors.As(err, &ne):
		return ErrServerUnreachable, ne
	case errors.Is(err, driver.ErrBadConn), errors.Is(err, io.ErrUnexpectedEOF), pgconn.SafeToRetry(err):
		return ErrServerUnreachable, err
	}
	return nil, nil
}
