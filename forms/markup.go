package forms

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// MarkupReader reads a Word file the other side returned, makes the
// answer changes it proposes and keeps the rewrites the user chooses as
// negotiated wording (see docs/word.md). adapt.Documents has it;
// Documents without it cannot read Word files.
type MarkupReader interface {
	ReadMarkup(id int64, name string, file []byte) (MarkupReport, error)
	// ApplyMarkup makes the proposed answer changes and keeps the rewrites
	// of the clauses numbered in keep; it returns how many changes it made.
	ApplyMarkup(id int64, r MarkupReport, keep []string) (changes int, err error)
	// MarkupFile is the comparison as a file for the user's records: ext
	// ".pdf" or ".docx".
	MarkupFile(r MarkupReport, ext string) ([]byte, error)
	// Wording lists the clauses of draft id printed with negotiated
	// wording; DropWording goes back to the generated wording of one.
	Wording(id int64) ([]NegotiatedRow, error)
	DropWording(id int64, clause string) error
}

// MarkupReport is a returned Word file compared with the draft.
type MarkupReport struct {
	Name string // the returned file's name
	Text string // the comparison, as the command line prints it
	// Summary, Clauses and More are the same comparison for the screen:
	// the counts and notes, each clause not unchanged, then what changed
	// outside the clauses and the comments.
	Summary   string
	Clauses   []MarkupClause
	More      string
	Proposals int // answer changes it proposes
	// Rewrites are the numbers of the clauses rewritten in words no answer
	// produces: each can be kept as negotiated wording or rejected.
	Rewrites []string
	Changes  any // what ApplyMarkup applies, opaque to the window
}

// MarkupClause is one changed, inserted or deleted clause: its
// difference on the left, what can be done with it on the right.
type MarkupClause struct {
	Heading string   // "4.5 pricing.invoices_and_payment: changed (tracked changes)"
	Diff    string   // the clause with [-deleted-]{+inserted+} words
	Offers  []string // the answer changes it proposes, or what else to do
	Rewrite string   // the clause's number when it can be kept as negotiated wording
}

// NegotiatedRow is one clause printed with negotiated wording.
type NegotiatedRow struct {
	Number, Text, From string
}

// Choices for a rewritten clause in the comparison.
const (
	keepWording   = "Keep their wording"
	rejectWording = "Reject it"
)

// compareWord is File ▸ Compare with a returned Word file…: it reads the
// file the user picks off the UI goroutine and shows the comparison.
func (e *editor) compareWord() {
	reader, ok := e.markupReader()
	if !ok {
		return
	}
	e.ui.openFile([]string{".docx"}, func(name string, data []byte) {
		var r MarkupReport
		e.inBackground(func() (err error) {
			r, err = reader.ReadMarkup(e.id, name, data)
			return err
		}, func(err error) {
			if err != nil {
				e.ui.showError(err)
				return
			}
			e.showMarkup(reader, r)
		})
	})
}

func (e *editor) markupReader() (MarkupReader, bool) {
	reader, ok := e.ui.opts.Documents.(MarkupReader)
	if !ok {
		e.ui.showError(errors.New("this window cannot read Word files: use pactwright markup ID FILE.docx"))
	}
	return reader, ok
}

