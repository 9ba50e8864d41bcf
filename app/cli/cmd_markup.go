package cli

import (
	"fmt"
	"os"

	"pactwright/app/template"
	"pactwright/app/usecase"
)

func cmdMarkup(e *env, args []string) error {
	fs := e.flags("markup")
	asJSON := fs.Bool("json", false, "print the comparison as JSON")
	apply := fs.Bool("apply", false, "make the proposed answer changes in the draft's working copy")
	pos, err := parse(fs, args, 2, 2)
	if err != nil {
		return err
	}
	id, err := parseID(pos[0])
	if err != nil {
		return err
	}
	file, err := os.ReadFile(pos[1])
	if err != nil {
		return fmt.Errorf("read %s: %w", pos[1], err)
	}
	return e.withService(func(s *usecase.Service) error {
		m, err := s.ReadMarkup(id, file)
		if err != nil {
			return fmt.Errorf("%s: %w", pos[1], err)
		}
		applied := 0
		if *apply {
			if applied, err = s.ApplyMarkup(id, m.Proposals); err != nil {
				return err
			}
		}
		if *asJSON {
			return e.printJSON(struct {
				usecase.Markup
				Applied int `json:"applied"`
			}{m, applied})
		}
		printMarkup(e, pos[1], m)
		switch {
		case applied > 0:
			fmt.Fprintf(e.stdout, "\nApplied %s to draft %d; check it with: pactwright check %d\n", template.Count(applied, "answer changes"), id, id)
		case len(m.Proposals) > 0:
			fmt.Fprintf(e.stdout, "\nTo make these answer changes: pactwright markup %d %s --apply\n", id, pos[1])
		}
		return nil
	})
}

func printMarkup(e *env, path string, m usecase.Markup) {
	w := e.stdout
	counts := map[string]int{}
	for _, c := range m.Clauses {
		counts[c.Status]++
	}
	fmt.Fprintf(w, "%s (document %s) against draft %d: %d clauses unchanged, %d changed, %d inserted, %d deleted; %s\n",
		path, m.DocumentID, m.DraftID, m.Unchanged, counts[usecase.ClauseChanged], counts[usecase.ClauseInserted], counts[usecase.ClauseDeleted], template.Count(len(m.Comments), "comments"))
	for _, n := range m.Notes {
		fmt.Fprintf(w, "Note: %s\n", n)
	}
	for _, c := range m.Clauses {
		fmt.Fprintf(w, "\n%s %s: %s", c.Number, c.Key, c.Status)
		if c.Tracked {
			fmt.Fprint(w, " (tracked changes)")
		}
		fmt.Fprintln(w)
		switch c.Status {
		case usecase.ClauseChanged:
			fmt.Fprintf(w, "  %s\n", c.Diff)
			for _, p := range c.Proposals {
				fmt.Fprintf(w, "  proposes: %s %s → %s\n", p.Label, p.From, p.To)
			}
			if len(c.Proposals) == 0 {
				fmt.Fprintln(w, "  their own wording: no answers produce it")
			}
		case usecase.ClauseInserted:
			fmt.Fprintf(w, "  %s\n", c.Theirs)
		case usecase.ClauseDeleted:
			fmt.Fprintf(w, "  was: %s\n", c.Ours)
		}
	}
	if len(m.Comments) > 0 {
		fmt.Fprintln(w, "\nComments:")
		for _, c := range m.Comments {
			where := ""
			if c.Number != "" {
				where = " on " + c.Number
			}
			fmt.Fprintf(w, "  %s%s (%s): %s\n", c.Author, where, c.Date, c.Text)
		}
	}
}
