package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"pactwright/app/template"
	"pactwright/app/usecase"
)

// clauseList is a repeatable flag naming clauses: --keep 8.9 --keep 4.3,
// or --keep 8.9,4.3.
type clauseList []string

func (l *clauseList) String() string { return strings.Join(*l, ",") }

func (l *clauseList) Set(s string) error {
	for _, c := range strings.Split(s, ",") {
		if c = strings.TrimSpace(c); c != "" {
			*l = append(*l, c)
		}
	}
	return nil
}

func cmdMarkup(e *env, args []string) error {
	fs := e.flags("markup")
	asJSON := fs.Bool("json", false, "print the comparison as JSON")
	apply := fs.Bool("apply", false, "make the proposed answer changes in the draft's working copy")
	report := fs.String("o", "", "also write the comparison, for your records, to this file: a PDF, or a Word file if it ends in .docx")
	var choice usecase.WordingChoice
	fs.Var((*clauseList)(&choice.Keep), "keep", "keep their rewrite of this clause (number or clause key) as negotiated wording; repeat for more")
	fs.Var((*clauseList)(&choice.Reject), "reject", "reject their rewrite of this clause: the draft keeps its own wording")
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
		if *report != "" {
			b, err := s.MarkupFile(m, pos[1], filepath.Ext(*report))
			if err == nil {
				err = writeAtomically(*report, b)
			}
			if err != nil {
				return fmt.Errorf("write the comparison report %s: %w", *report, err)
			}
		}
		applied := 0
		if *apply {
			if applied, err = s.ApplyMarkup(id, m.Proposals); err != nil {
				return err
			}
		}
		kept, err := s.KeepWording(id, m, pos[1], choice, time.Now())
		if err != nil {
			return err
		}
		if *asJSON {
			return e.printJSON(struct {
				usecase.Markup
				Applied int                   `json:"applied"`
				Kept    []usecase.KeptWording `json:"kept_wording"`
			}{m, applied, kept})
		}
		fmt.Fprint(e.stdout, m.Report(pos[1]))
		switch {
		case applied > 0:
			fmt.Fprintf(e.stdout, "\nApplied %s to draft %d; check it with: pactwright check %d\n", template.Count(applied, "answer changes"), id, id)
		case len(m.Proposals) > 0:
			fmt.Fprintf(e.stdout, "\nTo make these answer changes: pactwright markup %d %s --apply\n", id, pos[1])
		}
		if n := m.Negotiable(); len(kept) == 0 && len(choice.Reject) == 0 && len(n) > 0 {
			fmt.Fprintf(e.stdout, "To keep their wording of clause %s as negotiated wording: pactwright markup %d %s --keep %s (or --reject it)\n", n[0], id, pos[1], n[0])
		}
		for _, k := range kept {
			fmt.Fprintf(e.stdout, "Kept their wording of clause %s as negotiated wording in draft %d: the agreement prints it instead of Pactwright's (drop it with: pactwright wording %d --drop %s)\n", k.Number, id, id, k.Number)
		}
		if *report != "" {
			fmt.Fprintf(e.stdout, "Wrote the comparison to %s\n", *report)
		}
		for _, r := range choice.Reject {
			fmt.Fprintf(e.stdout, "Rejected their wording of clause %s: draft %d keeps its own.\n", r, id)
		}
		return nil
	})
}

func cmdWording(e *env, args []string) error {
	fs := e.flags("wording")
	asJSON := fs.Bool("json", false, "print the negotiated wording as JSON")
	drop := fs.String("drop", "", "go back to the generated wording for this clause (number or clause key)")
	id, err := parseID1(fs, args)
	if err != nil {
		return err
	}
	return e.withService(func(s *usecase.Service) error {
		if *drop != "" {
			n, err := s.DropWording(id, *drop)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Clause %s of draft %d is Pactwright's wording again: the negotiated wording kept from %s, is gone.\n", n.Number, id, n.From)
			return nil
		}
		list, err := s.Wording(id)
		if err != nil {
			return err
		}
		if *asJSON {
			return e.printJSON(list)
		}
		if len(list) == 0 {
			fmt.Fprintf(e.stdout, "Draft %d has no negotiated wording.\n", id)
			return nil
		}
		for _, n := range list {
			by := ""
			if n.By != "" {
				by = " by " + n.By
			}
			fmt.Fprintf(e.stdout, "%s %s: negotiated wording%s, from %s, kept %s\n  %s\n", n.Number, n.Key, by, n.From, n.At.Format(time.RFC3339), n.Text)
		}
		return nil
	})
}
