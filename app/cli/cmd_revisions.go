package cli

import (
	"fmt"
	"os"

	"pactwright/app/library"
	"pactwright/app/template"
	"pactwright/app/usecase"
)

func cmdSave(e *env, args []string) error {
	fs := e.flags("save")
	note := fs.String("note", "", "a note saying why, shown in the history")
	id, err := parseID1(fs, args)
	if err != nil {
		return err
	}
	return e.withLibrary(func(l *library.Library) error {
		r, err := l.SaveRevision(id, *note)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "saved draft %d as revision %d\n", id, r.Number)
		return nil
	})
}

func cmdHistory(e *env, args []string) error {
	fs := e.flags("history")
	asJSON := fs.Bool("json", false, "print JSON")
	id, err := parseID1(fs, args)
	if err != nil {
		return err
	}
	return e.withLibrary(func(l *library.Library) error {
		hist, err := l.History(id)
		if err != nil {
			return err
		}
		if *asJSON {
			return e.printJSON(hist)
		}
		if d, err := l.Get(id); err == nil && d.Deleted != nil {
			fmt.Fprintf(e.stdout, "in the trash since %s, deleted by %s\n", localTime(*d.Deleted), dash(d.DeletedBy))
		}
		if len(hist) == 0 {
			fmt.Fprintf(e.stdout, "draft %d has no revisions yet (pactwright save %d makes one)\n", id, id)
			return nil
		}
		for _, r := range hist {
			line := fmt.Sprintf("%4d  %-12s  %s  %-16s  %s", r.Number, r.Kind, localTime(r.Created), dash(r.Author), r.Title)
			if r.Note != "" {
				line += "  — " + r.Note
			}
			if r.SHA256 != "" {
				line += "  [sha256 " + r.SHA256[:min(12, len(r.SHA256))] + "…]"
			}
			fmt.Fprintln(e.stdout, line)
		}
		return nil
	})
}

func cmdDiff(e *env, args []string) error {
	fs := e.flags("diff")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parse(fs, args, 1, 3)
	if err != nil {
		return err
	}
	id, err := parseID(pos[0])
	if err != nil {
		return err
	}
	revs := make([]int, 0, 2)
	for _, p := range pos[1:] {
		n, err := parseRev(p)
		if err != nil {
			return err
		}
		revs = append(revs, n)
	}
	return e.withLibrary(func(l *library.Library) error {
		from, to := 0, 0
		switch len(revs) {
		case 0:
			// The question people ask: what changed since it was signed
			// (or, if never signed, since the last saved revision)?
			d, err := l.Get(id)
			if err != nil {
				return err
			}
			from = d.SignedRevision
			if from == 0 {
				hist, err := l.History(id)
				if err != nil {
					return err
				}
				if len(hist) == 0 {
					return fmt.Errorf("draft %d has no revisions to compare with (pactwright save %d makes one)", id, id)
				}
				from = hist[0].Number
			}
		case 1:
			from = revs[0]
		default:
			from, to = revs[0], revs[1]
		}
		changes, err := l.Diff(id, from, to)
		if err != nil {
			return err
		}
		if *asJSON {
			return e.printJSON(struct {
				Draft   int64            `json:"draft"`
				From    int              `json:"from"`
				To      int              `json:"to"` // 0: the working copy
				Changes []library.Change `json:"changes"`
			}{id, from, to, nonNil(changes)})
		}
		fromName, toName := revName(l, id, from), revName(l, id, to)
		if len(changes) == 0 {
			fmt.Fprintf(e.stdout, "no changes between %s and %s\n", fromName, toName)
			return nil
		}
		fmt.Fprintf(e.stdout, "%s from %s to %s:\n", template.Count(len(changes), "changes"), fromName, toName)
		group := ""
		for _, c := range changes {
			if c.Group != group {
				group = c.Group
				fmt.Fprintf(e.stdout, "\n%s\n", group)
			}
			fmt.Fprintf(e.stdout, "  %s: %s → %s\n", c.Label, blank(c.Old), blank(c.New))
		}
		return nil
	})
}

func nonNil(c []library.Change) []library.Change {
	if c == nil {
		return []library.Change{}
	}
	return c
}

func blank(s string) string {
	if s == "" {
		return "(blank)"
	}
	return s
}

func revName(l *library.Library, id int64, n int) string {
	if n == 0 {
		return "the working copy"
	}
	hist, err := l.History(id)
	if err == nil {
		for _, r := range hist {
			if r.Number == n {
				return fmt.Sprintf("revision %d (%s, %s)", n, r.Kind, localTime(r.Created))
			}
		}
	}
	return fmt.Sprintf("revision %d", n)
}

func cmdRestore(e *env, args []string) error {
	fs := e.flags("restore")
	pos, err := parse(fs, args, 2, 2)
	if err != nil {
		return err
	}
	id, err := parseID(pos[0])
	if err != nil {
		return err
	}
	rev, err := parseRev(pos[1])
	if err != nil {
		return err
	}
	return e.withLibrary(func(l *library.Library) error {
		if err := l.RestoreRevision(id, rev); err != nil {
			return err
		}
		hist, err := l.History(id)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "restored revision %d of draft %d into the working copy\n", rev, id)
		if len(hist) > 0 && hist[0].Kind == library.KindRestoreUndo {
			fmt.Fprintf(e.stdout, "the replaced working copy is revision %d (undo: pactwright restore %d %d)\n", hist[0].Number, id, hist[0].Number)
		}
		return nil
	})
}

func cmdMarkSigned(e *env, args []string) error {
	fs := e.flags("mark-signed")
	pdfPath := fs.String("pdf", "", "the signed PDF, so verify recognises it later")
	id, err := parseID1(fs, args)
	if err != nil {
		return err
	}
	var pdf []byte // nil: signed on paper
	if *pdfPath != "" {
		if pdf, err = os.ReadFile(*pdfPath); err != nil {
			return fmt.Errorf("read the signed PDF: %w", err)
		}
	}
	return e.withService(func(s *usecase.Service) error {
		// A signed file is the export plus the signatures a signer appended;
		// the library finds which export (agreement or amendment) it is.
		signed, err := s.MarkSigned(id, pdf)
		if err != nil {
			if pdf != nil {
				return fmt.Errorf("%s: %w", *pdfPath, err)
			}
			return err
		}
		if pdf != nil {
			fmt.Fprintf(e.stdout, "%s\n", signed.Verify)
		}
		fmt.Fprintln(e.stdout, signed)
		return nil
	})
}

func cmdVerify(e *env, args []string) error {
	fs := e.flags("verify")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	pdf, err := os.ReadFile(pos[0])
	if err != nil {
		return err
	}
	return e.withLibrary(func(l *library.Library) error {
		res, err := l.Verify(pdf)
		if err != nil {
			return err
		}
		// Amendments are named by the record kept when they were exported.
		kind, err := l.ExportKindOf(res.DraftID, res.Revision)
		if err != nil {
			return err
		}
		if *asJSON {
			if err := e.printJSON(struct {
				library.VerifyResult
				Amendment int `json:"amendment,omitempty"`
			}{res, kind.Amendment}); err != nil {
				return err
			}
		} else {
			fmt.Fprintf(e.stdout, "%s: %s\n", pos[0], res)
			if kind.Amendment > 0 {
				fmt.Fprintf(e.stdout, "it is Amendment No. %d (effective %s) to draft %d %q\n", kind.Amendment, kind.Effective, res.DraftID, res.Title)
			}
		}
		if res.Match == library.MatchNone || res.Match == library.MatchAltered {
			return exitCode(exitError)
		}
		return nil
	})
}
