package cli

import (
	"flag"
	"io"
	"strings"
)

// globalFlags are the flags that may come before the command name.
type globalFlags struct {
	library string
	help    bool
}

func parseGlobal(args []string) (globalFlags, []string, error) {
	var g globalFlags
	fs := flag.NewFlagSet("pactwright", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&g.library, "library", "", "library file")
	fs.BoolVar(&g.help, "help", false, "show help")
	fs.BoolVar(&g.help, "h", false, "show help")
	err := fs.Parse(args)
	return g, fs.Args(), err
}

// Window is what a command line asks the desktop app to do.
type Window struct {
	Library string // the --library value, "" for the default
	Open    string // a draft id or a .json file to open, "" for the browser
}

// WindowRequest reports whether a command line asks for the desktop app:
// `pactwright`, `pactwright --library PATH` and `pactwright open ID|FILE.json`.
// Anything else (a command, a help flag, a malformed flag, an `open` of
// something else) belongs to Run, which explains it. Keeping the decision
// here means main and the usage text cannot disagree about it.
func WindowRequest(args []string) (Window, bool) {
	g, rest, err := parseGlobal(args)
	if err != nil || g.help {
		return Window{}, false
	}
	w := Window{Library: g.library}
	switch {
	case len(rest) == 0:
		return w, true
	case len(rest) == 2 && rest[0] == "open" && openable(rest[1]):
		w.Open = rest[1]
		return w, true
	}
	return Window{}, false
}

// openable is what `open` accepts: a draft id, a JSON draft file or a PDF
// that carries its draft.
func openable(target string) bool {
	if _, err := parseID(target); err == nil {
		return true
	}
	return strings.HasSuffix(strings.ToLower(target), ".json") || isPDF(target)
}
