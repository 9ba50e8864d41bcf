package cli

import (
	"fmt"
	"text/tabwriter"

	"pactwright/app/library"
)

// cmdLibrary manages whole libraries; its one subcommand, copy, moves a
// library between SQLite and PostgreSQL in either direction.
func cmdLibrary(e *env, args []string) error {
	fs := e.flags("library")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	pos, err := parse(fs, args, 3, 3)
	if err != nil {
		return err
	}
	if pos[0] != "copy" {
		return usagef("unknown library command %q (there is: copy)", pos[0])
	}
	from, err := library.OpenExisting(pos[1])
	if err != nil {
		return err
	}
	defer from.Close()
	to, err := library.Open(pos[2])
	if err != nil {
		return err
	}
	defer to.Close()
	rep, err := library.Copy(from, to)
	if err != nil {
		return err
	}
	if *asJSON {
		return e.printJSON(rep)
	}
	fmt.Fprintf(e.stdout, "copied %s to %s and read it back:\n", from.Path(), to.Path())
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TABLE\tROWS\tSHA-256 OF THE ROWS (SAME ON BOTH SIDES)")
	for _, t := range rep.Tables {
		fmt.Fprintf(tw, "%s\t%d\t%s\n", t.Table, t.Rows, t.To)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "every table matches, and all %d PDF fingerprints (exports and signed copies) are in the copy\n", rep.PDFs)
	return nil
}
