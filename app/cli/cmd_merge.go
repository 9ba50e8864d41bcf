package cli

import (
	"fmt"
	"slices"

	"pactwright/app/library"
	"pactwright/app/usecase"
)

func cmdMerge(e *env, args []string) error {
	fs := e.flags("merge")
	asJSON := fs.Bool("json", false, "print the fields that differ as JSON")
	apply := fs.Bool("apply", false, "save the merged answers over the draft's working copy, as a new revision")
	var mine, theirs []string
	fs.Var((*clauseList)(&mine), "mine", "take your answer (the conflict copy's) for this field id; repeat for more")
	fs.Var((*clauseList)(&theirs), "theirs", "keep their answer for this field id; repeat for more")
	pos, err := parse(fs, args, 2, 2)
	if err != nil {
		return err
	}
	id, err := parseID(pos[0])
	if err != nil {
		return err
	}
	copyID, err := parseID(pos[1])
	if err != nil {
		return err
	}
	return e.withLibrary(func(l *library.Library) error {
		s := &usecase.Service{Library: l}
		m, err := s.MergeConflict(id, copyID, nil)
		if err != nil {
			return err
		}
		take, err := mergeChoice(m, mine, theirs)
		if err != nil {
			return err
		}
		for i := range m.Fields {
			m.Fields[i].TakeMine = slices.Contains(take, m.Fields[i].Field)
		}
		if *apply {
			done, err := s.ApplyMerge(m, take)
			if err != nil {
				return err
			}
			fmt.Fprintln(e.stdout, done)
			return nil
		}
		if *asJSON {
			return e.printJSON(m)
		}
		printMerge(e, m)
		return nil
	})
}

// mergeChoice is the fields to take from the conflict copy: the
// suggestion (yours where only you changed it), with --mine and --theirs
// applied. A field named that does not differ is a mistake worth saying.
func mergeChoice(m usecase.Merge, mine, theirs []string) ([]string, error) {
	for _, id := range append(slices.Clone(mine), theirs...) {
		if !slices.ContainsFunc(m.Fields, func(f usecase.MergeField) bool { return f.Field == id }) {
			return nil, usagef("field %q: %v", id, usecase.ErrMergeField)
		}
		if slices.Contains(mine, id) && slices.Contains(theirs, id) {
			return nil, usagef("field %q is named with both --mine and --theirs", id)
		}
	}
	var take []string
	for _, f := range m.Fields {
		if slices.Contains(mine, f.Field) || (f.TakeMine && !slices.Contains(theirs, f.Field)) {
			take = append(take, f.Field)
		}
	}
	return take, nil
}

var changedWords = map[string]string{
	usecase.ChangedByYou:  "changed by you",
	usecase.ChangedByThem: "changed by them",
	usecase.ChangedByBoth: "changed by both of you",
	"":                    "who changed it is not recorded",
}

func printMerge(e *env, m usecase.Merge) {
	fmt.Fprintf(e.stdout, "draft %d %q (theirs, version %d) and conflict copy %d (yours) differ in %d field(s):\n",
		m.ID, m.Title, m.Version, m.CopyID, len(m.Fields))
	for _, f := range m.Fields {
		take := "theirs"
		if f.TakeMine {
			take = "yours"
		}
		fmt.Fprintf(e.stdout, "\n%s: %s (%s; %s)\n  theirs: %s\n  yours:  %s\n  takes:  %s\n",
			f.Field, f.Label, f.Group, changedWords[f.ChangedBy], blankAs(f.Theirs), blankAs(f.Mine), take)
	}
	fmt.Fprintf(e.stdout, "\nNothing was changed. Add --apply to save this as a new revision of draft %d (--mine FIELD or --theirs FIELD to choose otherwise).\n", m.ID)
}

func blankAs(s string) string {
	if s == "" {
		return "(blank)"
	}
	return s
}
