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

// compareStore is the part of the library Compare with… and Compare with
// signed use.
type compareStore interface {
	History(id int64) ([]Revision, error)
	Get(id int64) (StoredDraft, error)
	// Diff lists what differs from revision from to revision to (0: the working copy).
	Diff(id int64, from, to int) ([]Change, error)
	DiffSigned(id int64) ([]Change, error)
}

// compareDialog shows what changed between two versions of one draft:
// any two the user picks (Compare with…), or the signed version and the
// answers on screen (Compare with signed).
type compareDialog struct {
	win   fyne.Window
	store compareStore
	id    int64 // the draft it was opened for
	draft draftTasks
	say   messages
}

// compareView is the Compare with… dialog's widgets, held so tests can drive it.
type compareView struct {
	from, to *widget.Select
	diff     *diffView
}

func (e *editor) compareDialog() *compareDialog {
	s := e.shown()
	return &compareDialog{win: e.ui.win, store: e.ui.opts.Store, id: s.id, draft: s, say: e.ui}
}

func (e *editor) showCompare()   { e.compareDialog().open(nil) }
func (e *editor) compareSigned() { e.compareDialog().openSigned() }

// open lets the user pick any two versions, saved revisions or the
// working copy, and shows what changed from the first to the second. It
// starts from the signed version (else the newest revision) to the
// working copy. The answers are saved and the history read off the UI
// goroutine; then, if set, gets the dialog's widgets once it shows (not
// when there is nothing to compare).
func (d *compareDialog) open(then func(*compareView)) {
	var (
		revs   []Revision
		signed int
	)
	saveThenShow(d.draft, d.say, "compare", func() (err error) {
		if revs, err = d.store.History(d.id); err != nil {
			return err
		}
		if sd, err := d.store.Get(d.id); err == nil {
			signed = sd.SignedRevision
		}
		return nil
	}, func() {
		if len(revs) == 0 {
			d.say.inform("Nothing to compare yet", "This draft has no saved versions, only the answers you are editing. "+
				"Use File → Save version… (Ctrl+S) to keep one; exporting a PDF and marking it signed keep one too.")
			return
		}
		cv := d.show(revs, signed)
		if then != nil {
			then(cv)
		}
	})
}

// show shows the Compare versions dialog for revs, starting from the
// signed revision if there is one.
func (d *compareDialog) show(revs []Revision, signed int) *compareView {
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
		ch, err := d.store.Diff(d.id, a, b)
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
	dlg := dialog.NewCustom("Compare versions", "Close", container.NewBorder(top, nil, nil, nil, v.diff.content), d.win)
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

// openSigned shows every change since the signed version.
func (d *compareDialog) openSigned() {
	var ch []Change
	saveThenShow(d.draft, d.say, "compare with signed", func() (err error) {
		ch, err = d.store.DiffSigned(d.id)
		return err
	}, func() { d.showSigned(ch) })
}

// showSigned shows the changes since the signed version.
func (d *compareDialog) showSigned(ch []Change) {
	diff := newDiffView("")
	diff.show("", ch, nil)
	dlg := dialog.NewCustom("Changes since the signed version", "Close", diff.content, d.win)
	dlg.Resize(fyne.NewSize(760, 520))
	dlg.Show()
}
