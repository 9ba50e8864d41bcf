package usecase

import (
	"errors"
	"fmt"
	"time"

	"pactwright/app/amend"
	"pactwright/app/library"
)

// Signed is the result of marking a draft signed.
type Signed struct {
	DraftID  int64
	Revision library.Revision     // the new signed revision
	Verify   library.VerifyResult // how the signed PDF matched an export; zero when signed on paper
	Status   library.Status       // the draft's status afterwards
	// Amendment is the number of the amendment that was signed; 0 when
	// it was the agreement itself.
	Amendment int
}

// String is the message both front ends show.
func (s Signed) String() string {
	what := fmt.Sprintf("draft %d", s.DraftID)
	if s.Amendment > 0 {
		what = fmt.Sprintf("Amendment No. %d of draft %d", s.Amendment, s.DraftID)
	}
	return fmt.Sprintf("marked %s signed as revision %d; status %s", what, s.Revision.Number, s.Status)
}

// MarkSigned records that draft id was signed: as signedPDF (which must
// come from one of its exports, with signatures appended or not), or on
// paper when signedPDF is nil, in which case the latest export counts. If
// that export was an amendment, the amendment joins the signed chain.
func (s *Service) MarkSigned(id int64, signedPDF []byte) (Signed, error) {
	out := Signed{DraftID: id}
	if err := s.Library.CheckNotTrashed(id); err != nil {
		return out, fmt.Errorf("mark signed: %w", err)
	}
	var err error
	if signedPDF == nil {
		out.Revision, err = s.Library.MarkSigned(id)
	} else {
		out.Revision, out.Verify, err = s.Library.MarkSignedPDF(id, signedPDF)
	}
	if err != nil {
		return out, err
	}
	kind, err := s.Library.ExportKindOf(id, out.Revision.Number)
	if err != nil {
		return out, err
	}
	out.Amendment = kind.Amendment
	d, err := s.Library.Get(id)
	if err != nil {
		return out, err
	}
	out.Status = d.Status
	return out, nil
}

// Prepared says what Amend set up.
type Prepared struct {
	Number  int // the amendment's number, once exported
	Changes int // answers that differ from the signed version so far
}

// Amend starts (or updates) the amendment of signed draft id: when it takes
// effect and why. The amendment itself is exported with Kind Amendment.
func (s *Service) Amend(id int64, terms library.AmendmentTerms) (Prepared, error) {
	if err := s.Library.CheckNotTrashed(id); err != nil {
		return Prepared{}, fmt.Errorf("amend: %w", err)
	}
	effective, err := amend.ParseDate(terms.Effective)
	if err != nil {
		return Prepared{}, fmt.Errorf("effective date: %w", err)
	}
	number, amends, err := s.Library.NextAmendment(id)
	if errors.Is(err, library.ErrNoAmendment) {
		return Prepared{}, ErrNotSignedYet
	}
	if err != nil {
		return Prepared{}, err
	}
	if err := s.checkAfterStart(id, amends, effective); err != nil {
		return Prepared{}, err
	}
	if err := s.Library.SetAmendmentTerms(id, terms); err != nil {
		return Prepared{}, err
	}
	changes, err := s.Library.DiffSigned(id)
	if err != nil {
		return Prepared{}, err
	}
	return Prepared{Number: number, Changes: len(changes)}, nil
}

// checkAfterStart refuses an amendment that would take effect before the
// agreement it amends starts: there would be nothing yet to amend.
func (s *Service) checkAfterStart(id int64, signedRevision int, effective time.Time) error {
	signed, err := s.Library.RevisionContent(id, signedRevision)
	if err != nil {
		return err
	}
	start, err := time.Parse("2006-01-02", signed.Answers.Text("effective_date"))
	if err != nil {
		return nil // the signed terms have no start date to compare with
	}
	if effective.Before(start) {
		return fmt.Errorf("effective date: %s is before the agreement itself starts (%s); an amendment takes effect on or after the start",
			effective.Format("2 January 2006"), start.Format("2 January 2006"))
	}
	return nil
}
