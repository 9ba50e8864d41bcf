package cli

import (
	"fmt"
	"strings"
	"time"

	"pactwright/app/usecase"
)

func cmdConfirm(e *env, args []string) error {
	fs := e.flags("confirm")
	pos, err := parse(fs, args, 1, 20)
	if err != nil {
		return err
	}
	id, err := parseID(pos[0])
	if err != nil {
		return err
	}
	return e.withService(func(s *usecase.Service) error {
		reviewed, err := s.ConfirmGroups(id, pos[1:])
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "draft %d: confirmed as reviewed: %s\n", id, strings.Join(reviewed, ", "))
		return nil
	})
}

func cmdAcceptRisk(e *env, args []string) error {
	fs := e.flags("accept-risk")
	reason := fs.String("reason", "", "why this term is acceptable to you (required; kept with the draft, not printed)")
	pos, err := parse(fs, args, 2, 2)
	if err != nil {
		return err
	}
	id, err := parseID(pos[0])
	if err != nil {
		return err
	}
	var n int
	if _, err := fmt.Sscan(pos[1], &n); err != nil {
		return usagef("the finding must be its number in `pactwright check %d`, not %q", id, pos[1])
	}
	return e.withService(func(s *usecase.Service) error {
		f, err := s.AcceptRisk(id, n, *reason, time.Now())
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "draft %d: accepted finding %d (%s): %s\nReason kept with the draft: %s\n", id, n, strings.ToUpper(string(f.Severity)), f.Message, f.Accepted)
		return nil
	})
}
