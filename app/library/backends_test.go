package library

import (
	"path/filepath"
	"testing"

	"pactwright/app/library/pgtest"
)

// The library's behaviour tests run against every backend: SQLite files
// and PostgreSQL (on the test server pgtest describes).

// backend is one kind of database a library can live in.
type backend struct {
	name string
	// location makes room for a new, empty library and returns where it is.
	location func(t *testing.T) string
}

var backends = []backend{
	{"sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "lib", "library.db") }},
	{"postgres", func(t *testing.T) string { return pgtest.Location(t) }},
}

// eachBackend runs fn once per backend, as subtests named after it.
func eachBackend(t *testing.T, fn func(t *testing.T, b backend)) {
	t.Helper()
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) { fn(t, b) })
	}
}

// openOn opens a new library on backend b, closed when the test ends.
func openOn(t *testing.T, b backend) (*Library, string) {
	t.Helper()
	loc := b.location(t)
	l, err := Open(loc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l, loc
}

// openAgain opens a second handle (its own connections) on the library at
// loc, closed when the test ends.
func openAgain(t *testing.T, loc string) *Library {
	t.Helper()
	l, err := Open(loc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

// annAndBob are two people sharing a new library on backend b, with one
// draft Ann created.
func annAndBob(t *testing.T, b backend) (ann, bob *Library, id int64) {
	t.Helper()
	ann, loc := openOn(t, b)
	ann.SetAuthor("Ann Owner")
	bob = openAgain(t, loc)
	bob.SetAuthor("  Bob Ops  ")
	id, err := ann.Create(exampleDraft())
	if err != nil {
		t.Fatal(err)
	}
	return ann, bob, id
}
