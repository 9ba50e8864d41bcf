package cli

import (
	"flag"
	"os"
	"strconv"
	"time"

	"pactwright/app/draft"
	"pactwright/app/usecase"
)

// draftArg parses a command line that names one draft (ID or FILE) after
// its flags, and loads the draft.
func (e *env) draftArg(fs *flag.FlagSet, args []string) (draft.Draft, error) {
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return draft.Draft{}, err
	}
	return e.loadDraft(pos[0])
}

// termsArg parses a command line that names one draft (ID or FILE) and
// returns the terms in force on the day day gives: for a library draft,
// the signed terms and amendments in force then (usecase.TermsInForce);
// for a file, its own terms, which nobody has signed as far as Pactwright
// knows. prepare, if given, runs once the flags are parsed, before day is
// asked (credits reads its figures there: their month is the day).
func (e *env) termsArg(fs *flag.FlagSet, args []string, day func() (time.Time, error), prepare ...func() error) (usecase.Terms, error) {
	pos, err := parse(fs, args, 1, 1)
	if err != nil {
		return usecase.Terms{}, err
	}
	for _, p := range prepare {
		if err := p(); err != nil {
			return usecase.Terms{}, err
		}
	}
	id, isID := e.libraryID(pos[0])
	if !isID {
		d, err := e.loadDraft(pos[0])
		return usecase.DraftTerms(d), err
	}
	on, err := day()
	if err != nil {
		return usecase.Terms{}, err
	}
	var terms usecase.Terms
	err = e.withService(func(s *usecase.Service) error {
		terms, err = s.TermsInForce(id, on)
		return err
	})
	return terms, err
}

// libraryID reports whether arg names a library draft rather than a file.
func (e *env) libraryID(arg string) (int64, bool) {
	if _, err := os.Stat(arg); err == nil || arg == "-" {
		return 0, false
	}
	id, err := strconv.ParseInt(arg, 10, 64)
	return id, err == nil
}
