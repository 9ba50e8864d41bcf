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
		fmt.Fprint(e.stdout, m.Report(pos[1]))
		switch {
		case applied > 0:
			fmt.Fprintf(e.stdout, "\nApplied %s to draft %d; check it with: pactwright check %d\n", template.Count(applied, "answer changes"), id, id)
		case len(m.Proposals) > 0:
			fmt.Fprintf(e.stdout, "\nTo make these answer changes: pactwright markup %d %s --apply\n", id, pos[1])
		}
		return nil
	})
}
