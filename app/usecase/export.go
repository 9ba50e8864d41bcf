package usecase

import (
	"errors"
	"fmt"
	"pactwright/app/check"

	"pactwright/app/amend"
	"pactwright/app/draft"
	"pactwright/app/library"
	"pactwright/render"
)

// ExportRequest says what to export and where.
type ExportRequest struct {
	Draft int64
	Kind  Kind
	Path  string // recorded with the export; Write does the writing
	// Version, if not negative, is the working-copy version the caller
	// saved and showed: the export is refused with library.ErrConflict if
	// the library holds another, since the user would get a PDF of terms
	// they have not seen.
	Version int64
	// Write stores the PDF (the CLI writes atomically, the window through
	// its file dialog). It runs before the export is recorded; its error
	// is returned as it is, so it should name the file.
	Write func(pdf []byte) error
	// Terms of an amendment, overriding those set with Amend.
	Terms *library.AmendmentTerms
	// From and To are the revisions a redline compares (0: the working
	// copy); From 0 means the signed revision, else the latest saved one.
	From, To int
	// Format is PDF (the default) or Word. A Word file is for the other
	// side to mark up: it is written but never recorded as an export,
	// since only a PDF is signed.
	Format Format
}

// ErrNotSignedYet means an amendment or conformed copy was asked of a
// draft that was never signed.
var ErrNotSignedYet = errors.New("the agreement has not been marked signed yet, so there is nothing to amend: export the agreement, have it signed, then use Mark as signed")

// Export renders what req asks for, hands it to req.Write and records it
// when it is for signature (the agreement, an amendment).
func (s *Service) Export(req ExportRequest) (Exported, error) {
	d, err := s.Library.Get(req.Draft)
	if err != nil {
		return Exported{}, err
	}
	if req.Version >= 0 && d.Version != req.Version {
		return Exported{}, fmt.Errorf("%w (you have version %d, the library %d)", library.ErrConflict, req.Version, d.Version)
	}
	var p prepared
	switch req.Kind {
	case Agreement, "":
		req.Kind = Agreement
		p, err = s.prepareAgreement(d)
	case Amendment:
		p, err = s.prepareAmendment(d, req.Terms)
	case Conformed:
		p, err = s.prepareConformed(d)
	case Redline:
		p, err = s.prepareRedline(d, req.From, req.To)
	default:
		err = fmt.Errorf("unknown export kind %q", req.Kind)
	}
	if err != nil {
		return Exported{}, fmt.Errorf("export %s of draft %d: %w", req.Kind, d.ID, err)
	}
	origin := Origin{Kind: req.Kind, DraftID: d.ID, Version: d.Version, Title: d.Title, Amendment: p.amendment}
	if origin.DocumentID, err = s.documentID(p.content); err != nil {
		return Exported{}, err
	}
	if p.doc.Attachments, err = s.attachments(p.content, origin); err != nil {
		return Exported{}, err
	}
	var pdf []byte
	var warnings []string
	if req.Format == Word {
		pdf, err = s.Engine.RenderWord(p.doc)
	} else {
		pdf, warnings, err = s.Engine.RenderDocument(p.doc)
	}
	if err != nil {
		return Exported{}, err
	}
	out := Exported{DraftID: d.ID, Kind: req.Kind, Format: req.Format, Path: req.Path, Bytes: len(pdf), Draft: p.doc.Draft, Amendment: p.amendment, Changes: p.changes, Warnings: warnings}
	if req.Kind == Agreement {
		r := check.ForDraft(s.Engine.Template(), d.Content)
		out.Blockers, out.Accepted = r.Blockers(), r.AcceptedRisks()
	}
	if err := req.Write(pdf); err != nil {
		return out, err
	}
	if p.record == nil || req.Format == Word {
		return out, nil
	}
	if out.Revision, err = p.record(d.Version, req.Path, pdf); err != nil {
		return out, fmt.Errorf("the PDF was written to %s but not recorded: %w", req.Path, err)
	}
	out.Recorded = true
	return out, nil
}

