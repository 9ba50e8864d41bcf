package forms

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// signingDocs is the part of Documents that Mark as signed and Amend use.
type signingDocs interface {
	MarkSigned(id int64, signedPDF []byte) (Signed, error)
	Amend(id int64, effective, reason string) (string, error)
}

// signedDiffer is the part of the library that tells what differs from
// the signed version.
type signedDiffer interface {
	DiffSigned(id int64) ([]Change, error)
}

// signingDialog records one draft as signed (Mark as signed…) and starts
// the amendment of a signed one (Amend…).
type signingDialog struct {
	win    fyne.Window
	docs   signingDocs
	store  signedDiffer
	id     int64 // the draft it was opened for
	signed bool  // the draft was signed when the dialog opened
	draft  draftTasks
	say    messages
	// openFile asks for a file and hands over its bytes (UI.openFile).
	openFile func(exts []string, got func(name string, data []byte))
	now      func() time.Time
	// markedSigned tells the editor its draft is now signed.
	markedSigned func()
}

func (e *editor) signing() *signingDialog {
	s := e.shown()
	return &signingDialog{win: e.ui.win, docs: e.ui.opts.Documents, store: e.ui.opts.Store, id: s.id, signed: e.signed,
		draft: s, say: e.ui, openFile: e.ui.openFile, now: e.ui.now,
		markedSigned: func() {
			e.signed = true
			e.loadInForce()
		}}
}

func (e *editor) markSigned() { e.signing().askHow() }
func (e *editor) amend()      { e.signing().askAmend() }

// askHow asks how the agreement was signed: digitally, as a PDF that
// grew from one of this draft's exports, or on paper, when the latest
// export is what was signed.
func (d *signingDialog) askHow() {
	msg := widget.NewLabel("How was the agreement signed?\n\n" +
		"Digitally: choose the signed PDF. It must be a PDF exported from this agreement (signing only adds to the file). " +
		"Its fingerprint is kept, so the file can be recognised later.\n\n" +
		"On paper: the latest PDF exported from this agreement is recorded as what was signed " +
		"(the current answers, if it was never exported).\n\n" +
		"Either way, later changes can be compared with exactly what was signed.")
	msg.Wrapping = fyne.TextWrapWord
	var dlg dialog.Dialog
	choose := widget.NewButtonWithIcon("Choose the signed PDF…", theme.FileIcon(), func() {
		dlg.Hide()
		d.openFile([]string{".pdf"}, d.record)
	})
	choose.Importance = widget.HighImportance
	paper := widget.NewButtonWithIcon("Signed on paper", theme.DocumentIcon(), func() {
		dlg.Hide()
		d.record("", nil)
	})
	dlg = dialog.NewCustom("Mark as signed", "Cancel", container.NewVBox(msg, container.NewCenter(container.NewHBox(choose, paper))), d.win)
	dlg.Resize(fyne.NewSize(560, 340))
	dlg.Show()
}

// record records the draft as signed: as the PDF named name when pdf is
// not nil (the store checks it comes from one of this draft's exports and
// keeps its fingerprint), else as signed on paper.
func (d *signingDialog) record(name string, pdf []byte) {
	var signed Signed
	var since []Change
	d.draft.afterSave("mark as signed", func(int64) (err error) {
		if signed, err = d.docs.MarkSigned(d.id, pdf); err != nil {
			return err
		}
		// What the user sees but did not sign; the record stands without it.
		since, _ = d.store.DiffSigned(d.id)
		return nil
	}, func(err error) { d.signedAs(name, pdf != nil, signed, since, err) })
}

// unsignedChanges warns that answers on screen are not what was signed,
// naming the first few.
func unsignedChanges(since []Change) string {
	if len(since) == 0 {
		return ""
	}
	var names []string
	for i, c := range since {
		if i == 3 {
			names = append(names, fmt.Sprintf("and %d more", len(since)-3))
			break
		}
		names = append(names, c.Label)
	}
	return fmt.Sprintf("\n\nCareful: your current answers differ from what was signed in %d place(s): %s. "+
		"They are not part of the signed agreement. Compare with signed shows them; Draft → Amend… makes them binding, "+
		"or change them back.", len(since), strings.Join(names, ", "))
}

// signedAs tells the user how record went.
func (d *signingDialog) signedAs(name string, digital bool, signed Signed, since []Change, err error) {
	switch {
	case errors.Is(err, ErrNotExported):
		d.say.inform("Not a PDF of this agreement", fmt.Sprintf("%s was not exported from this agreement, so it cannot be recorded as its signed copy.\n\n"+
			"Choose the PDF you exported from Pactwright and had signed: a signature only adds to the file, so it is still recognised. "+
			"A PDF saved again or printed to PDF by another program is not; if that is all you have, choose Signed on paper instead.\n\n"+
			"Details: %v", name, err))
		return
	case err != nil:
		d.say.showError(fmt.Errorf("mark as signed: %w", err))
		return
	}
	d.markedSigned()
	how := "signed on paper"
	if digital {
		how = "signed as " + name
	}
	what := "the signed agreement"
	if signed.Amendment > 0 {
		what = fmt.Sprintf("the agreement as amended by the signed Amendment No. %d", signed.Amendment)
	}
	d.say.inform("Marked as signed", fmt.Sprintf("Version %d is recorded as %s (%s).\n"+
		"Later changes can be reviewed with Draft → Compare with signed, and made binding with Draft → Amend….", signed.Revision, what, how)+
		unsignedChanges(since))
}

// loadInForce reads the terms now signed, off the UI goroutine, and marks
// the answers that differ from them.
// It runs quietly: without the marks the editor still works.
func (e *editor) loadInForce() {
	store, s := e.ui.opts.Store, e.shown()
	go func() {
		sd, err := store.Get(s.id)
		s.later(func() {
			if err == nil && sd.Signed != nil {
				e.inForce = sd.Signed.Answers
				e.recompute()
			}
		})
	}()
}

// askAmend starts (or updates) the amendment of a signed agreement: it
// asks when the amendment takes effect and why, and explains what comes next.
func (d *signingDialog) askAmend() {
	if !d.signed {
		dialog.ShowInformation("Not signed yet", "Amend is for agreements already marked as signed. This draft can simply be edited.", d.win)
		return
	}
	effective := newDialogEntry("YYYY-MM-DD, e.g. " + d.now().AddDate(0, 1, 0).Format("2006-01-02"))
	reason := newDialogEntry("optional, e.g. Higher volumes from the summer")
	askForm(d.win, "Amend the signed agreement", "Start amendment", []formField{
		{"Takes effect on", effective},
		{"Reason", reason},
	}, func(ok bool) {
		if ok {
			d.startAmendment(effective.Text, reason.Text)
		}
	})
}

// startAmendment records when the amendment takes effect and why, once
// the answers on screen are saved.
func (d *signingDialog) startAmendment(effective, reason string) {
	var msg string
	saveThenShow(d.draft, d.say, "amend", func() (err error) {
		msg, err = d.docs.Amend(d.id, effective, reason)
		return err
	}, func() {
		d.say.inform("Amending", msg+"\n\nEdit the terms that change; Draft → Compare with signed shows every change since signature. "+
			"Then File → Export PDF… → Amendment makes the amendment for both parties to sign.")
	})
}
