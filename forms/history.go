package forms

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// historyView is the History dialog's widgets, held so tests can drive it.
type historyView struct {
	list    *widget.List
	diff    *widget.Label
	restore *widget.Button
}

func (e *editor) showHistory() { e.openHistory(nil) }

// openHistory lists revisions; selecting one shows what changed since it,
// and Restore brings it back (the current state is kept as a revision by
// the library). The answers are saved and the history read off the UI
// goroutine; then, if set, gets the dialog's widgets once it shows.
func (e *editor) openHistory(then func(*historyView)) {
	var revs []Revision
	store, id := e.ui.opts.Store, e.id
	e.afterSave("history", func(int64) (err error) {
		revs, err = store.History(id)
		return err
	}, func(err error) {
		if err != nil {
			e.ui.showError(fmt.Errorf("history: %w", err))
			return
		}
		hv := e.historyDialog(revs)
		if then != nil {
			then(hv)
		}
	})
}

// historyDialog shows the History dialog for revs.
func (e *editor) historyDialog(revs []Revision) *historyView {
	diff := newDiffView("Select a version to see what has changed since.")
	selected := -1
	var dlg dialog.Dialog
	restore := widget.NewButton("Restore this version", func() {
		if selected < 0 {
			return
		}
		r := revs[selected]
		dialog.ShowConfirm("Restore version", fmt.Sprintf("Replace the current answers with version %d? The current answers stay in the history.", r.Number), func(ok bool) {
			if !ok {
				return
			}
			e.inBackground(func() error { return e.ui.opts.Store.RestoreRevision(e.id, r.Number) }, func(err error) {
				if err != nil {
					e.ui.showError(fmt.Errorf("restore version %d: %w", r.Number, err))
					return
				}
				dlg.Hide()
				e.reload()
			})
		}, e.ui.win)
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
		ch, err := e.ui.opts.Store.Diff(e.id, revs[i].Number, 0)
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
	dlg = dialog.NewCustom("History", "Close", body, e.ui.win)
	dlg.Resize(fyne.NewSize(900, 560))
	dlg.Show()
	return &historyView{list: list, diff: diff.text, restore: restore}
}
