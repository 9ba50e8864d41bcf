package usecase

import (
	"errors"
	"fmt"
	"strings"

	"pactwright/app/draft"
	"pactwright/app/library"
)

// Imported is what importing a PDF found or made.
type Imported struct {
	DraftID int64
	// Existing is true when the PDF came from a draft this library already
	// holds: nothing was created, and the caller offers to open that draft.
	Existing bool
	Verify   library.VerifyResult
	Origin   Origin      // what the PDF says about itself (zero for an unknown origin)
	Content  draft.Draft // the draft inside the PDF
}

// String is the message both front ends show.
func (im Imported) String() string {
	from := "the PDF does not say where it came from"
	if im.Origin.DraftID != 0 {
		from = "the PDF is " + im.Origin.String()
	}
	if im.Existing {
		return fmt.Sprintf("this PDF comes from draft %d %q, already in this library, so nothing was imported; %s",
			im.DraftID, im.Verify.Title, from)
	}
	return fmt.Sprintf("imported the draft inside the PDF as draft %d %q; %s", im.DraftID, im.Content.Title, from)
}

// ErrAlteredPDF is returned for a PDF that was changed after export by more
// than signatures.
var ErrAlteredPDF = errors.New("this PDF was changed after it was exported, not only signed")

// ImportPDF recreates a draft from a PDF Pactwright exported, also after
// signatures were appended. A PDF of a draft this library already holds is
// not imported again unless copy is set: the result names that draft.
func (s *Service) ImportPDF(pdf []byte, copy bool) (Imported, error) {
	d, origin, err := s.readAttachments(pdf)
	if err != nil {
		return Imported{}, err
	}
	out := Imported{Origin: origin, Content: d}
	if out.Verify, err = s.Library.Verify(pdf); err != nil {
		return out, err
	}
	// A file changed after export (not only signed) may carry a draft that
	// differs from what its pages show or what was signed: refuse it, even
	// as a copy, rather than import terms nobody agreed.
	if out.Verify.Match == library.MatchAltered {
		return out, fmt.Errorf("%w: %s, so the draft inside it was not imported", ErrAlteredPDF, strings.Join(out.Verify.Changes, "; "))
	}
	if !copy && fromThisLibrary(out.Verify.Match) {
		out.DraftID, out.Existing = out.Verify.DraftID, true
		return out, nil
	}
	if out.DraftID, err = s.Library.Create(d); err != nil {
		return out, err
	}
	return out, nil
}

// fromThisLibrary: the PDF is one of this library's exports or signed
// copies, with nothing but signatures added.
func fromThisLibrary(m library.Match) bool {
	return m == library.MatchExact || m == library.MatchSigned || m == library.MatchAppended
}
