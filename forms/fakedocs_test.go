package forms

import (
	"errors"
	"fmt"

	"pactwright/app/draft"
)

// fakeDocs is the form tests' Documents: the fake renderer's bytes,
// recorded in the in-memory store, with the same version rule as the real
// use case (the PDF is made from the saved draft, and recorded only if it
// is still the saved one).
type fakeDocs struct {
	store *MemStore
	r     *fakeRenderer
}

func (f fakeDocs) Export(req ExportRequest) (ExportResult, error) {
	sd, err := f.store.Get(req.ID)
	if err != nil {
		return ExportResult{}, err
	}
	if sd.Version != req.Version {
		return ExportResult{}, fmt.Errorf("%w (version %d, the store has %d)", ErrConflict, req.Version, sd.Version)
	}
	pdf, _, err := f.r.RenderPDF(sd.Content)
	if err != nil {
		return ExportResult{}, err
	}
	if err := req.Write(pdf); err != nil {
		return ExportResult{}, err
	}
	if _, err := f.store.RecordExport(req.ID, req.Version, req.Path, pdf); err != nil {
		return ExportResult{}, err
	}
	return ExportResult{Message: "exported " + string(req.Kind)}, nil
}

func (f fakeDocs) MarkSigned(id int64, pdf []byte) (Signed, error) {
	r, err := f.store.MarkSigned(id, pdf)
	return Signed{Revision: r.Number}, err
}

func (f fakeDocs) Amend(id int64, effective, reason string) (string, error) {
	if effective == "" {
		return "", errors.New("effective date: the date is missing")
	}
	_, err := f.store.SaveRevision(id, "Amendment from "+effective)
	return "Amendment prepared", err
}

func (f fakeDocs) ImportPDF([]byte) (Imported, error) {
	return Imported{}, errors.New("the form tests import no PDFs")
}

func (f fakeDocs) MergeConflict(int64, int64, *draft.Draft) (MergePlan, error) {
	return MergePlan{}, errors.New("the form tests with a fake store merge nothing")
}

func (f fakeDocs) ApplyMerge(MergePlan, []string) (string, error) {
	return "", errors.New("the form tests with a fake store merge nothing")
}
