package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"pactwright/app/draft"
	"pactwright/app/library"
	"pactwright/app/template"
	"pactwright/app/usecase"
)

func cmdList(e *env, args []string) error {
	fs := e.flags("list")
	asJSON := fs.Bool("json", false, "print JSON")
	trash := fs.Bool("trash", false, "list the trash instead")
	pos, err := parse(fs, args, 0, -1)
	if err != nil {
		return err
	}
	query := strings.Join(pos, " ")
	err = e.withLibrary(func(l *library.Library) error {
		var list []library.Summary
		var err error
		if *trash {
			list, err = l.Trash()
		} else {
			list, err = l.List(query)
		}
		if err != nil {
			return err
		}
		if *asJSON {
			return e.printJSON(list)
		}
		if len(list) == 0 {
			fmt.Fprintln(e.stdout, "no drafts")
			return nil
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		if *trash {
			fmt.Fprintln(tw, "ID\tSTATUS\tDONE\tDELETED\tBY\tTITLE\tCUSTOMER\tPROVIDER")
		} else {
			fmt.Fprintln(tw, "ID\tSTATUS\tDONE\tCHANGED\tTITLE\tCUSTOMER\tPROVIDER")
		}
		for _, s := range list {
			when := localTime(s.Changed)
			if *trash && s.Deleted != nil {
				when = localTime(*s.Deleted) + "\t" + dash(s.DeletedBy)
			}
			fmt.Fprintf(tw, "%d\t%s\t%d%%\t%s\t%s\t%s\t%s\n", s.ID, s.Status, s.Percent, when, s.Title, dash(s.Customer), dash(s.Provider))
		}
		return tw.Flush()
	})
	if errors.Is(err, library.ErrNoLibrary) {
		// Nothing to list is an answer, not a failure.
		if *asJSON {
			return e.printJSON([]library.Summary{})
		}
		fmt.Fprintf(e.stdout, "no drafts (%v)\n", err)
		return nil
	}
	return err
}

func localTime(t time.Time) string { return t.Local().Format("2006-01-02 15:04") }

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func cmdNew(e *env, args []string) error {
	fs := e.flags("new")
	example := fs.Bool("example", false, "start from the example agreement")
	title := fs.String("title", "", "the draft's title")
	if _, err := parse(fs, args, 0, 0); err != nil {
		return err
	}
	d := draft.New(e.t)
	if *example {
		d = draft.Example(e.t)
	}
	if *title != "" {
		d.Title = *title
	}
	return e.withLibrary(func(l *library.Library) error {
		id, err := l.Create(d)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%d\ncreated draft %d %q in %s\n", id, id, d.Title, l.Path())
		return nil
	})
}

func cmdImport(e *env, args []string) error {
	fs := e.flags("import")
	into := fs.String("into", "", "replace the working copy of this draft instead of creating one")
	copyPDF := fs.Bool("copy", false, "import a PDF's draft even when the PDF comes from a draft already in this library")
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if isPDF(pos[0]) && *into == "" {
		return e.importPDF(pos[0], *copyPDF)
	}
	var target int64
	if *into != "" {
		if target, err = parseID(*into); err != nil {
			return err
		}
	}
	d, err := e.readDraftFile(pos[0])
	if err != nil {
		return err
	}
	return e.withLibrary(func(l *library.Library) error {
		if target == 0 {
			id, err := l.Create(d)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "%d\nimported %s as draft %d %q\n", id, pos[0], id, d.Title)
			return nil
		}
		cur, err := l.Get(target)
		if err != nil {
			return err
		}
		changes := library.Changes(e.t, cur.Content, d)
		if _, err := l.SaveWorking(target, d, cur.Version, &cur.Content); err != nil {
			return err
		}
		after, err := l.Get(target)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%d\nimported %s into draft %d: %s, status %s\n", target, pos[0], target, template.Count(len(changes), "changes"), after.Status)
		return nil
	})
}

func cmdExport(e *env, args []string) error {
	fs := e.flags("export")
	out := fs.String("o", "", "the file to write: a PDF, a Word file if it ends in .docx, or a JSON draft if it ends in .json")
	id, err := parseID1(fs, args)
	if err != nil {
		return err
	}
	if *out == "" {
		return usagef("-o FILE is required")
	}
	if !strings.HasSuffix(strings.ToLower(*out), ".json") {
		return e.withService(func(s *usecase.Service) error {
			return e.exportKind(s, usecase.ExportRequest{Draft: id, Kind: usecase.Agreement, Path: *out})
		})
	}
	return e.withLibrary(func(l *library.Library) error {
		d, err := l.Get(id)
		if err != nil {
			return err
		}
		b, err := draft.Marshal(e.t, d.Content)
		if err != nil {
			return err
		}
		if err := writeFile(*out, b); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "wrote draft %d as JSON to %s\n", id, *out)
		return nil
	})
}

func cmdShow(e *env, args []string) error {
	fs := e.flags("show")
	asJSON := fs.Bool("json", false, "print JSON: the summary and the draft in the draft file format")
	id, err := parseID1(fs, args)
	if err != nil {
		return err
	}
	return e.withLibrary(func(l *library.Library) error {
		d, err := l.Get(id)
		if err != nil {
			return err
		}
		if *asJSON {
			b, err := draft.Marshal(e.t, d.Content)
			if err != nil {
				return err
			}
			return e.printJSON(struct {
				library.Draft
				Content json.RawMessage `json:"draft"`
			}{d, b})
		}
		w := e.stdout
		fmt.Fprintf(w, "Draft %d: %s\n", d.ID, d.Title)
		fmt.Fprintf(w, "Status: %s   Complete: %d%%   Changed: %s   Version: %d\n", d.Status, d.Percent, localTime(d.Changed), d.Version)
		fmt.Fprintf(w, "Customer: %s\nProvider: %s\n", dash(d.Customer), dash(d.Provider))
		if d.SignedRevision > 0 {
			fmt.Fprintf(w, "Signed revision: %d\n", d.SignedRevision)
		}
		for _, g := range e.t.Groups {
			fmt.Fprintf(w, "\n%s\n", g.Name)
			for i := range g.Fields {
				f := &g.Fields[i]
				if !e.t.Visible(f.ID, d.Content.Answers) {
					continue
				}
				fmt.Fprintf(w, "  %s: %s\n", f.Label, dash(library.FormatValue(f, d.Content.Answers[f.ID])))
			}
		}
		return nil
	})
}

func cmdDelete(e *env, args []string) error {
	return e.trashCmd("delete", args, (*library.Library).Delete, "moved draft %[1]d to the trash (undo: pactwright undelete %[1]d)\n")
}

func cmdUndelete(e *env, args []string) error {
	return e.trashCmd("undelete", args, (*library.Library).Undelete, "took draft %d out of the trash\n")
}

func cmdPurge(e *env, args []string) error {
	return e.trashCmd("purge", args, (*library.Library).Purge, "deleted draft %d for good\n")
}

func (e *env) trashCmd(name string, args []string, op func(*library.Library, int64) error, done string) error {
	fs := e.flags(name)
	id, err := parseID1(fs, args)
	if err != nil {
		return err
	}
	return e.withLibrary(func(l *library.Library) error {
		if err := op(l, id); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, done, id)
		return nil
	})
}
