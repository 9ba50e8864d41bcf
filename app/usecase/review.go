package usecase

import (
	"fmt"
	"strings"
	"time"

	"pactwright/app/check"
	"pactwright/app/draft"
)

// ConfirmGroups marks clause groups of draft id's working copy as reviewed
// (every group when none is named): the command line's version of each
// tab's Confirm button. A signable export needs every group confirmed.
func (s *Service) ConfirmGroups(id int64, groups []string) ([]string, error) {
	t := s.Engine.Template()
	for _, g := range groups {
		if _, ok := t.Group(g); !ok {
			var ids []string
			for _, tg := range t.Groups {
				ids = append(ids, tg.ID)
			}
			return nil, fmt.Errorf("%q is not a clause group; the groups are %s", g, strings.Join(ids, ", "))
		}
	}
	var confirmed []string
	err := s.updateWorking(id, func(d *draft.Draft) error {
		d.Confirm(t, groups...)
		confirmed = d.Reviewed
		return nil
	})
	return confirmed, err
}

// AcceptRisk records that the user keeps the n-th finding of draft id (as
// `pactwright check` numbers them, from 1) for the reason given.
func (s *Service) AcceptRisk(id int64, n int, reason string, now time.Time) (check.Finding, error) {
	var accepted check.Finding
	err := s.updateWorking(id, func(d *draft.Draft) error {
		findings := check.ForDraft(s.Engine.Template(), *d).Findings
		if n < 1 || n > len(findings) {
			return fmt.Errorf("the draft has %d findings; finding %d does not exist (see `pactwright check %d`)", len(findings), n, id)
		}
		accepted = findings[n-1]
		if err := d.AcceptRisk(accepted.Field, accepted.Message, reason, now); err != nil {
			return err
		}
		accepted.Accepted = d.Accepted[len(d.Accepted)-1].Reason
		return nil
	})
	return accepted, err
}

// updateWorking changes the working copy of draft id and saves it, unless
// someone saved in between (library.ErrConflict).
func (s *Service) updateWorking(id int64, change func(d *draft.Draft) error) error {
	d, err := s.Library.Get(id)
	if err != nil {
		return err
	}
	if err := change(&d.Content); err != nil {
		return err
	}
	if _, err := s.Library.Autosave(id, d.Content, d.Version); err != nil {
		return fmt.Errorf("save draft %d: %w", id, err)
	}
	return nil
}
