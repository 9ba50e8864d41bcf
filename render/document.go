// Package render turns a Document (an agreement laid out as headings,
// numbered clauses, tables, a checklist and signature blocks) into bytes:
// a signable PDF, or plain text for previews.
//
// A Document knows nothing of the agreement template: app/compose builds
// it from answers. Keeping the layout model separate lets the PDF writer be
// tested with hand-made documents and keeps gopdf out of the core.
package render

// Document is one agreement ready for layout.
type Document struct {
	Title    string   // "Call Centre Services Agreement"
	Subtitle string   // e.g. "between Acme Ltd and Callwise Ltd"
	ID       string   // short id derived from the answers, printed on every page
	Parties  []string // legal names, for the PDF metadata
	Creator  string   // "Pactwright 0.1.0"
	Draft    bool     // true while anything required is missing: every page says DRAFT and there are no signature fields
	Letter   bool     // a short letter (a credit statement): title atop page 1, the sections under it, no cover, checklist or signature page

	// Attachments travel inside the PDF as embedded files, written before
	// the signature fields so that signatures cover them.
	Attachments []Attachment

	Cover     Cover
	Sections  []Section // numbered clauses first, then schedules
	Checklist Checklist
	Signing   Signing
}

// Cover is the first page: who, and the key terms at a glance.
type Cover struct {
	Parties  []CoverParty
	KeyTerms []KeyTerm
	Note     string // short paragraph under the key terms
}

// CoverParty is one party as the cover page introduces it.
type CoverParty struct {
	Role    string // "Customer" or "Provider"
	Name    string
	Details string // entity type, registered address, company number on one line
}

// KeyTerm is one label/value row of the cover page summary.
type KeyTerm struct {
	Label string
	Value string
}

// Section is a clause group or a schedule. Each section starts a bookmark.
type Section struct {
	Key     string // stable name across versions ("termination", "schedule.charges"), for references and amendments
	Number  string // "1", "2" ... for clauses; "Schedule 1" for schedules
	Heading string
	NewPage bool // start the section on a fresh page (schedules do)
	Blocks  []Block
	// Change marks a section a redline shows whole as inserted or deleted.
	Change RunKind
}

// BlockKind says how a block is laid out.
type BlockKind int

const (
	// Paragraph is running text without a number.
	Paragraph BlockKind = iota
	// Clause is a numbered clause: Number ("3.2") hangs left of Text.
	Clause
	// Subheading is a bold line inside a section.
	Subheading
	// TableBlock is a grid with a header row; rows may wrap and break across pages.
	TableBlock
)

// Block is one piece of a section.
type Block struct {
	Kind   BlockKind
	Key    string // Clause only: stable name across versions ("termination.exit_assistance")
	Number string // Clause only
	Text   string // Paragraph, Clause, Subheading
	Table  *Table // TableBlock only
	// Conspicuous sets a Paragraph or Clause in bold, for terms a law
	// enforces only when they stand out (a Texas jury waiver or release).
	Conspicuous bool
	// Runs, when set, replace Text for a redline: deleted text struck
	// through, inserted text underlined, both in colour.
	Runs []Run
	// Changed marks the block with a bar in the margin (a redline).
	Changed bool
	// Versions, on a redline's table, holds the older and the newer table
	// (Old nil: the table was added; New nil: removed), so that a Word file
	// can mark each cell's change as a tracked change where the PDF prints
	// "(was: …)".
	Versions *TableVersions
}

// TableVersions is a table as two versions of a document have it.
type TableVersions struct {
	Old, New *Table
}

// RunKind says whether a redline run is unchanged, deleted or inserted.
type RunKind int

// Run kinds.
const (
	Same RunKind = iota
	Deleted
	Inserted
)

// Run is a piece of redline text.
type Run struct {
	Kind RunKind
	Text string
}

// Table is a grid of text. Widths are relative weights, one per column.
type Table struct {
	Columns []string
	Widths  []float64
	Rows    [][]string
}

// Checklist is the clause checklist page: one group per clause group, each
// with its elements and a box for each party to initial.
type Checklist struct {
	Intro  string
	Groups []ChecklistGroup
}

// ChecklistGroup is one clause group on the checklist page.
type ChecklistGroup struct {
	Name     string
	Elements []ChecklistElement
}

// ChecklistElement is one essential element and its status word
// ("Complete", "Incomplete: ...", "Not applicable").
type ChecklistElement struct {
	Name   string
	Status string
	Done   bool // complete or not applicable: drawn with a tick
}

// Signing is the signature page.
type Signing struct {
	Intro       string
	Signatories []Signatory
}

// Signatory is one signature block. FieldName is the name of the empty
// digital signature field placed over the signature line; it must be unique
// in the document and contain only letters, digits and underscores.
type Signatory struct {
	Party     string // "For and on behalf of Acme Ltd"
	Role      string // "Customer"
	Name      string // signatory's name, may be empty (a line is drawn)
	Title     string
	FieldName string
}
