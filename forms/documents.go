package forms

import (
	"errors"

	"pactwright/app/draft"
)

// ExportKind is what File ▸ Export… can produce.
type ExportKind string

// Export kinds, in the order the export dialog lists them.
const (
	ExportAgreement ExportKind = "agreement" // the signable agreement
	ExportAmendment ExportKind = "amendment" // Amendment No. N of the signed agreement
	ExportRedline   ExportKind = "redline"   // the changes since the signed version, marked
	ExportConformed ExportKind = "conformed" // the agreement as amended, not for signature
)

// label is how the export dialog names a kind.
func (k ExportKind) label() string {
	switch k {
	case ExportAmendment:
		return "Amendment (the changes since the signed version, for both parties to sign)"
	case ExportRedline:
		return "Redline (the agreement with every change since the signed version marked)"
	case ExportConformed:
		return "Conformed copy (the signed agreement as amended, for reference)"
	}
	return "Agreement (the whole agreement, for signature)"
}

// fileWord is the word the suggested file name uses.
func (k ExportKind) fileWord() string {
	if k == ExportAgreement || k == "" {
		return "agreement"
	}
	return string(k)
}

// ExportRequest asks Documents for one PDF.
type ExportRequest struct {
	ID      int64
	Kind    ExportKind
	Version int64  // the working-copy version the editor saved and shows
	Path    string // where Write puts it, recorded with the export
	Write   func(pdf []byte) error
}

// ExportResult says what an export made.
type ExportResult struct {
	Message string // one line for the user: what was written, and whether it was recorded
	Draft   bool   // incomplete: marked DRAFT, no signature fields
}

// Signed says what Mark as signed recorded.
type Signed struct {
	Revision  int
	Amendment int // the amendment that was signed; 0 for the agreement
}

// Imported says what importing a PDF found or made.
type Imported struct {
	ID       int64
	Existing bool   // the PDF came from a draft already in the library: nothing was imported
	Message  string // which agreement and version the PDF holds
}

// Documents makes and records what leaves the app as a PDF and what comes
// back: the use cases of app/usecase, which the command line calls too.
// forms/adapt provides the real one; the form tests use a fake.
type Documents interface {
	// Export makes the PDF from the saved draft, hands it to req.Write and
	// records it when it is for signature. It fails with ErrConflict when
	// the saved draft is not at req.Version.
	Export(req ExportRequest) (ExportResult, error)
	// MarkSigned records the draft, or the amendment last exported, as
	// signed. signedPDF must come from one of the draft's exports (a
	// signer only appends to it), else ErrNotExported; nil: on paper.
	MarkSigned(id int64, signedPDF []byte) (Signed, error)
	// Amend sets when the amendment of a signed draft takes effect
	// (YYYY-MM-DD) and why; the message says what comes next.
	Amend(id int64, effective, reason string) (string, error)
	// ImportPDF recreates the draft carried inside a PDF Pactwright
	// exported; a PDF of a draft the library holds imports nothing.
	ImportPDF(pdf []byte) (Imported, error)
	// MergeConflict lists the fields where draft id (their save) and the
	// conflict copy copyID (the user's answers) differ; opened is what the
	// user started from (nil when not known).
	MergeConflict(id, copyID int64, opened *draft.Draft) (MergePlan, error)
	// ApplyMerge saves their answers with the fields in mine taken from
	// the conflict copy, as a new revision; the message says what it did.
	ApplyMerge(plan MergePlan, mine []string) (string, error)
}

// noDocuments stands in when New is given no Documents.
type noDocuments struct{}

var errNoDocuments = errors.New("PDF export is not available in this build")

func (noDocuments) Export(ExportRequest) (ExportResult, error)  { return ExportResult{}, errNoDocuments }
func (noDocuments) MarkSigned(int64, []byte) (Signed, error)    { return Signed{}, errNoDocuments }
func (noDocuments) Amend(int64, string, string) (string, error) { return "", errNoDocuments }
func (noDocuments) ImportPDF([]byte) (Imported, error)          { return Imported{}, errNoDocuments }
func (noDocuments) MergeConflict(int64, int64, *draft.Draft) (MergePlan, error) {
	return MergePlan{}, errNoMerge
}
func (noDocuments) ApplyMerge(MergePlan, []string) (string, error) { return "", errNoMerge }

var errNoMerge = errors.New("merging is not available in this build")
