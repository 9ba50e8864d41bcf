package forms

import (
	"fmt"
	"slices"
)

// A dialog belongs to the draft it was opened for. The editor is kept
// between drafts and shows the next one in the same widgets (editor.open),
// so a dialog must not read the editor's id when the user clicks, nor let
// a result land after its draft has left the screen: it would act on
// whichever draft is open then. Each dialog is therefore built from a
// shownDraft, taken when it opens.
//
// A user who moves to another draft while a dialog is open (Ctrl+O,
// Ctrl+N, a restore, loading another window's version) leaves the dialog's
// draft behind, so the dialog closes with it (UI.closeEditor): left open,
// a History of draft A over draft B would read as B's history, and its
// Restore button would seem to act on B.

// draftTasks is what a dialog asks of the editor for the draft it was
// opened for. Work asked for once that draft has left the screen does
// not start, and its result is dropped.
type draftTasks interface {
	// onScreen reports whether the draft is still the one on screen.
	onScreen() bool
	// afterSave saves the answers on screen, then runs work off the UI
	// goroutine and next on it with work's error (editor.afterSave).
	afterSave(what string, work func(version int64) error, next func(error))
	// inBackground runs work off the UI goroutine behind the wait
	// dialog, then next on it (editor.inBackground).
	inBackground(work func() error, next func(error))
	// later runs f on the UI goroutine; it may be called from any goroutine.
	later(f func())
}

// messages is how a dialog tells the user something: *UI has them.
type messages interface {
	showError(err error)
	inform(title, text string)
}

// shownDraft is the draft on screen when a dialog opened: its id and the
// editor's session that showed it.
type shownDraft struct {
	e       *editor
	id      int64
	session int
}

// shown is the draft on screen now, for a dialog opening over it.
func (e *editor) shown() shownDraft { return shownDraft{e: e, id: e.id, session: e.session} }

// onScreen reports whether the draft is still the one on screen.
func (s shownDraft) onScreen() bool { return s.e.live(s.session) }

func (s shownDraft) afterSave(what string, work func(version int64) error, next func(error)) {
	if s.onScreen() {
		s.e.afterSave(what, work, next)
	}
}

func (s shownDraft) inBackground(work func() error, next func(error)) {
	if s.onScreen() {
		s.e.inBackground(work, next)
	}
}

func (s shownDraft) later(f func()) {
	s.e.ui.opts.Do(func() {
		if s.onScreen() {
			f()
		}
	})
}

// reload shows the draft again as the library holds it (after a restore).
func (s shownDraft) reload() {
	if s.onScreen() {
		s.e.reload()
	}
}

// saveNow saves the answers on screen, without the wait dialog, then runs
// done on the UI goroutine with their version; done gets errSaverStopped
// if the draft left the screen first.
func (s shownDraft) saveNow(done func(version int64, err error)) {
	if !s.onScreen() {
		done(0, errSaverStopped)
		return
	}
	s.e.saver.FlushThen(func(version int64, err error) {
		if !s.onScreen() {
			err = errSaverStopped
		}
		done(version, err)
	})
}

// saveThenShow is the common shape of a dialog's work: save the answers
// on screen, run work off the UI goroutine, then show its result on the
// UI goroutine. If saving or work fails, the error is shown prefixed by
// what ("history: …") and show does not run.
func saveThenShow(draft draftTasks, say messages, what string, work func() error, show func()) {
	draft.afterSave(what, func(int64) error { return work() }, func(err error) {
		if err != nil {
			say.showError(fmt.Errorf("%s: %w", what, err))
			return
		}
		show()
	})
}

// closeDialogs takes down every dialog over the editor as its draft
// leaves the screen: a draft's dialogs go with it (see above), and any
// other (Settings, an error) was about the screen that is going away.
func (u *UI) closeDialogs() {
	// A copy: each Hide takes its dialog off the list.
	for _, o := range slices.Clone(u.win.Canvas().Overlays().List()) {
		o.Hide()
	}
}
