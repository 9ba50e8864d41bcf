// Package assets embeds the files the app ships with: clause wording
// templates and the icon. Wording lives in text files so that it can be
// reviewed and corrected without reading Go.
package assets

import (
	"embed"
	"io/fs"
)

//go:embed clauses/*.tmpl
var clauses embed.FS

//go:embed icon.png
var icon []byte

// Clauses returns the clause wording templates, one file per clause group
// named after the group id (parties.tmpl), plus definitions.tmpl.
func Clauses() fs.FS {
	sub, err := fs.Sub(clauses, "clauses")
	if err != nil {
		// fs.Sub only fails on an invalid path literal, which the tests cover.
		panic(err)
	}
	return sub
}

// Icon returns the application icon as PNG bytes.
func Icon() []byte { return icon }
