// Package usecase holds what a user does with a draft in the library —
// export a PDF (the agreement, an amendment, a redline or a conformed copy),
// mark it signed, prepare an amendment, import a PDF — written once, so the
// window and the command line cannot disagree. Front ends collect input,
// call a Service method and show the result; they never render or record
// by themselves.
package usecase

import (
	"encoding/json"
	"errors"
	"fmt"
	"pactwright/app/check"
	"strings"

	"pactwright/app/agreement"
	"pactwright/app/compose"
	"pactwright/app/draft"
	"pactwright/app/library"
	"pactwright/app/template"
	"pactwright/render"
)

// Service runs the use cases against one library with one engine. It is
// safe for concurrent use, as both of those are.
type Service struct {
	Library *library.Library
	Engine  *agreement.Engine
}

// Kind is what an export produces.
type Kind string

// Export kinds.
const (
	Agreement Kind = "agreement" // the signable agreement
	Amendment Kind = "amendment" // Amendment No. N of a signed agreement, signable
	Redline   Kind = "redline"   // two versions compared, for reading
	Conformed Kind = "conformed" // the agreement as amended, for reading
)

// Kinds lists the export kinds in menu order.
func Kinds() []Kind { return []Kind{Agreement, Amendment, Redline, Conformed} }

// Label is how menus and messages name a kind.
func (k Kind) Label() string {
	switch k {
	case Amendment:
		return "Amendment"
	case Redline:
		return "Redline (changes marked)"
	case Conformed:
		return "Conformed copy (as amended)"
	}
	return "Agreement"
}

// Format is the kind of file an export writes.
type Format string

// Export formats.
const (
	PDF  Format = ""     // the signable PDF
	Word Format = "docx" // a Word file for the other side to mark up
)

// FormatOf picks the format from a file name: Word for .docx, else PDF.
func FormatOf(path string) Format {
	if strings.HasSuffix(strings.ToLower(path), ".docx") {
		return Word
	}
	return PDF
}

// Names of the files every exported PDF carries.
const (
	DraftAttachment  = "pactwright-draft.json"
	OriginAttachment = "pactwright-origin.json"
)

// Origin says where a PDF came from; it travels inside the PDF next to
// the draft, so an import can say which agreement and version it holds.
type Origin struct {
	Format     string `json:"format"` // "pactwright-origin"
	Kind       Kind   `json:"kind"`
	DraftID    int64  `json:"draft_id"`
	Version    int64  `json:"version"` // of the working copy exported
	Title      string `json:"title"`
	DocumentID string `json:"document_id"`
	Amendment  int    `json:"amendment,omitempty"`
}

// String names the origin in one line: `Amendment No. 1 of draft 3
// "Brightside" (version 7), document PW-1A2B-3C4D`.
func (o Origin) String() string {
	what := "the agreement"
	switch {
	case o.Amendment > 0:
		what = fmt.Sprintf("Amendment No. %d", o.Amendment)
	case o.Kind == Redline:
		what = "a redline"
	case o.Kind == Conformed:
		what = "the conformed copy"
	}
	return fmt.Sprintf("%s of draft %d %q (version %d), document %s", what, o.DraftID, o.Title, o.Version, o.DocumentID)
}

// attachments are the files a PDF of d carries.
func (s *Service) attachments(d draft.Draft, o Origin) ([]render.Attachment, error) {
	data, err := draft.Marshal(s.Library.Template(), d)
	if err != nil {
		return nil, fmt.Errorf("embed the draft: %w", err)
	}
	o.Format = "pactwright-origin"
	origin, err := json.Marshal(o)
	if err != nil {
		return nil, fmt.Errorf("embed the origin: %w", err)
	}
	return []render.Attachment{
		{Name: DraftAttachment, Description: "The Pactwright draft this PDF was made from: open or import this PDF in Pactwright to edit it.", MIME: "application/json", Data: data},
		{Name: OriginAttachment, Description: "Which Pactwright draft and version this PDF was made from.", MIME: "application/json", Data: origin},
	}, nil
}

func (s *Service) documentID(d draft.Draft) (string, error) {
	return compose.DocumentID(s.Library.Template(), d)
}

