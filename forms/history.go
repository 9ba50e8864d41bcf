package forms

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// formatChanges groups changes by clause group as "Label: old → new".
func formatChanges(changes []Change) string {
	if len(changes) == 0 {
		return "No differences."
	}
	var b strings.Builder
	group := ""
	for _, c := range changes {
		if c.Group != group {
			if group != "" {
				b.WriteString("\n")
			}
			group = c.Group
			b.WriteString(group + "\n")
		}
		old, nw := c.Old, c.New
		if old == "" {
			old = "(blank)"
		}
		if nw == "" {
			nw = "(blank)"
		}
		fmt.Fprintf(&b, "  %s: %s → %s\n", c.Label, oneLine(old), oneLine(nw))
	}
	return b.String()
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", ", ") }

// historyView is the History dialog's widgets, held so tests can drive it.
type historyView struct {
	list    *widget.List
	diff    *widget.Label
	restore *widget.Button
}

func (e *editor) showHistory() { e.openHistory() }

// openHistory lists revisions; selecting one shows what changed since it,
// and Restore brings it back (the current state is kept as a revision by
// the library). It returns nil when the history could not be read.
func (e *editor) openHistory() *historyView {
	if err := e.saver.Flush(); err != nil {
		e.ui.showError(fmt.Errorf("history: %w", err))
		return nil
	}
	revs, err := e.ui.opts.Store.History(e.id)
	if err != nil {
		e.ui.showError(fmt.Errorf("history: %w", err))
		return nil
	}
	diff := widget.NewLabel("Select a version to see what has changed since.")
	diff.Wrapping = fyne.TextWrapWord
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
			if err := e.ui.opts.Store.RestoreRevision(e.id, r.Number); err != nil {
				e.ui.showError(fmt.Errorf("restore version %d: %w", r.Number, err))
				return
			}
			dlg.Hide()
			e.reload()
		}, e.ui.win)
	})
	restore.Disable()
	list := widget.NewList(func() int { return len(revs) },
		func() fyne.CanvasObject { return widget.NewLabel("revision") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			r := revs[i]
			text := fmt.Sprintf("%d · %s · %s", r.Number, r.Kind, r.Created.Local().Format("2 Jan 2006 15:04"))
			if r.Note != "" {
				text += " · " + r.Note
			}
			o.(*widget.Label).SetText(text)
		})
	list.OnSelected = func(i widget.ListItemID) {
		selected = i
		restore.Enable()
		ch, err := e.ui.opts.Store.Diff(e.id, revs[i].Number, 0)
		if err != nil {
			diff.SetText("Could not compare: " + err.Error())
			return
		}
		diff.SetText(fmt.Sprintf("Changes since version %d:\n\n%s", revs[i].Number, formatChanges(ch)))
	}
	var body fyne.CanvasObject
	if len(revs) == 0 {
		body = widget.NewLabel("No saved versions yet. Use File → Save version… (Ctrl+S) to keep one.")
	} else {
		split := container.NewHSplit(list, container.NewBorder(nil, restore, nil, nil, container.NewVScroll(diff)))
		split.Offset = 0.4
		body = split
	}
	dlg = dialog.NewCustom("History", "Close", body, e.ui.win)
	dlg.Resize(fyne.NewSize(900, 560))
	dlg.Show()
	return &historyView{list: list, diff: diff, restore: restore}
}

// compareSigned shows every change since the signed version.
func (e *editor) compareSigned() {
	if err := e.saver.Flush(); err != nil {
		e.ui.showError(fmt.Errorf("compare: %w", err))
		return
	}
	ch, err := e.ui.opts.Store.DiffSigned(e.id)
	if err != nil {
		e.ui.showError(fmt.Errorf("compare with signed: %w", err))
		return
	}
	l := widget.NewLabel(formatChanges(ch))
	l.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustom("Changes since the signed version", "Close", container.NewVScroll(l), e.ui.win)
	dlg.Resize(fyne.NewSize(760, 520))
	dlg.Show()
}
