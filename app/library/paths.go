package library

import (
	"fmt"
	"os"
	"path/filepath"
)

// EnvLibrary names the environment variable that overrides the default
// library location, so scripts and tests can point the CLI elsewhere.
const EnvLibrary = "PACTWRIGHT_LIBRARY"

// DefaultPath is where the GUI and the CLI share one library unless told
// otherwise: <user config dir>/pactwright/library.db.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the default library location: %w", err)
	}
	return filepath.Join(dir, "pactwright", "library.db"), nil
}

// ResolvePath picks the library (a file, or a postgres:// connection
// string): the --library flag if given, else
// $PACTWRIGHT_LIBRARY, else DefaultPath.
func ResolvePath(flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if env := os.Getenv(EnvLibrary); env != "" {
		return env, nil
	}
	return DefaultPath()
}
