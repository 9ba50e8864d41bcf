package cli

import (
	"fmt"

	"pactwright/app/check"
)

func cmdMarket(e *env, args []string) error {
	fs := e.flags("market")
	asJSON := fs.Bool("json", false, "print the positions and summaries as JSON")
	d, err := e.draftArg(fs, args)
	if err != nil {
		return err
	}
	r := check.Market(e.t, d.Answers)
	if *asJSON {
		return e.printJSON(r)
	}
	w := e.stdout
	fmt.Fprintf(w, "%s\nThe whole agreement: %s.\n", d.Title, r.Total.Summary())
	for _, g := range r.Groups {
		fmt.Fprintf(w, "\n%s: %s.\n", g.Name, g.Summary())
		for _, p := range r.Terms {
			if grp, ok := e.t.GroupOf(p.Field); ok && grp.ID == g.ID {
				mark := " "
				if p.Lean != check.Typical {
					mark = "!"
				}
				fmt.Fprintf(w, "  %s %s\n", mark, p.Sentence())
			}
		}
	}
	return nil
}