// showMarkup shows the comparison clause by clause, the difference beside
// the answer changes it proposes or a Keep/Reject choice for a clause
// they rewrote in their own words, and Save report…; when there is
// anything to make, one button makes the answer changes and keeps the
// wording chosen.
func (e *editor) showMarkup(reader MarkupReader, r MarkupReport) {
	wrapped := func(text string, style fyne.TextStyle) *widget.Label {
		l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, style)
		l.Wrapping = fyne.TextWrapWord
		l.Selectable = !style.Bold
		return l
	}
	list := container.NewVBox(wrapped(r.Summary, fyne.TextStyle{Bold: true}))
	choices := map[string]*widget.RadioGroup{}
	for _, c := range r.Clauses {
		right := container.NewVBox()
		for _, o := range c.Offers {
			right.Add(wrapped(o, fyne.TextStyle{}))
		}
		if c.Rewrite != "" {
			choice := widget.NewRadioGroup([]string{keepWording, rejectWording}, nil)
			choice.SetSelected(rejectWording)
			choices[c.Rewrite] = choice
			right.Add(wrapped("No answers produce their wording of clause "+c.Rewrite+": keep it as negotiated wording, or reject it?", fyne.TextStyle{}))
			right.Add(choice)
		}
		list.Add(widget.NewSeparator())
		list.Add(wrapped(c.Heading, fyne.TextStyle{Bold: true}))
		list.Add(container.NewGridWithColumns(2, wrapped(c.Diff, fyne.TextStyle{}), right))
	}
	if r.More != "" {
		list.Add(widget.NewSeparator())
		list.Add(wrapped(r.More, fyne.TextStyle{}))
	}
	scroll := container.NewVScroll(list)
	scroll.SetMinSize(fyne.NewSize(860, 500))
	save := widget.NewButton("Save report…", func() { e.saveMarkupReport(reader, r) })
	content := container.NewBorder(nil, container.NewHBox(save), nil, nil, scroll)
	if r.Proposals == 0 && len(r.Rewrites) == 0 {
		dialog.ShowCustom("Their markup", "Close", content, e.ui.win)
		return
	}
	apply := "Apply"
	if len(r.Rewrites) == 0 {
		apply = fmt.Sprintf("Apply %d answer change", r.Proposals)
		if r.Proposals > 1 {
			apply += "s"
		}
	}
	dialog.ShowCustomConfirm("Their markup", apply, "Close", content, func(ok bool) {
		if !ok {
			return
		}
		var keep []string
		for _, n := range r.Rewrites {
			if choices[n].Selected == keepWording {
				keep = append(keep, n)
			}
		}
		if r.Proposals > 0 || len(keep) > 0 {
			e.changeDraft(func() error { _, err := reader.ApplyMarkup(e.id, r, keep); return err })
		}
	}, e.ui.win)
}

// saveMarkupReport asks where to save the comparison, as a PDF or (if the
// name ends in .docx) a Word file, and writes it there.
func (e *editor) saveMarkupReport(reader MarkupReader, r MarkupReport) {
	name := strings.TrimSuffix(filepath.Base(r.Name), filepath.Ext(r.Name)) + " comparison.pdf"
	e.ui.askSaveFile(name, ".pdf", func(w fyne.URIWriteCloser) {
		file, err := reader.MarkupFile(r, strings.ToLower(filepath.Ext(w.URI().Path())))
		if err == nil {
			_, err = w.Write(file)
		}
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			e.ui.showError(fmt.Errorf("save the comparison to %s: %w", w.URI().Path(), err))
		}
	})
}

// showWording is Draft ▸ Negotiated wording…: each clause printed with
// wording agreed with the other side, with a button to go back to the
// wording Pactwright writes.
func (e *editor) showWording() {
	reader, ok := e.markupReader()
	if !ok {
		return
	}
	var rows []NegotiatedRow
	e.inBackground(func() (err error) {
		rows, err = reader.Wording(e.id)
		return err
	}, func(err error) {
		if err != nil {
			e.ui.showError(err)
			return
		}
		list := container.NewVBox()
		if len(rows) == 0 {
			list.Add(widget.NewLabel("No clause uses negotiated wording. Keep the other side's wording of a clause from File ▸ Compare with a returned Word file…"))
		}
		var dlg dialog.Dialog
		for _, n := range rows {
			words := widget.NewLabel(fmt.Sprintf("Clause %s, from %s:\n%s", n.Number, n.From, n.Text))
			words.Wrapping = fyne.TextWrapWord
			number := n.Number
			drop := widget.NewButton("Use Pactwright's wording for "+number, func() {
				dlg.Hide()
				e.changeDraft(func() error { return reader.DropWording(e.id, number) })
			})
			list.Add(container.NewBorder(nil, container.NewHBox(drop), nil, nil, words))
		}
		scroll := container.NewVScroll(list)
		scroll.SetMinSize(fyne.NewSize(640, 320))
		dlg = dialog.NewCustom("Negotiated wording", "Close", scroll, e.ui.win)
		dlg.Show()
	})
}

// changeDraft saves what is on screen, makes a change in the library,
// and shows the draft as the library then holds it.
func (e *editor) changeDraft(change func() error) {
	u := e.ui
	e.flushThen(false, func(_ int64, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		var sd StoredDraft
		e.inBackground(func() error {
			if err := change(); err != nil {
				return err
			}
			var err error
			sd, err = u.opts.Store.Get(e.id)
			return err
		}, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			u.closeEditor() // nothing is pending: it was just saved
			u.showDraft(sd, func() {})
		})
	})
}
