package forms

import (
	"fmt"

	"fyne.io/fyne/v2"
)

// revisionSaver is the part of the library Save version uses.
type revisionSaver interface {
	SaveRevision(id int64, note string) (Revision, error)
}

// saveVersionDialog asks for a note and stores a named revision of one
// draft, then says which version it became: a save the user asked for
// deserves an answer.
type saveVersionDialog struct {
	win   fyne.Window
	store revisionSaver
	id    int64 // the draft it was opened for
	draft draftTasks
	say   messages
	// saved tells the editor, whose status line names the version.
	saved func(Revision)
}

func (e *editor) saveVersion() {
	s := e.shown()
	d := &saveVersionDialog{win: e.ui.win, store: e.ui.opts.Store, id: s.id, draft: s, say: e.ui,
		saved: func(r Revision) { e.status.SetText(fmt.Sprintf("Saved as version %d", r.Number)) }}
	d.ask()
}

func (d *saveVersionDialog) ask() {
	note := newDialogEntry("e.g. Sent to provider for review")
	askForm(d.win, "Save version", "Save", []formField{{"Note", note}}, func(ok bool) {
		if ok {
			d.save(note.Text)
		}
	})
}

// save stores the revision once the answers on screen are saved.
func (d *saveVersionDialog) save(note string) {
	var r Revision
	saveThenShow(d.draft, d.say, "save version", func() (err error) {
		r, err = d.store.SaveRevision(d.id, note)
		return err
	}, func() {
		d.saved(r)
		d.say.inform("Version saved", savedVersionText(r))
	})
}

// savedVersionText confirms a saved version in words.
func savedVersionText(r Revision) string {
	text := fmt.Sprintf("Saved as version %d", r.Number)
	if r.Note != "" {
		text += fmt.Sprintf(" (%q)", r.Note)
	}
	return text + ". Draft → History… lists it and can bring it back."
}
