package usecase_test

import (
	"errors"
	"strings"
	"testing"

	"pactwright/app/draft"
	"pactwright/app/library"
	"pactwright/app/template"
	"pactwright/app/usecase"
)

// TestTrashedDraftIsNeitherSignedNorAmended: a draft in the trash cannot
// be marked signed or amended until it is taken out of the trash.
func TestTrashedDraftIsNeitherSignedNorAmended(t *testing.T) {
	h := newHarness(t)
	id, err := h.svc.Library.Create(draft.Example(template.CallCentre()))
	if err != nil {
		t.Fatal(err)
	}
	h.export(id, usecase.Agreement, "a.pdf")
	if err := h.svc.Library.Delete(id); err != nil {
		t.Fatal(err)
	}
	if _, err := h.svc.MarkSigned(id, nil); !errors.Is(err, library.ErrInTrash) {
		t.Errorf("mark signed in the trash: %v, want ErrInTrash", err)
	}
	if err := h.svc.Library.Undelete(id); err != nil {
		t.Fatal(err)
	}
	if _, err := h.svc.MarkSigned(id, nil); err != nil {
		t.Fatalf("mark signed once restored: %v", err)
	}
	if err := h.svc.Library.Delete(id); err != nil {
		t.Fatal(err)
	}
	_, err = h.svc.Amend(id, library.AmendmentTerms{Effective: "2027-06-01"})
	if !errors.Is(err, library.ErrInTrash) || !strings.Contains(err.Error(), "take it out of the trash first") {
		t.Errorf("amend in the trash: %v, want ErrInTrash", err)
	}
}

// TestAmendmentBeforeTheStartRefused: an amendment cannot take effect
// before the agreement it amends starts (the example starts on 4 January
// 2027).
func TestAmendmentBeforeTheStartRefused(t *testing.T) {
	h := newHarness(t)
	id, err := h.svc.Library.Create(draft.Example(template.CallCentre()))
	if err != nil {
		t.Fatal(err)
	}
	h.export(id, usecase.Agreement, "a.pdf")
	if _, err := h.svc.MarkSigned(id, nil); err != nil {
		t.Fatal(err)
	}
	h.edit(id, raisePrice)
	_, err = h.svc.Amend(id, library.AmendmentTerms{Effective: "2026-12-01"})
	if err == nil || !strings.Contains(err.Error(), "1 December 2026 is before the agreement itself starts (4 January 2027)") {
		t.Errorf("amend before the start: %v", err)
	}
	terms := library.AmendmentTerms{Effective: "2026-12-01"}
	_, err = h.svc.Export(usecase.ExportRequest{Draft: id, Kind: usecase.Amendment, Version: -1, Terms: &terms, Write: func([]byte) error { return nil }})
	if err == nil || !strings.Contains(err.Error(), "before the agreement itself starts") {
		t.Errorf("export of an amendment before the start: %v", err)
	}
}
