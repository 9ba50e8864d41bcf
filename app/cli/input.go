package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	"pactwright/app/draft"
	"pactwright/app/library"
)

// parseID reads a draft id argument.
func parseID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("%q is not a draft id (see pactwright list)", s)
	}
	return id, nil
}

func parseRev(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return 0, usagef("%q is not a revision number (see pactwright history ID)", s)
	}
	return n, nil
}

// readDraftFile reads a JSON draft from a file, or stdin for "-".
func (e *env) readDraftFile(path string) (draft.Draft, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(e.stdin)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return draft.Draft{}, fmt.Errorf("read %s: %w", path, err)
	}
	d, err := draft.Unmarshal(e.t, data)
	if err != nil {
		return draft.Draft{}, fmt.Errorf("%s: %w", path, err)
	}
	return d, nil
}

// loadDraft reads FILE|ID: a file when one exists by that name (or the
// argument is not a number), else the working copy of a library draft.
func (e *env) loadDraft(arg string) (draft.Draft, error) {
	if _, err := os.Stat(arg); err == nil || arg == "-" {
		return e.readDraftFile(arg)
	}
	id, err := strconv.ParseInt(arg, 10, 64)
	if err != nil {
		return draft.Draft{}, fmt.Errorf("%s: %w", arg, errors.New("no such file, and not a draft id"))
	}
	l, err := e.openLibrary()
	if err != nil {
		return draft.Draft{}, err
	}
	defer l.Close()
	d, err := l.Get(id)
	if err != nil {
		return draft.Draft{}, err
	}
	return d.Content, nil
}

// withLibrary opens the library for the length of fn.
func (e *env) withLibrary(fn func(l *library.Library) error) error {
	l, err := e.openLibrary()
	if err != nil {
		return err
	}
	err = fn(l)
	if cerr := l.Close(); err == nil {
		err = cerr
	}
	return err
}
