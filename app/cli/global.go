package cli

import (
	"flag"
	"io"
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

// Headless reports whether a command line asks for the CLI (a command, a
// help flag or a malformed flag) rather than the desktop app, so that main
// can start the GUI for `pactwright` and `pactwright --library PATH` alone.
func Headless(args []string) bool {
	g, rest, err := parseGlobal(args)
	return err != nil || g.help || len(rest) > 0
}

// LibraryFlag returns the --library value of a command line that starts
// the desktop app ("" when absent); pass it to library.ResolvePath.
func LibraryFlag(args []string) string {
	g, _, _ := parseGlobal(args)
	return g.library
}
