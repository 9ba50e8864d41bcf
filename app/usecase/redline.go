package usecase

import (
	"fmt"

	"pactwright/app/amend"
	"pactwright/app/draft"
	"pactwright/app/library"
)

// prepareRedline compares revision from with revision to (0: the working
// copy). With from 0 it compares the signed revision, or if the draft was
// never signed the latest saved one, with the working copy.
func (s *Service) prepareRedline(d library.Draft, from, to int) (prepared, error) {
	if from == 0 {
		from = d.SignedRevision
	}
	if from == 0 {
		hist, err := s.Library.History(d.ID)
		if err != nil {
			return prepared{}, err
		}
		if len(hist) == 0 {
			return prepared{}, fmt.Errorf("draft %d has no saved version to compare with: save a version first", d.ID)
		}
		from = hist[0].Number
	}
	older, olderLabel, err := s.version(d, from)
	if err != nil {
		return prepared{}, err
	}
	newer, newerLabel, err := s.version(d, to)
	if err != nil {
		return prepared{}, err
	}
	a, err := s.Engine.Document(older)
	if err != nil {
		return prepared{}, err
	}
	b, err := s.Engine.Document(newer)
	if err != nil {
		return prepared{}, err
	}
	doc, changes := amend.Redline(a, b, olderLabel, newerLabel)
	return prepared{doc: doc, content: newer, changes: len(changes)}, nil
}

// version is revision n of d (0: the working copy) and how a reader calls it.
func (s *Service) version(d library.Draft, n int) (draft.Draft, string, error) {
	if n == 0 {
		return d.Content, "the current answers", nil
	}
	c, err := s.Library.RevisionContent(d.ID, n)
	if err != nil {
		return draft.Draft{}, "", fmt.Errorf("revision %d: %w", n, err)
	}
	label := fmt.Sprintf("revision %d", n)
	if n == d.SignedRevision {
		label = fmt.Sprintf("the signed version (revision %d)", n)
	}
	return c, label, nil
}
