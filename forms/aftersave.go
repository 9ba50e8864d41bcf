package forms

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Actions that need the answers in the library first (close, save version,
// history, export…) wait for the saver without blocking the UI goroutine:
// SQLite may wait seconds for a lock another process holds, and a window
// that stops drawing looks crashed. The wait shows a modal dialog, so the
// user can neither type into the draft nor start a second action meanwhile.

// busyDelay is how long a wait may take before its dialog appears: most
// saves take a fraction of a millisecond, and a dialog flashing up for
// each one would be noise.
const busyDelay = 150 * time.Millisecond

// showBusy shows a modal dialog saying msg unless the returned hide is
// called within busyDelay. Both run on the UI goroutine.
func (u *UI) showBusy(msg string) (hide func()) {
	var d dialog.Dialog
	finished := false
	timer := time.AfterFunc(u.busyDelay, func() {
		u.opts.Do(func() {
			if finished {
				return
			}
			d = dialog.NewCustomWithoutButtons("Please wait", container.NewVBox(
				widget.NewLabel(msg), widget.NewProgressBarInfinite()), u.win)
			d.Show()
		})
	})
	return func() {
		finished = true
		timer.Stop()
		if d != nil {
			d.Hide()
		}
	}
}

// flushThen saves the editor's answers off the UI goroutine, behind a
// "Saving your changes…" dialog when that takes a while, then runs done on
// the UI goroutine with the version of the answers on screen, or with the
// error that kept them from the library (they stay held and the saver
// keeps retrying). It does nothing while another wait is under way. A
// window close asked for meanwhile wins over done (forClose: done is that
// close), and done does not run once the editor has been closed.
func (e *editor) flushThen(forClose bool, done func(version int64, err error)) {
	u := e.ui
	if u.busy {
		return // the dialog of the wait under way says so
	}
	if !e.saver.Dirty() {
		// Nothing held and no write under way: the library has what is on
		// screen, so there is nothing to wait for.
		done(e.saver.Version(), nil)
		return
	}
	u.busy = true
	hide := u.showBusy("Saving your changes…")
	session := e.session
	e.saver.FlushThen(func(version int64, err error) {
		hide()
		u.busy = false
		wanted := u.closeWanted
		u.closeWanted = false
		if wanted && !forClose {
			u.close()
			return
		}
		if !e.live(session) {
			return
		}
		done(version, err)
	})
}

// afterSave runs an action that needs the answers in the library: it
// saves them (flushThen), then runs work off the UI goroutine, with the
// dialog still up if it shows, and then next on the UI goroutine with
// work's error. If saving fails, the error is shown prefixed by what, the
// answers stay held, and neither work nor next runs. work may be nil.
func (e *editor) afterSave(what string, work func(version int64) error, next func(error)) {
	u := e.ui
	e.flushThen(false, func(version int64, err error) {
		if err != nil {
			u.showError(fmt.Errorf("%s: %w", what, err))
			return
		}
		if work == nil {
			next(nil)
			return
		}
		e.inBackground(func() error { return work(version) }, next)
	})
}

// inBackground runs work off the UI goroutine, behind the busy dialog when
// it takes a while, then next on the UI goroutine with its error, unless
// the editor was closed meanwhile.
func (e *editor) inBackground(work func() error, next func(error)) {
	u := e.ui
	if u.busy {
		return
	}
	u.busy = true
	hide := u.showBusy("Working…")
	session := e.session
	go func() {
		err := work()
		u.opts.Do(func() {
			hide()
			u.busy = false
			if u.closeWanted {
				u.closeWanted = false
				u.close()
				return
			}
			if !e.live(session) {
				return
			}
			next(err)
		})
	}()
}

// leaveEditor saves and stops the open editor, then runs then on the UI
// goroutine. If the answers cannot be saved the editor stays open and says
// why; then does not run.
func (u *UI) leaveEditor(then func()) {
	e := u.editor
	if e == nil {
		then()
		return
	}
	e.flushThen(false, func(_ int64, err error) {
		if err != nil {
			u.showError(fmt.Errorf("Your latest changes could not be saved, so the draft stays open: %w", err))
			return
		}
		u.closeEditor()
		then()
	})
}

// closeEditor stops the open editor, whose answers are saved (or in
// conflict, with nothing it may write), takes down the dialogs opened for
// its draft (showndraft.go), and keeps it to show the next draft in
// (editor.open).
func (u *UI) closeEditor() {
	if u.editor == nil {
		return
	}
	u.closeDialogs()
	u.editor.stop()
	u.kept = u.editor
	u.editor = nil
}

// close is the window's close intercept and File ▸ Close. The window
// closes once the answers are saved, or when the user chooses to close
// without them; a save still under way is waited for, never cut short.
func (u *UI) close() {
	switch {
	case u.closeAsk != nil:
		return // the question is on screen
	case u.busy:
		u.closeWanted = true // close when the wait under way ends
		return
	case u.editor == nil:
		u.quit()
		return
	}
	e := u.editor
	e.flushThen(true, func(_ int64, err error) {
		if err != nil {
			u.askCloseAnyway(e, err)
			return
		}
		u.finishClose()
	})
}

// askCloseAnyway asks whether to close and lose the answers that could
// not be saved. The saver keeps retrying meanwhile: when a retry succeeds
// the question is moot, so saveRecovered takes it down and closes.
func (u *UI) askCloseAnyway(e *editor, err error) {
	msg := widget.NewLabel(fmt.Sprintf("Your latest changes could not be saved:\n%v\n\n"+
		"Pactwright keeps trying while this question is open, and closes by itself once they are saved.\n\n"+
		"Close anyway and lose them?", err))
	msg.Wrapping = fyne.TextWrapWord
	session := e.session
	var d dialog.Dialog
	d = dialog.NewCustomConfirm("Changes not saved", "Close and lose them", "Keep editing", msg, func(closeAnyway bool) {
		if u.closeAsk != d {
			return // taken down by saveRecovered
		}
		u.closeAsk = nil
		if !e.live(session) {
			return
		}
		switch {
		case !closeAnyway:
		case !e.saver.Dirty():
			u.finishClose() // a retry succeeded meanwhile: nothing is lost
		default:
			e.abandon()
			u.editor = nil
			u.quit()
		}
	}, u.win)
	d.Resize(fyne.NewSize(540, 300))
	u.closeAsk = d
	d.Show()
}

// saveRecovered runs when the editor's answers reach the library: a
// pending "close and lose them?" question no longer applies, so the
// window closes as the user asked, with nothing lost.
func (u *UI) saveRecovered(e *editor) {
	if u.closeAsk == nil || u.editor != e {
		return
	}
	d := u.closeAsk
	u.closeAsk = nil
	d.Hide()
	u.finishClose()
}

// finishClose stops the saved editor and closes the window.
func (u *UI) finishClose() {
	u.closeEditor()
	u.quit()
}
