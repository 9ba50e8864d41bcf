// Package version says which Pactwright a binary is: the version and build
// number from FyneApp.toml (the one place they are written; main embeds the
// file), and the commit and build date that the Makefile stamps at link time.
package version

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/BurntSushi/toml"
)

// Info is what `pactwright --version` prints.
type Info struct {
	Version string // "0.1.0", from FyneApp.toml [Details] Version
	Build   int    // FyneApp.toml [Details] Build
	Commit  string // short git commit, "-dirty" when built from changed files
	Date    string // UTC build date, RFC 3339
}

// fyneApp is the part of FyneApp.toml this package reads.
type fyneApp struct {
	Details struct {
		Version string
		Build   int
	}
}

// New reads the version from the FyneApp.toml bytes and takes commit and
// date as stamped by the linker (-X). A plain `go build` stamps neither, so
// the commit then comes from the VCS data Go records in the binary, and the
// date says it is unknown rather than guessing.
func New(fyneAppToml []byte, commit, date string) (Info, error) {
	var f fyneApp
	if err := toml.Unmarshal(fyneAppToml, &f); err != nil {
		return Info{}, fmt.Errorf("read FyneApp.toml: %w", err)
	}
	if f.Details.Version == "" {
		return Info{}, fmt.Errorf("read FyneApp.toml: [Details] has no Version")
	}
	if commit == "" {
		commit = vcsCommit()
	}
	if commit == "" {
		commit = "unknown"
	}
	if date == "" {
		date = "unknown (not built with make)"
	}
	return Info{Version: f.Details.Version, Build: f.Details.Build, Commit: commit, Date: date}, nil
}

// String is the --version line.
func (i Info) String() string {
	return fmt.Sprintf("pactwright %s (build %d), commit %s, built %s", i.Version, i.Build, i.Commit, i.Date)
}

// Requested reports whether a command line only asks for the version.
func Requested(args []string) bool {
	if len(args) != 1 {
		return false
	}
	switch args[0] {
	case "--version", "-version", "version":
		return true
	}
	return false
}

// vcsCommit is the commit go build recorded, shortened like `git rev-parse
// --short`, or "" when the binary was built outside a checkout.
func vcsCommit() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	var rev, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "-dirty"
			}
		}
	}
	if rev == "" {
		return ""
	}
	return strings.TrimSpace(rev[:min(len(rev), 12)]) + dirty
}
