package forms

import (
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/answers"
	"pactwright/app/check"
)

// buildTab makes the form of clause group gi the first time it is needed:
// when its tab is selected, a checklist row or finding jumps into it, or
// the forms are built ahead once the editor shows (buildahead.go). Not up
// front: the editor would take that much longer to open.
func (e *editor) buildTab(gi int) {
	if gi < 0 || gi >= len(e.built) || e.built[gi] {
		return
	}
	e.built[gi] = true
	g := &e.t.Groups[gi]
	// The form's rows are culled outside the view (cull.go): on a first
	// visit only the fields near the top are painted.
	cull := e.cullers[gi]
	if g.Intro != "" {
		intro := widget.NewLabel(g.Intro)
		intro.Wrapping = fyne.TextWrapWord
		intro.TextStyle = fyne.TextStyle{Italic: true}
		cull.add(intro)
	}
	win := func() fyne.Window { return e.ui.win }
	for fi := range g.Fields {
		f := &g.Fields[fi]
		fv := newFieldView(f, win, e.edit)
		fv.onFocus = func() { e.scrollIntoView(gi, fv.row) }
		fv.load(e.d.Answers[f.ID])
		e.fields[f.ID] = fv
		e.showField(f.ID, fv)
		fv.row = cull.add(fv.box)
	}
	e.addMarket(gi, cull)
	if g.ID == "service_levels" {
		cull.add(widget.NewButton("Work out a month's service credits…", e.showCredits))
	}
	e.reviewBars[gi] = e.newReviewBar(gi)
	e.showReview(gi)
	cull.add(e.reviewBars[gi].box)
	e.scrolls[gi].Content = container.NewPadded(cull.box)
	e.scrolls[gi].Refresh()
}

// showField shows or hides a field by its condition and shows its problem.
func (e *editor) showField(id string, fv *fieldView) {
	if !e.t.Visible(id, e.d.Answers) {
		if fv.box.Visible() {
			fv.box.Hide()
		}
		return
	}
	if !fv.box.Visible() {
		fv.box.Show()
	}
	fv.setProblem(check.FieldProblem(e.t, e.d.Answers, id))
	fv.setAmended(e.amended(id))
	fv.showSuggestion(!e.d.Answers.Has(id))
}

// amended reports whether field id's answer differs from the signed terms.
func (e *editor) amended(id string) bool {
	return e.inForce != nil && !sameAnswer(e.inForce[id], e.d.Answers[id])
}

// groupAmended reports whether any answer of group gi differs from the
// signed terms.
func (e *editor) groupAmended(gi int) bool {
	if e.inForce == nil {
		return false
	}
	for i := range e.t.Groups[gi].Fields {
		if e.amended(e.t.Groups[gi].Fields[i].ID) {
			return true
		}
	}
	return false
}

// sameAnswer compares two answers as stored (blank equals missing).
func sameAnswer(a, b answers.Value) bool {
	if a.IsBlank() || b.IsBlank() {
		return a.IsBlank() == b.IsBlank()
	}
	return reflect.DeepEqual(a, b)
}

// groupOf is the index of the clause group holding field id, or -1.
func (e *editor) groupOf(id string) int {
	g, ok := e.t.GroupOf(id)
	if !ok {
		return -1
	}
	for gi := range e.t.Groups {
		if &e.t.Groups[gi] == g {
			return gi
		}
	}
	return -1
}

// field returns the view of field id, building its tab if need be.
func (e *editor) field(id string) *fieldView {
	e.buildTab(e.groupOf(id))
	return e.fields[id]
}