// prepared is a document ready to render, with how to record it.
type prepared struct {
	doc       render.Document
	content   draft.Draft // the answers the document shows; it travels inside
	amendment int
	changes   int
	record    func(version int64, path string, pdf []byte) (library.Revision, error) // nil: not recorded
}

func (s *Service) prepareAgreement(d library.Draft) (prepared, error) {
	doc, err := s.Engine.Document(d.Content)
	if err != nil {
		return prepared{}, err
	}
	return prepared{doc: doc, content: d.Content, record: func(v int64, path string, pdf []byte) (library.Revision, error) {
		return s.Library.RecordExportVersion(d.ID, v, path, pdf)
	}}, nil
}

func (s *Service) prepareAmendment(d library.Draft, terms *library.AmendmentTerms) (prepared, error) {
	number, amends, err := s.Library.NextAmendment(d.ID)
	if errors.Is(err, library.ErrNoAmendment) {
		return prepared{}, ErrNotSignedYet
	}
	if err != nil {
		return prepared{}, err
	}
	if terms == nil {
		pending, ok, err := s.Library.PendingAmendment(d.ID)
		if err != nil {
			return prepared{}, err
		}
		if !ok {
			return prepared{}, errors.New("the amendment has no effective date yet: choose Draft ▸ Amend… (or give --effective YYYY-MM-DD)")
		}
		terms = &pending
	}
	effective, err := amend.ParseDate(terms.Effective)
	if err != nil {
		return prepared{}, fmt.Errorf("effective date: %w", err)
	}
	if err := s.checkAfterStart(d.ID, amends, effective); err != nil {
		return prepared{}, err
	}
	chain, err := s.signedChain(d.ID)
	if err != nil {
		return prepared{}, err
	}
	signedDraft, err := s.Library.RevisionContent(d.ID, amends)
	if err != nil {
		return prepared{}, err
	}
	signed, err := s.Engine.Document(signedDraft)
	if err != nil {
		return prepared{}, err
	}
	amended, err := s.Engine.Document(d.Content)
	if err != nil {
		return prepared{}, err
	}
	doc, changes, err := amend.Document(amend.Amendment{
		Number: number, Effective: terms.Effective, Reason: terms.Reason,
		Original: chain.original, Earlier: chain.amendments,
		Signed: signed, Amended: amended,
	})
	if err != nil {
		return prepared{}, err
	}
	t := *terms
	return prepared{doc: doc, content: d.Content, amendment: number, changes: len(changes),
		record: func(v int64, path string, pdf []byte) (library.Revision, error) {
			return s.Library.RecordAmendmentExport(d.ID, v, path, pdf, number, amends, t)
		}}, nil
}

func (s *Service) prepareConformed(d library.Draft) (prepared, error) {
	chain, err := s.signedChain(d.ID)
	if err != nil {
		return prepared{}, err
	}
	current, err := s.Library.RevisionContent(d.ID, d.SignedRevision)
	if err != nil {
		return prepared{}, err
	}
	doc, err := s.Engine.Document(current)
	if err != nil {
		return prepared{}, err
	}
	return prepared{doc: amend.Conformed(doc, chain.original, chain.amendments), content: current}, nil
}

// chain is the signed chain as the documents cite it.
type chain struct {
	original   amend.Original
	amendments []amend.Earlier
}

func (s *Service) signedChain(id int64) (chain, error) {
	points, err := s.Library.Chain(id)
	if err != nil {
		return chain{}, err
	}
	if len(points) == 0 {
		return chain{}, ErrNotSignedYet
	}
	first, err := s.Library.RevisionContent(id, points[0].Revision)
	if err != nil {
		return chain{}, err
	}
	docID, err := s.documentID(first)
	if err != nil {
		return chain{}, err
	}
	title, err := s.Engine.Document(first)
	if err != nil {
		return chain{}, err
	}
	c := chain{original: amend.Original{Title: title.Title, DocumentID: docID, Signed: points[0].Signed, SHA256: points[0].SHA256}}
	for _, p := range points[1:] {
		c.amendments = append(c.amendments, amend.Earlier{Number: p.Amendment, Effective: p.Effective})
	}
	return c, nil
}
