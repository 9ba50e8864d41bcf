package adapt

import (
	"errors"
	"fmt"

	"pactwright/app/draft"
	"pactwright/app/library"
	"pactwright/app/usecase"
	"pactwright/forms"
)

// Documents adapts the use cases in app/usecase to forms.Documents, so the
// window exports, marks signed, amends and imports exactly as the command
// line does.
type Documents struct{ S *usecase.Service }

var _ forms.Documents = Documents{}

// Export implements forms.Documents.
func (d Documents) Export(req forms.ExportRequest) (forms.ExportResult, error) {
	x, err := d.S.Export(usecase.ExportRequest{Draft: req.ID, Kind: usecase.Kind(req.Kind), Path: req.Path, Version: req.Version, Write: req.Write, Format: usecase.FormatOf(req.Path)})
	if err != nil {
		return forms.ExportResult{}, conflict(err)
	}
	return forms.ExportResult{Message: x.String(), Draft: x.Draft}, nil
}

// MarkSigned implements forms.Documents. A PDF the library cannot trace to
// one of this draft's exports (made elsewhere, changed, or another
// draft's) comes back as forms.ErrNotExported.
func (d Documents) MarkSigned(id int64, signedPDF []byte) (forms.Signed, error) {
	s, err := d.S.MarkSigned(id, signedPDF)
	if err != nil && (errors.Is(err, library.ErrNotExported) || (s.Verify.Match != library.MatchNone && s.Verify.DraftID != id)) {
		return forms.Signed{}, fmt.Errorf("%w (%w)", forms.ErrNotExported, err)
	}
	return forms.Signed{Revision: s.Revision.Number, Amendment: s.Amendment}, err
}

// Amend implements forms.Documents.
func (d Documents) Amend(id int64, effective, reason string) (string, error) {
	p, err := d.S.Amend(id, library.AmendmentTerms{Effective: effective, Reason: reason})
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("This will be Amendment No. %d. %d answer(s) differ from the signed version so far.", p.Number, p.Changes), nil
}

// ImportPDF implements forms.Documents.
func (d Documents) ImportPDF(pdf []byte) (forms.Imported, error) {
	im, err := d.S.ImportPDF(pdf, false)
	if err != nil {
		return forms.Imported{}, err
	}
	return forms.Imported{ID: im.DraftID, Existing: im.Existing, Message: im.String()}, nil
}

// MergeConflict implements forms.Documents.
func (d Documents) MergeConflict(id, copyID int64, opened *draft.Draft) (forms.MergePlan, error) {
	m, err := d.S.MergeConflict(id, copyID, opened)
	if err != nil {
		return forms.MergePlan{}, err
	}
	p := forms.MergePlan{ID: m.ID, CopyID: m.CopyID, Handle: m}
	for _, f := range m.Fields {
		p.Fields = append(p.Fields, forms.MergeField{Field: f.Field, Label: f.Label, Group: f.Group,
			Theirs: f.Theirs, Mine: f.Mine, ChangedBy: f.ChangedBy, TakeMine: f.TakeMine})
	}
	return p, nil
}

// ApplyMerge implements forms.Documents.
func (d Documents) ApplyMerge(p forms.MergePlan, mine []string) (string, error) {
	m, ok := p.Handle.(usecase.Merge)
	if !ok {
		return "", errors.New("the merge was not prepared by this library")
	}
	done, err := d.S.ApplyMerge(m, mine)
	if err != nil {
		return "", conflict(err)
	}
	return done.String(), nil
}
