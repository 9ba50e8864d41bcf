package library

import (
	"errors"
	"strings"
	"syscall"

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
	kind  error  // ErrBusy, ErrDiskFull, ErrReadOnly or ErrNotLibrary
	cause error
}

func (e *plainError) Error() string {
	msg := e.kind.Error()
	if e.kind == ErrNotLibrary {
		msg += ": the file is damaged (" + sqliteMessage(e.cause) + ")"
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
	var se sqlite3.Error
	if err == nil || !errors.As(err, &se) {
		return err
	}
	var pe *plainError
	if errors.As(err, &pe) {
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
