package cli

import (
	"flag"

	"pactwright/app/draft"
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
