package usecase

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"pactwright/app/draft"
	"pactwright/app/library"
	"pactwright/render/pdfupdate"
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
	// PagesChecked is true when the pages were found to be what the draft
	// inside renders to, or the library recorded the file as its export.
	PagesChecked bool
}

// String is the message both front ends show. What the library checked
// (a recorded export) is said as fact; what the file says about itself,
// such as the draft number it had where it was made, is reported as the
// file's claim.
func (im Imported) String() string {
	from := "the PDF does not say where it came from"
	if im.Origin.DraftID != 0 {
		from = "the PDF says it is " + im.Origin.String() + " in the library that exported it"
	}
	if !im.PagesChecked {
		from += "; " + uncheckedPages
	}
	if im.Existing {
		return fmt.Sprintf("this PDF is an export of draft %d %q, already in this library, so nothing was imported; %s",
			im.DraftID, im.Verify.Title, from)
	}
	return fmt.Sprintf("imported the draft inside the PDF as draft %d %q; %s", im.DraftID, im.Content.Title, from)
}

// uncheckedPages says why an import could not compare the pages with the
// draft inside.
const uncheckedPages = "its pages are not the agreement itself (an amendment, redline or conformed copy shows changes made in the library that exported it), so they could not be compared with the draft inside"

// ErrDraftNotShown is returned for a PDF whose pages do not show the
// draft it carries.
var ErrDraftNotShown = errors.New("the draft inside this PDF is not the one its pages show")

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
	if fromThisLibrary(out.Verify.Match) {
		// The library recorded these very bytes (plus signatures) as its
		// export: the draft inside is the one it wrote.
		out.PagesChecked = true
		if !copy {
			out.DraftID, out.Existing = out.Verify.DraftID, true
			return out, nil
		}
	} else if out.PagesChecked, err = s.pagesShow(pdf, d, origin); err != nil {
		return out, err
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

// pagesShow checks that the pages of a PDF made elsewhere are what the
// draft inside renders to, page by page, when the PDF is (or says it is)
// the agreement itself. It reports false, with no error, for the other
// kinds, whose pages depend on the exporting library's signed history.
func (s *Service) pagesShow(pdf []byte, d draft.Draft, origin Origin) (bool, error) {
	if origin.Kind != Agreement && origin.Kind != "" {
		return false, nil
	}
	doc, err := s.Engine.Document(d)
	if err != nil {
		return false, fmt.Errorf("%w: it cannot be laid out (%v), so nothing was imported", ErrDraftNotShown, err)
	}
	want, _, err := s.Engine.RenderDocument(doc)
	if err != nil {
		return false, err
	}
	if page, err := samePages(pdf, want); err != nil || page > 0 {
		why := fmt.Sprintf("page %d differs from what that draft renders to", page)
		if err != nil {
			why = err.Error()
		}
		return false, fmt.Errorf("%w (%s): it was changed after export, or made by another version of Pactwright, so nothing was imported", ErrDraftNotShown, why)
	}
	return true, nil
}

// samePages returns the first page (from 1) whose content differs between
// two PDFs, 0 when every page is the same, or an error when a file cannot
// be read or the page counts differ.
func samePages(got, want []byte) (int, error) {
	g, err := pdfupdate.Parse(got)
	if err != nil {
		return 0, fmt.Errorf("its pages cannot be read: %v", err)
	}
	w, err := pdfupdate.Parse(want)
	if err != nil {
		return 0, err
	}
	gp, err := g.Pages()
	if err != nil {
		return 0, fmt.Errorf("its pages cannot be read: %v", err)
	}
	wp, err := w.Pages()
	if err != nil {
		return 0, err
	}
	if len(gp) != len(wp) {
		return 0, fmt.Errorf("it has %d pages where that draft has %d", len(gp), len(wp))
	}
	for i := range gp {
		a, err := g.PageContent(i + 1)
		if err != nil {
			return 0, fmt.Errorf("its pages cannot be read: %v", err)
		}
		b, err := w.PageContent(i + 1)
		if err != nil {
			return 0, err
		}
		if !bytes.Equal(a, b) {
			return i + 1, nil
		}
	}
	return 0, nil
}
