// Package cli is the headless face of Pactwright: `pactwright SUBCOMMAND`.
// It calls the same core as the GUI (template, check, library, agreement),
// so anything the app can do to a draft can be scripted and tested.
package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"

	"pactwright/app/library"
	"pactwright/app/template"
)

// Exit codes.
const (
	exitOK    = 0
	exitError = 1 // the command failed, or found what it checks for missing
	exitUsage = 2 // the command line itself is wrong
)

// command is one subcommand.
type command struct {
	name  string
	args  string // synopsis after the name
	about string
	run   func(e *env, args []string) error
}

func commands() []command {
	return []command{
		{"example", "[-o FILE]", "print the example agreement as a JSON draft", cmdExample},
		{"schema", "", "print the whole template (groups, fields, defaults, checklist) as JSON", cmdSchema},
		{"check", "[--strict] [--json] FILE|ID", "show the clause checklist and findings of a draft file or library draft; --strict exits 1 unless it can be signed", cmdCheck},
		{"confirm", "ID [GROUP...]", "confirm clause groups (all when none is named) as reviewed: a PDF for signature needs every group confirmed", cmdConfirm},
		{"accept-risk", "ID N --reason T", "accept finding N (as `check` numbers it) as a risk you keep, with your reason: a HIGH finding blocks a PDF for signature until fixed or accepted", cmdAcceptRisk},
		{"render", "FILE|ID -o OUT.pdf|.docx", "render a draft file or library draft to PDF, or to Word if OUT ends in .docx (records nothing)", cmdRender},
		{"list", "[--json] [--trash] [QUERY]", "list drafts, newest change first; QUERY searches titles and party names", cmdList},
		{"new", "[--example] [--title T]", "create a draft (blank, or the example) and print its id", cmdNew},
		{"import", "[--into ID] [--copy] FILE", "import a JSON draft, or the draft inside a PDF Pactwright exported, as a new draft (or as the working copy of draft ID); prints the id", cmdImport},
		{"export", "ID -o FILE.pdf|.docx|.json", "render the draft to PDF, write it and record the export (FILE.docx writes a Word file for markup, not recorded; FILE.json the JSON draft)", cmdExport},
		{"show", "[--json] ID", "show a draft's status and answers", cmdShow},
		{"save", "ID [--note T]", "save the working copy as a revision", cmdSave},
		{"history", "[--json] ID", "list a draft's revisions", cmdHistory},
		{"diff", "[--json] ID [REV [REV]]", "list changed fields: working copy against the signed (else latest) revision, REV against the working copy, or REV against REV", cmdDiff},
		{"restore", "ID REV", "make revision REV the working copy (undoable: the replaced copy is kept)", cmdRestore},
		{"mark-signed", "ID [--pdf FILE]", "record that the draft (or its latest amendment) was signed, optionally with the signed PDF", cmdMarkSigned},
		{"amendment", "ID -o FILE.pdf|.docx [--effective DATE] [--reason T]", "write Amendment No. N of a signed draft: the changes since the signed version, in contract language; records the export (a PDF)", cmdAmendment},
		{"redline", "ID [REV [REV]] -o FILE.pdf|.docx", "write a redline (in Word, as tracked changes): signed (else latest) version against the working copy, REV against the working copy, or REV against REV", cmdRedline},
		{"conformed", "ID -o FILE.pdf|.docx", "write the conformed copy: the signed agreement as amended, not for signature", cmdConformed},
		{"delete", "ID", "move a draft to the trash", cmdDelete},
		{"undelete", "ID", "take a draft out of the trash", cmdUndelete},
		{"purge", "ID", "delete a draft that is in the trash for good, with its history (cannot be undone)", cmdPurge},
		{"markup", "ID FILE.docx [--json] [--apply] [--keep N]... [--reject N]... [-o REPORT.pdf|.docx]", "read a Word file the other side returned: each clause unchanged, changed, inserted or deleted, their comments, and the answer changes that produce their wording (--apply makes them; --keep N keeps their rewrite of clause N as negotiated wording; -o writes the comparison for your records)", cmdMarkup},
		{"wording", "ID [--json] [--drop N]", "list the clauses printed with negotiated wording, or go back to Pactwright's wording for clause N", cmdWording},
		{"verify", "[--json] FILE.pdf", "name the draft and revision a PDF was exported from; exit 1 when nothing matches", cmdVerify},
		{"credits", "ID|FILE --month FILE.csv [--json] [-o STATEMENT.pdf]", "work out a month's service credits (cap, earn-back, chronic failure, material breach) from the provider's figures", cmdCredits},
		{"calendar", "ID|FILE [-o FILE.ics] [--json] [--renewals N] [--notice-given DATE]", "list the agreement's dated obligations (notice deadlines, renewals, reports, reviews, exit), or write them as an .ics calendar", cmdCalendar},
		{"market", "[--json] ID|FILE", "show where each term sits against the market (typical, favours the Customer, favours the Provider), per group and overall", cmdMarket},
		{"merge", "ID COPY-ID [--json] [--mine FIELD]... [--theirs FIELD]... [--apply]", "after a conflict, list the fields where their save (ID) and your conflict copy (COPY-ID) differ, with who changed each; --apply saves their answers with yours taken where only you changed a field (or as --mine and --theirs say) as a new revision; the copy stays", cmdMerge},
		{"library", "copy FROM TO [--json]", "copy a whole library (drafts, history, exports, signed versions, amendments) between SQLite files and PostgreSQL (postgres://…), either way, into an empty library; then check that every table's rows and every PDF fingerprint match", cmdLibrary},
		{"open", "ID|FILE.json|FILE.pdf", "open the desktop app on a draft (with no command at all, the app opens on the drafts list)", cmdOpen},
	}
}

