package library

import (
	"errors"
	"fmt"
	"os"
	"regexp"
)

// ErrNoLibrary means there is no library at the path yet. Commands that
// only read get it instead of a new, empty library created as a side
// effect of looking.
var ErrNoLibrary = errors.New("there is no library there yet (pactwright new, or the desktop app, creates one)")

// ErrURLPath means a library path is a URL other than a PostgreSQL one.
// Such a URL is never created as a file or folder named after it.
var ErrURLPath = errors.New("this looks like a URL, but the library is a file on this computer or a PostgreSQL database: give a file path such as ~/pactwright/library.db, or postgres://user@host/database")

// urlScheme matches the start of a URL: a scheme and "://" (a Windows
// drive, C:\, has no slashes after the colon).
var urlScheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*://`)

// checkPath refuses a path that is a URL (PostgreSQL ones are taken
// before it is called).
func checkPath(path string) error {
	if urlScheme.MatchString(path) {
		return fmt.Errorf("library %q: %w", path, ErrURLPath)
	}
	return nil
}

// OpenExisting opens the library at path for a command that only reads:
// like Open, but a library that does not exist is ErrNoLibrary rather than
// created.
func OpenExisting(path string) (*Library, error) {
	if IsPostgres(path) {
		return openPostgres(path, false)
	}
	if err := checkPath(path); err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("library %s: %w", path, ErrNoLibrary)
	}
	return Open(path)
}
