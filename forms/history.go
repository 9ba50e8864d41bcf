package forms

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// historyStore is the part of the library the History dialog uses.
type historyStore interface {
	History(id int64) ([]Revision, error)
	// Diff lists what differs from revision from to revision to (0: the working copy).
	Diff(id int64, from, to int) ([]Change, error)
	RestoreRevision(id int64, number int) error
}

// historyDialog lists one draft's saved versions; selecting one shows
// what changed since it, and Restore brings it back (the current state is
// kept as a revision by the library).
type historyDialog struct {
	win   fyne.Window
	store historyStore
	id    int64 // the draft it was opened for
	draft draftTasks
	say   messages
	// reload shows the draft again once a version is restored.
	reload func()
}

// historyView is the History dialog's widgets, held so tests can drive it.
type historyView struct {
	list    *widget.List
	diff    *widget.Label
	restore *widget.Button
}

func (e *editor) historyDialog() *historyDialog {
	s := e.shown()
	return &historyDialog{win: e.ui.win, store: e.ui.opts.Store, id: s.id, draft: s, say: e.ui, reload: s.reload}
}

func (e *editor) showHistory() { e.historyDialog().open(nil) }

// open saves the answers and reads the history off the UI goroutine, then
// shows the dialog; then, if set, gets its widgets once it shows.
func (d *historyDialog) open(then func(*historyView)) {
	var revs []Revision
	saveThenShow(d.draft, d.say, "history", func() (err error) {
		revs, err = d.store.History(d.id)
		return err
	}, func() {
		hv := d.show(revs)
		if then != nil {
			then(hv)
		}
	})
}

// show shows the History dialog for revs.
func (d *historyDialog) show(revs []Revision) *historyView {
	diff := newDiffView("Select a version to see what has changed since.")
	selected := -1
	var dlg dialog.Dialog
	restore := widget.NewButton("Restore this version", func() {
		if selected >= 0 && d.draft.onScreen() {
			d.confirmRestore(revs[selected], dlg)
		}
	})
	restore.Disable()
	list := widget.NewList(func() int { return len(revs) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("revision")
			l.Truncation = fyne.TextTruncateEllipsis // the whole line heads the pane on the right
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(revisionLabel(revs[i], 0))
		})
	list.OnSelected = func(i widget.ListItemID) {
		selected = i
		restore.Enable()
		ch, err := d.store.Diff(d.id, revs[i].Number, 0)
		diff.show(fmt.Sprintf("%s\n\nChanges since version %d:", revisionLabel(revs[i], 0), revs[i].Number), ch, err)
	}
	var body fyne.CanvasObject
	if len(revs) == 0 {
		body = widget.NewLabel("No saved versions yet. Use File → Save version… (Ctrl+S) to keep one.")
	} else {
		split := container.NewHSplit(list, container.NewBorder(nil, restore, nil, nil, diff.content))
		split.Offset = 0.4
		body = split
	}
	dlg = dialog.NewCustom("History", "Close", body, d.win)
	dlg.Resize(fyne.NewSize(900, 560))
	dlg.Show()
	return &historyView{list: list, diff: diff.text, restore: restore}
}

// confirmRestore asks before bringing back version r, then restores it
// and shows the draft again, closing the History dialog dlg.
func (d *historyDialog) confirmRestore(r Revision, dlg dialog.Dialog) {
	dialog.ShowConfirm("Restore version", fmt.Sprintf("Replace the current answers with version %d? The current answers stay in the history.", r.Number), func(ok bool) {
		if !ok {
			return
		}
		d.draft.inBackground(func() error { return d.store.RestoreRevision(d.id, r.Number) }, func(err error) {
			if err != nil {
				d.say.showError(fmt.Errorf("restore version %d: %w", r.Number, err))
				return
			}
			dlg.Hide()
			d.reload()
		})
	}, d.win)
}