// env is what a command may touch: the streams and the library location.
// Commands get it explicitly so Run keeps no global state and tests can
// drive it with buffers.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	libraryFlag    string
	t              *template.Template
	// readsOnly is set for commands that only read the library: they
	// never create one (library.OpenExisting).
	readsOnly bool
}

// readingCommands only read the library. Looking must not create one.
var readingCommands = map[string]bool{
	"check": true, "render": true, "list": true, "show": true, "history": true, "diff": true,
	"verify": true, "credits": true, "calendar": true, "market": true,
}

// usageError marks a mistake in the command line: exit code 2 and a hint.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// Run runs one command line (without the program name) and returns the
// exit code.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	g, rest, err := parseGlobal(args)
	if err != nil {
		fmt.Fprintf(stderr, "pactwright: %v\n\n", err)
		usage(stderr)
		return exitUsage
	}
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, libraryFlag: g.library, t: template.CallCentre()}
	if g.help || len(rest) == 0 || rest[0] == "help" {
		usage(stdout)
		if len(rest) == 0 && !g.help {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name != rest[0] {
			continue
		}
		e.readsOnly = readingCommands[c.name]
		err := c.run(e, rest[1:])
		var ue usageError
		var ec exitCode
		switch {
		case err == nil:
			return exitOK
		case errors.Is(err, flag.ErrHelp):
			fmt.Fprintf(stdout, "usage: pactwright [--library PATH] %s %s\n  %s\n", c.name, c.args, c.about)
			return exitOK
		case errors.As(err, &ue):
			fmt.Fprintf(stderr, "pactwright %s: %v\nusage: pactwright [--library PATH] %s %s\n", c.name, err, c.name, c.args)
			return exitUsage
		case errors.As(err, &ec):
			return int(ec)
		default:
			fmt.Fprintf(stderr, "pactwright %s: %v\n", c.name, err)
			return exitError
		}
	}
	fmt.Fprintf(stderr, "pactwright: unknown command %q\n\n", rest[0])
	usage(stderr)
	return exitUsage
}

// exitCode is returned by a command that has already said everything it
// needs to and only wants a particular exit status (check --strict, verify).
type exitCode int

func (c exitCode) Error() string { return fmt.Sprintf("exit status %d", int(c)) }

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: pactwright [--library PATH|postgres://…] COMMAND [ARGS]")
	fmt.Fprintln(w, "\nWithout a command, pactwright starts the desktop app.")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-12s %s\n      %s\n", c.name, c.args, c.about)
	}
	fmt.Fprintf(w, "\nThe library is --library PATH, else $%s, else the default location", library.EnvLibrary)
	if p, err := library.DefaultPath(); err == nil {
		fmt.Fprintf(w, " (%s)", p)
	}
	fmt.Fprintln(w, ".\nFlags may come before or after the arguments. Exit status: 0 ok, 1 error, 2 bad usage.")
	fmt.Fprintln(w, "pactwright --version prints the version, commit and build date.")
}

// flags returns a FlagSet for a command; every command also accepts
// --library so it can come after the command name.
func (e *env) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&e.libraryFlag, "library", e.libraryFlag, "library file, or postgres://… connection string")
	return fs
}

// parse parses flags and positional arguments in any order (the standard
// flag package stops at the first positional one) and checks the count.
// parseID1 parses a command whose only argument is a draft id.
func parseID1(fs *flag.FlagSet, args []string) (int64, error) {
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return 0, err
	}
	return parseID(pos[0])
}

func parse(fs *flag.FlagSet, args []string, minArgs, maxArgs int) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if rest[0] == "--" {
			pos = append(pos, rest[1:]...)
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	switch {
	case len(pos) < minArgs:
		return nil, usagef("missing arguments")
	case maxArgs >= 0 && len(pos) > maxArgs:
		return nil, usagef("unexpected argument %q", pos[maxArgs])
	}
	return pos, nil
}

func (e *env) openLibrary() (*library.Library, error) {
	path, err := library.ResolvePath(e.libraryFlag)
	if err != nil {
		return nil, err
	}
	if e.readsOnly {
		return library.OpenExisting(path)
	}
	return library.Open(path)
}

func (e *env) printJSON(v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	// Labels such as "Parties & Term" should read as written, not as \u0026.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

// writeFile writes through a temporary file and a rename, so an
// interrupted export never leaves half a PDF under the user's file name.
func writeFile(path string, data []byte) error {
	if path == "-" {
		return errors.New("writing to stdout is not supported here: give a file name")
	}
	if err := writeAtomically(path, data); err != nil {
		// Name the user's file, not the temporary one next to it.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func writeAtomically(path string, data []byte) error {
	removeStaleTemps(dirOf(path))
	tmp, err := createTemp(dirOf(path))
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func dirOf(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[:i+1]
	}
	return "."
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// cmdOpen is reached only when `open` was given something the window cannot
// open (main starts the window for a valid `open`): say what it takes.
func cmdOpen(e *env, args []string) error {
	return usagef("open takes one draft id, a .json draft file or a PDF Pactwright exported, and starts the desktop app on it")
}
