package forms

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// MergePlan is a conflict ready to merge field by field: draft ID (their
// save) against the conflict copy CopyID (the user's answers).
type MergePlan struct {
	ID, CopyID int64
	Fields     []MergeField
	// Handle is what Documents needs to apply the merge; the screens
	// pass it back untouched.
	Handle any
}

// MergeField is one answer that differs, in the form's words.
type MergeField struct {
	Field, Label, Group string
	Theirs, Mine        string
	// ChangedBy is "you", "them" or "both" since what the user started
	// from; "" when not known.
	ChangedBy string
	TakeMine  bool // the suggestion: the user's answer where only they changed it
}

// The choice each differing field offers.
const (
	mergeTheirs = "Keep theirs"
	mergeMine   = "Take yours"
)

func changedByText(who string) string {
	switch who {
	case "you":
		return "Only you changed this."
	case "them":
		return "Only they changed this."
	case "both":
		return "You both changed this."
	}
	return "Who changed this is not known."
}

func orBlank(s string) string {
	if s == "" {
		return "(blank)"
	}
	return s
}

// askMerge reads the fields that differ off the UI goroutine and shows
// them; conflictErr is the conflict being resolved, asked again on Back.
func (e *editor) askMerge(conflictErr error, copyID int64) {
	session, id, opened, docs := e.session, e.id, e.saver.Opened(), e.ui.opts.Documents
	go func() {
		plan, err := docs.MergeConflict(id, copyID, &opened)
		e.ui.opts.Do(func() {
			if !e.live(session) {
				return
			}
			if err != nil {
				e.askConflict(conflictErr)
				e.ui.showError(fmt.Errorf("the answers cannot be compared: %w", err))
				return
			}
			e.showMerge(conflictErr, plan)
		})
	}()
}

// showMerge lists each answer that differs with a choice of theirs or
// the user's, and saves the choices as a new version over theirs.
func (e *editor) showMerge(conflictErr error, plan MergePlan) {
	session := e.session
	rows := container.NewVBox()
	choices := make([]*widget.RadioGroup, len(plan.Fields))
	for i, f := range plan.Fields {
		title := widget.NewLabelWithStyle(f.Label+" ("+f.Group+")", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		values := widget.NewLabel("Theirs: " + orBlank(f.Theirs) + "\nYours: " + orBlank(f.Mine) + "\n" + changedByText(f.ChangedBy))
		values.Wrapping = fyne.TextWrapWord
		choices[i] = widget.NewRadioGroup([]string{mergeTheirs, mergeMine}, nil)
		choices[i].Horizontal, choices[i].Required = true, true
		choices[i].SetSelected(mergeTheirs)
		if f.TakeMine {
			choices[i].SetSelected(mergeMine)
		}
		rows.Add(container.NewVBox(title, values, choices[i], widget.NewSeparator()))
	}
	intro := widget.NewLabel(fmt.Sprintf("%d answer(s) differ between their version and yours. Choose whose to keep for each: "+
		"the result is saved over their version as a new version in History. Your conflict copy, draft %d, stays as it is.", len(plan.Fields), plan.CopyID))
	intro.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomWithoutButtons("Merge field by field", container.NewBorder(intro, nil, nil, nil, container.NewVScroll(rows)), e.ui.win)
	back := func() {
		d.Hide()
		e.askConflict(conflictErr)
	}
	save := widget.NewButton("Save merged answers", func() {
		d.Hide()
		var mine []string
		for i, c := range choices {
			if c.Selected == mergeMine {
				mine = append(mine, plan.Fields[i].Field)
			}
		}
		e.applyMerge(session, conflictErr, plan, mine)
	})
	save.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Back", back), save})
	d.Resize(fyne.NewSize(640, 520))
	e.ui.guard.showWithEscape(d, back)
}

// applyMerge saves the merge off the UI goroutine, then shows the merged
// draft; a failure (their version moved on again) goes back to the choice.
func (e *editor) applyMerge(session int, conflictErr error, plan MergePlan, mine []string) {
	docs := e.ui.opts.Documents
	go func() {
		msg, err := docs.ApplyMerge(plan, mine)
		e.ui.opts.Do(func() {
			if !e.live(session) {
				return
			}
			if err != nil {
				e.askConflict(conflictErr)
				e.ui.showError(fmt.Errorf("the merge was not saved: %w", err))
				return
			}
			// The saver holds nothing it may still write: it is in conflict.
			e.ui.closeEditor()
			if err := e.ui.openDraft(plan.ID, func() { e.ui.inform("Merged", msg) }); err != nil {
				e.ui.showError(err)
			}
		})
	}()
}