// ErrNoDraftInside means a PDF carries no Pactwright draft.
var ErrNoDraftInside = errors.New("this PDF has no Pactwright draft inside: only PDFs exported by this version of Pactwright carry one, and a PDF rewritten by another program loses it")

// readAttachments returns the draft and origin a PDF carries.
func (s *Service) readAttachments(pdf []byte) (draft.Draft, Origin, error) {
	files, err := render.Attachments(pdf)
	if err != nil {
		return draft.Draft{}, Origin{}, err
	}
	data, ok := files[DraftAttachment]
	if !ok {
		return draft.Draft{}, Origin{}, ErrNoDraftInside
	}
	d, err := draft.Unmarshal(s.Library.Template(), data)
	if err != nil {
		return draft.Draft{}, Origin{}, fmt.Errorf("the draft inside the PDF: %w", err)
	}
	var o Origin
	if b, ok := files[OriginAttachment]; ok {
		if draft.CheckNesting(b, draft.MaxNesting) != nil || json.Unmarshal(b, &o) != nil || o.Format != "pactwright-origin" {
			o = Origin{} // the draft is what matters; an unreadable note is ignored
		}
	}
	return d, o, nil
}

// Exported is the result of an export.
type Exported struct {
	DraftID  int64
	Kind     Kind
	Format   Format
	Path     string
	Bytes    int
	Recorded bool             // agreements and amendments are recorded; readers' copies are not
	Revision library.Revision // the export revision, when recorded
	Draft    bool             // not signable: marked DRAFT, without signature fields
	// Blockers say why an agreement is a DRAFT (check.Report.Blockers);
	// Accepted lists the risks the user accepted, which a signable export
	// names here and never prints in the PDF.
	Blockers  []string
	Accepted  []check.Finding
	Amendment int // Amendment No., for an amendment
	Changes   int // changes listed, for an amendment or redline
	Warnings  []string
}

// String is the message both front ends show.
func (x Exported) String() string {
	var msg string
	switch {
	case x.Amendment > 0:
		msg = fmt.Sprintf("exported Amendment No. %d (%s) of draft %d to %s", x.Amendment, template.Count(x.Changes, "changes"), x.DraftID, x.Path)
	case x.Recorded:
		msg = fmt.Sprintf("exported draft %d to %s", x.DraftID, x.Path)
	case x.Kind == Redline:
		msg = fmt.Sprintf("wrote the redline of draft %d (%s) to %s", x.DraftID, template.Count(x.Changes, "changes"), x.Path)
	default:
		msg = fmt.Sprintf("wrote the %s of draft %d to %s", strings.ToLower(x.Kind.Label()), x.DraftID, x.Path)
	}
	if x.Recorded {
		// The library keeps the export's fingerprint (pactwright
		// revisions shows it); what the user needs here is what to do.
		msg += fmt.Sprintf(", kept as revision %d", x.Revision.Number)
		if !x.Draft && x.Format != Word {
			msg += fmt.Sprintf("\nNext: send it to the other party to sign. When the signed copy comes back, record it with Draft ▸ Mark as signed… (or `pactwright mark-signed %d --pdf SIGNED.pdf`).", x.DraftID)
		}
	}
	if x.Format == Word {
		msg += "\nThis Word file is for the other side to review and mark up; it is not recorded as an export. Sign the PDF."
		if x.Draft {
			msg += "\nIt is a DRAFT (see `pactwright check`), so every page says DRAFT – NOT FOR SIGNATURE."
		}
		return msg
	}
	if x.Draft {
		why := "answers are missing (see `pactwright check`)"
		if len(x.Blockers) > 0 {
			why = strings.Join(x.Blockers, "; ") + " (see `pactwright check`)"
		}
		msg += "\nThis PDF is a DRAFT – NOT FOR SIGNATURE: " + why + ", so every page is marked DRAFT and there are no signature fields."
	}
	if len(x.Accepted) > 0 {
		msg += "\nRisks you accepted (kept with the draft, not printed in the PDF):"
		for _, f := range x.Accepted {
			msg += "\n  - " + f.Message + " Your reason: " + f.Accepted
		}
	}
	return msg
}
