package cli

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"pactwright/app/agreement"
	"pactwright/app/library"
	"pactwright/app/usecase"
)

// withService opens the library and builds the engine for the length of
// fn: the use cases the window calls too.
func (e *env) withService(fn func(s *usecase.Service) error) error {
	eng, err := agreement.NewEngine(e.t)
	if err != nil {
		return err
	}
	return e.withLibrary(func(l *library.Library) error {
		return fn(&usecase.Service{Library: l, Engine: eng})
	})
}

// exportKind writes one export kind of draft id to out and prints what
// was done; warnings (characters the fonts lack) go to stderr.
func (e *env) exportKind(s *usecase.Service, req usecase.ExportRequest) error {
	req.Version = -1
	req.Format = usecase.FormatOf(req.Path)
	req.Write = func(pdf []byte) error { return writeFile(req.Path, pdf) }
	x, err := s.Export(req)
	for _, w := range x.Warnings {
		fmt.Fprintf(e.stderr, "warning: %s\n", w)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, x)
	return nil
}

func cmdAmendment(e *env, args []string) error {
	fs := e.flags("amendment")
	out := fs.String("o", "", "the file to write: a PDF, or a Word file if it ends in .docx")
	effective := fs.String("effective", "", "the date the amendment takes effect, YYYY-MM-DD (kept for later exports)")
	reason := fs.String("reason", "", "why the agreement is amended (optional, printed on the cover)")
	id, err := parseIDAndOutput(fs, args, out)
	if err != nil {
		return err
	}
	return e.withService(func(s *usecase.Service) error {
		if *effective != "" || *reason != "" {
			terms := library.AmendmentTerms{Effective: *effective, Reason: *reason}
			if *effective == "" {
				pending, _, err := s.Library.PendingAmendment(id)
				if err != nil {
					return err
				}
				terms.Effective = pending.Effective
			}
			if _, err := s.Amend(id, terms); err != nil {
				return err
			}
		}
		return e.exportKind(s, usecase.ExportRequest{Draft: id, Kind: usecase.Amendment, Path: *out})
	})
}

func cmdRedline(e *env, args []string) error {
	fs := e.flags("redline")
	out := fs.String("o", "", "the file to write: a PDF, or a Word file if it ends in .docx")
	pos, err := parse(fs, args, 1, 3)
	if err != nil {
		return err
	}
	if *out == "" {
		return usagef("-o FILE.pdf is required")
	}
	id, err := parseID(pos[0])
	if err != nil {
		return err
	}
	var revs []int
	for _, p := range pos[1:] {
		n, err := parseRev(p)
		if err != nil {
			return err
		}
		revs = append(revs, n)
	}
	req := usecase.ExportRequest{Draft: id, Kind: usecase.Redline, Path: *out}
	switch len(revs) {
	case 1:
		req.From = revs[0]
	case 2:
		req.From, req.To = revs[0], revs[1]
	}
	return e.withService(func(s *usecase.Service) error { return e.exportKind(s, req) })
}

func cmdConformed(e *env, args []string) error {
	fs := e.flags("conformed")
	out := fs.String("o", "", "the file to write: a PDF, or a Word file if it ends in .docx")
	id, err := parseIDAndOutput(fs, args, out)
	if err != nil {
		return err
	}
	return e.withService(func(s *usecase.Service) error {
		return e.exportKind(s, usecase.ExportRequest{Draft: id, Kind: usecase.Conformed, Path: *out})
	})
}

// importPDF is `import FILE.pdf`: the draft inside the PDF becomes a new
// draft, unless it already is one in this library (then --copy forces it).
func (e *env) importPDF(path string, copy bool) error {
	pdf, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return e.withService(func(s *usecase.Service) error {
		im, err := s.ImportPDF(pdf, copy)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		fmt.Fprintf(e.stdout, "%d\n%s\n", im.DraftID, im)
		if im.Existing {
			fmt.Fprintf(e.stdout, "open it with: pactwright open %d   (or import a separate copy with: pactwright import --copy %s)\n", im.DraftID, path)
		}
		return nil
	})
}

// parseIDAndOutput reads "ID -o FILE.pdf", where -o is required.
func parseIDAndOutput(fs *flag.FlagSet, args []string, out *string) (int64, error) {
	id, err := parseID1(fs, args)
	if err == nil && *out == "" {
		err = usagef("-o FILE.pdf is required")
	}
	return id, err
}

func isPDF(path string) bool { return strings.HasSuffix(strings.ToLower(path), ".pdf") }
