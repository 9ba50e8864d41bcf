package forms

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// workingCopy is how Compare with… names the answers being edited, which
// the store calls revision 0.
const workingCopy = "Current answers (working copy)"

// compareView is the Compare with… dialog's widgets, held so tests can drive it.
type compareView struct {
	from, to *widget.Select
	diff     *diffView
}

func (e *editor) showCompare() { e.openCompare(nil) }

// openCompare lets the user pick any two versions, saved revisions or the
// working copy, and shows what changed from the first to the second. It
// starts from the signed version (else the newest revision) to the
// working copy. The answers are saved and the history read off the UI
// goroutine; then, if set, gets the dialog's widgets once it shows (not
// when there is nothing to compare).
func (e *editor) openCompare(then func(*compareView)) {
	var (
		revs   []Revision
		signed int
	)
	store, id := e.ui.opts.Store, e.id
	e.afterSave("compare", func(int64) (err error) {
		if revs, err = store.History(id); err != nil {
			return err
		}
		if sd, err := store.Get(id); err == nil {
			signed = sd.SignedRevision
		}
		return nil
	}, func(err error) {
		if err != nil {
			e.ui.showError(fmt.Errorf("compare: %w", err))
			return
		}
		if len(revs) == 0 {
			e.ui.inform("Nothing to compare yet", "This draft has no saved versions, only the answers you are editing. "+
				"Use File → Save version… (Ctrl+S) to keep one; exporting a PDF and marking it signed keep one too.")
			return
		}
		cv := e.compareDialog(revs, signed)
		if then != nil {
			then(cv)
		}
	})
}

// compareDialog shows the Compare versions dialog for revs, starting from
// the signed revision if there is one.
func (e *editor) compareDialog(revs []Revision, signed int) *compareView {
	options := []string{workingCopy}
	number := map[string]int{workingCopy: 0}
	for _, r := range revs {
		label := revisionLabel(r, 40)
		options = append(options, label)
		number[label] = r.Number
	}
	v := &compareView{diff: newDiffView("")}
	update := func(string) {
		if v.from == nil || v.to == nil || v.from.Selected == "" || v.to.Selected == "" {
			return
		}
		a, b := number[v.from.Selected], number[v.to.Selected]
		if a == b {
			v.diff.say("Choose two different versions to see what changed between them.")
			return
		}
		ch, err := e.ui.opts.Store.Diff(e.id, a, b)
		v.diff.show(fmt.Sprintf("What changed from %s to %s:", versionName(a), versionName(b)), ch, err)
	}
	v.from = widget.NewSelect(options, update)
	v.to = widget.NewSelect(options, update)
	start := options[1] // the newest revision: History lists newest first
	if signed > 0 {
		if i := slices.IndexFunc(revs, func(r Revision) bool { return r.Number == signed }); i >= 0 {
			start = options[i+1]
		}
	}
	v.from.SetSelected(start)
	v.to.SetSelected(workingCopy)
	swap := widget.NewButton("Swap", func() {
		// Set both, then compare once: SetSelected would compare twice.
		v.from.Selected, v.to.Selected = v.to.Selected, v.from.Selected
		v.from.Refresh()
		v.to.Refresh()
		update("")
	})
	pick := widget.NewForm(widget.NewFormItem("From", v.from), widget.NewFormItem("To", v.to))
	top := container.NewBorder(nil, widget.NewSeparator(), nil, container.NewCenter(swap), pick)
	dlg := dialog.NewCustom("Compare versions", "Close", container.NewBorder(top, nil, nil, nil, v.diff.content), e.ui.win)
	dlg.Resize(fyne.NewSize(900, 560))
	dlg.Show()
	return v
}

// versionName names a version in a sentence.
func versionName(n int) string {
	if n == 0 {
		return "the current answers"
	}
	return fmt.Sprintf("version %d", n)
}

// compareSigned shows every change since the signed version.
func (e *editor) compareSigned() {
	var ch []Change
	store, id := e.ui.opts.Store, e.id
	e.afterSave("compare with signed", func(int64) (err error) {
		ch, err = store.DiffSigned(id)
		return err
	}, func(err error) {
		if err != nil {
			e.ui.showError(fmt.Errorf("compare with signed: %w", err))
			return
		}
		e.signedChanges(ch)
	})
}

// signedChanges shows the changes since the signed version.
func (e *editor) signedChanges(ch []Change) {
	diff := newDiffView("")
	diff.show("", ch, nil)
	dlg := dialog.NewCustom("Changes since the signed version", "Close", diff.content, e.ui.win)
	dlg.Resize(fyne.NewSize(760, 520))
	dlg.Show()
}
