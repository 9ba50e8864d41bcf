// Package earlylocale gives Fyne a locale it can parse, before Fyne reads it.
//
// Fyne's lang package reads LANG while the program initialises, before main
// runs, and logs "Error parsing user locale C" for the POSIX locales that
// containers and CI use (C, C.UTF-8, POSIX). That would put an error on
// stderr of every command-line call. Go initialises packages in import-path
// order as soon as their own imports are ready (Go spec, "Package
// initialization"), so this package lives in its own tiny module whose path
// sorts before "fyne.io" and imports nothing but os: it runs first.
//
// "C" means "no language preference", so English is what the user gets
// either way; a real locale is never touched.
package earlylocale

import "os"

func init() {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		value := os.Getenv(name)
		if value == "" {
			continue
		}
		if value == "C" || value == "POSIX" || len(value) > 2 && value[:2] == "C." {
			os.Setenv(name, "en_US.UTF-8")
		}
		return // the first one set is the one that counts
	}
}
