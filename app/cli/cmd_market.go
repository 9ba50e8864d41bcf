package cli

import (
	"fmt"
	"time"

	"pactwright/app/check"
)

func cmdMarket(e *env, args []string) error {
	fs := e.flags("market")
	asJSON := fs.Bool("json", false, "print the positions and summaries as JSON")
	terms, err := e.termsArg(fs, args, func() (time.Time, error) { return time.Now(), nil })
	if err != nil {
		return err
	}
	d := terms.Draft
	r := check.Market(e.t, d.Answers)
	if *asJSON {
		return e.printJSON(r)
	}
	w := e.stdout
	fmt.Fprintf(w, "%s (%s)\nThe whole agreement: %s.\n", d.Title, terms.Basis, r.Total.Summary())
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
