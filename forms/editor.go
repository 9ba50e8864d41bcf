package forms

import (
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"pactwright/app/answers"
	"pactwright/app/check"
	"pactwright/app/draft"
	"pactwright/app/template"
)

// editor is one draft open for editing: a tab per clause group, the side
// panel and the status line. It owns the answers; every widget edit goes
// through edit, which recomputes the checklist and queues a save.
type editor struct {
	ui     *UI
	t      *template.Template
	id     int64
	d      draft.Draft
	report check.Report
	signed bool
	// inForce are the signed terms (nil until signed): fields whose answer
	// differs from them are marked, since an amendment will change them.
	inForce answers.Answers

	tabs        *container.AppTabs
	tabItems    []*container.TabItem
	scrolls     []*container.Scroll
	cullers     []*culler             // the rows of each form, culled outside its scroll's view (cull.go)
	built       []bool                // which tabs have their form yet
	reviewBars  []*reviewBar          // per tab, once built
	fields      map[string]*fieldView // the fields of the built tabs
	side        *sidePanel
	preview     *previewText
	sideTabs    *container.AppTabs
	sideArea    *sideArea // the tabs, with the side panel unless put away
	sideButton  *widget.Button
	previewItem *container.TabItem
	status      *widget.Label
	example     *widget.Label // "this is the worked example", while it is
	saver       *saver
	content     fyne.CanvasObject
	lastTab     int
	// warming is set while the kept editor is shown beneath the drafts
	// list until paintProbe reports it painted (warmup.go).
	warming    bool
	paintProbe *canvas.Raster
	// filled is the draft fill put in the widgets ahead of its opening.
	filled filledWith
	// session counts the drafts this editor has shown (open), so that a
	// result still on its way for an earlier one is dropped (live).
	session int

	market *marketView // market-position lines of the built tabs

	previewTimer *time.Timer
	previewGen   atomic.Int64
}

// newEditor builds the editor's widgets, blank: open shows a draft in them.
func newEditor(u *UI) *editor {
	e := &editor{ui: u, t: u.t, fields: map[string]*fieldView{}, d: draft.Draft{Answers: answers.Answers{}}}
	e.status = widget.NewLabel("Saved")
	e.status.Truncation = fyne.TextTruncateEllipsis
	// Tabs are filled on first view (buildTab), or ahead of it in idle
	// turns when Options.BuildAhead is set (buildahead.go).
	for gi := range e.t.Groups {
		scroll := container.NewVScroll(container.NewVBox())
		cull := newCuller(scroll)
		heading := widget.NewLabelWithStyle(e.t.Groups[gi].Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		heading.Wrapping = fyne.TextWrapWord
		item := container.NewTabItem(shortGroupName(e.t.Groups[gi].Name),
			newQuietTab(container.NewBorder(heading, nil, nil, nil, container.NewStack(newWheelScroll(scroll), cull.watch()))))
		e.tabItems = append(e.tabItems, item)
		e.scrolls = append(e.scrolls, scroll)
		e.cullers = append(e.cullers, cull)
	}
	// One call with every tab: each Append re-draws the whole tab strip,
	// and Fyne decodes an icon's SVG for every tab button each time.
	e.tabs = container.NewAppTabs(e.tabItems...)
	// Nine clause groups do not fit across the top at 1280 px; down the side
	// they all show, with their status. The tabs carry short names so the
	// list leaves an 800 px window room for the form; the form's heading
	// above it gives the full name.
	e.tabs.SetTabLocation(container.TabLocationLeading)
	e.built = make([]bool, len(e.t.Groups))
	e.reviewBars = make([]*reviewBar, len(e.t.Groups))
	e.tabs.OnSelected = func(*container.TabItem) {
		e.buildTab(e.tabs.SelectedIndex())
		// Leaving a tab is a natural point to save.
		if e.tabs.SelectedIndex() != e.lastTab {
			e.lastTab = e.tabs.SelectedIndex()
			e.saver.SaveSoon()
		}
	}
	// A jump from the panel opened over the form puts it away, to show the field.
	e.side = newSidePanel(e.t, func(id string) { e.sideArea.closeOver(); e.jump(id) })
	e.side.accept = e.askAcceptRisk
	e.side.withdraw = e.withdrawRisk
	e.sideArea = newSideArea(e.tabs, e.newSideTabs(), !u.opts.App.Preferences().Bool(prefSideHidden))
	e.sideArea.onSeen = e.sideShownOrHidden
	back := widget.NewButton("← All drafts", func() { u.ShowBrowser() })
	back.Importance = widget.LowImportance
	e.sideButton = widget.NewButton("", e.toggleSidePanel)
	e.sideButton.Importance = widget.LowImportance
	e.showSideButton()
	e.paintProbe = newPaintProbe(func() { go u.opts.Do(func() { u.warmedUp(e) }) })
	bottom := container.NewBorder(nil, nil, container.NewHBox(e.paintProbe, back), e.sideButton, e.status)
	e.example = widget.NewLabel("This is the worked example: its parties and terms are made up. " +
		"Enter your own customer and provider in Parties & Term to make it your agreement.")
	e.example.Wrapping = fyne.TextWrapWord
	e.example.Importance = widget.WarningImportance
	e.example.Hide()
	e.content = container.NewBorder(e.example, bottom, nil, nil, e.sideArea)
	e.recompute()
	return e
}

// open shows draft sd: its answers in the forms, its checklist, a saver
// of its own. The editor is made before the first draft opens
// (UI.prepareEditor) and kept when the user leaves it (UI.closeEditor)
// for the next draft: forms already built and laid out take the new
// answers in milliseconds, where building them anew was a visible wait.
// Whatever belonged to the draft shown before is replaced here, and
// results still on their way for it are dropped (live).
func (e *editor) open(sd StoredDraft) {
	e.session++
	if e.filled != filledFrom(sd) {
		e.fill(sd)
	}
	e.filled = filledWith{}
	e.status.SetText("Saved")
	e.status.Importance = widget.MediumImportance
	session := e.session
	e.saver = newSaver(e.ui.opts.Store, sd, e.ui.opts.SaveDelay, e.ui.opts.Do, func(st saveState) {
		if e.live(session) {
			e.showSaveState(st)
		}
	})
	e.sideArea.closeOver()
	e.preview.SetText("")
	if e.previewShown() {
		e.startPreview()
	}
}

// fill puts draft sd into the widgets: its answers, checklist, tab labels,
// and the first group and the checklist scrolled to the top. It is all of
// opening but the saving, so it can run ahead, while the drafts list
// shows sd selected (readyfor.go); open then finds it done.
func (e *editor) fill(sd StoredDraft) {
	e.id = sd.ID
	e.d = sd.Content.Clone()
	if e.d.Answers == nil {
		e.d.Answers = answers.Answers{}
	}
	e.signed = sd.SignedRevision > 0
	e.inForce = nil
	if sd.Signed != nil {
		e.inForce = sd.Signed.Answers
	}
	for id, fv := range e.fields {
		fv.load(e.d.Answers[id])
	}
	e.recompute()
	for gi, c := range e.cullers {
		if e.built[gi] {
			c.scrollTo(0)
		}
	}
	e.side.rows.scrollTo(0)
	e.lastTab = 0
	e.tabs.SelectIndex(0)
	e.buildTab(0)
	e.filled = filledFrom(sd)
}

// filledWith names the stored draft, at one version, that fill put in
// the widgets; zero once a draft is open, whose answers move on.
type filledWith struct {
	id, version    int64
	signedRevision int
}

func filledFrom(sd StoredDraft) filledWith {
	return filledWith{sd.ID, sd.Version, sd.SignedRevision}
}

// live reports whether the editor still shows the draft it showed in
// session: a result that arrives for an earlier draft, or after the editor
// was closed, must not land on the one on screen now.
func (e *editor) live(session int) bool { return e.ui.editor == e && e.session == session }

// edit records one field's new value; called by the field widgets.
func (e *editor) edit(id string, v answers.Value) {
	f := e.fields[id].field
	v = v.Clean(f.Kind == template.LongText)
	before := e.d.Answers.Text(id)
	beforeParties := [2]string{e.d.Answers.Text("customer_name"), e.d.Answers.Text("provider_name")}
	if v.IsBlank() {
		delete(e.d.Answers, id)
	} else {
		e.d.Answers[id] = v
	}
	if id == "agreement_title" {
		e.followTitle(before, v.Text)
	}
	if id == "customer_name" || id == "provider_name" {
		e.followParties(partiesTitle(beforeParties))
	}
	e.recompute()
	e.saver.Changed(e.snapshot())
	if e.previewShown() {
		e.schedulePreview()
	}
}

func (e *editor) snapshot() draft.Draft {
	return e.d.Clone()
}

// recompute refreshes everything derived from the answers: visibility,
// inline messages, tab labels and the side panel.
func (e *editor) recompute() {
	e.report = check.ForDraft(e.t, e.d)
	for id, fv := range e.fields {
		e.showField(id, fv)
	}
	relabel := false
	for gi, g := range e.report.Groups {
		label := shortGroupName(e.t.Groups[gi].Name)
		switch {
		case g.Status == check.Complete || g.Status == check.NotApplicable:
			label += " ✓"
		case g.Status == check.ToReview:
			// Complete but not confirmed. Short: a longer label widens
			// the tab strip and narrows every form.
			label += " ?"
		case g.Missing > 0:
			label += fmt.Sprintf(" (%d)", g.Missing)
		}
		e.showReview(gi)
		if e.groupAmended(gi) {
			label += " · amended"
		}
		if e.tabItems[gi].Text != label {
			e.tabItems[gi].Text = label
			relabel = true
		}
	}
	if relabel { // once: each refresh lays out the whole tab strip
		e.tabs.Refresh()
	}
	e.side.update(&e.report)
	e.refreshMarket()
	if isExample := draft.IsExample(e.d.Answers); isExample != e.example.Visible() {
		if isExample {
			e.example.Show()
		} else {
			e.example.Hide()
		}
	}
}

// shortGroupName is a clause group's name on its tab: the part before
// " & " ("Confidentiality & Data Security" is "Confidentiality"), short
// enough that the tab list leaves a small window room for the form.
func shortGroupName(name string) string {
	short, _, _ := strings.Cut(name, " & ")
	return short
}

// jump switches to the tab holding field id, scrolls it into view and focuses it.
func (e *editor) jump(id string) {
	gi := e.groupOf(id)
	if gi < 0 {
		return
	}
	e.buildTab(gi)
	e.tabs.SelectIndex(gi)
	fv := e.fields[id]
	// Culled rows come back first: a hidden field cannot take the focus.
	e.cullers[gi].scrollTo(fv.row.Position().Y)
	if fv.focus != nil {
		e.ui.win.Canvas().Focus(fv.focus)
	}
}

// showSaveState shows how saving goes; the saver's reports reach it only
// while its draft is on screen (open).
func (e *editor) showSaveState(st saveState) {
	switch {
	case st.Conflict:
		e.status.SetText("Not saved: another window changed this draft.")
		e.status.Importance = widget.DangerImportance
		e.askConflict(st.Err)
	case st.Err != nil:
		e.status.SetText("Not saved yet (will retry; your answers are kept): " + st.Err.Error())
		e.status.Importance = widget.DangerImportance
	case st.Saving || st.Pending:
		e.status.SetText("Saving…")
		e.status.Importance = widget.MediumImportance
	default:
		e.status.SetText("Saved")
		e.status.Importance = widget.SuccessImportance
		e.ui.saveRecovered(e)
	}
	e.status.Refresh()
}

func (e *editor) askConflict(err error) {
	session := e.session
	d := dialog.NewCustomWithoutButtons("Draft changed elsewhere", conflictBody(err), e.ui.win)
	choose := func(label string, then func()) *widget.Button {
		return widget.NewButton(label, func() {
			d.Hide()
			if e.live(session) {
				then()
			}
		})
	}
	buttons := []fyne.CanvasObject{
		choose("Keep my version", e.saver.Overwrite),
		choose("Load their version", func() {
			// The saver holds nothing it may still write: it is in conflict.
			e.ui.closeEditor()
			if err := e.ui.OpenDraft(e.id); err != nil {
				e.ui.showError(err)
			}
		}),
	}
	var c *Conflict
	if errors.As(err, &c) && c.CopyID != 0 {
		buttons = append(buttons, choose("Merge…", func() { e.askMerge(err, c.CopyID) }))
	}
	d.SetButtons(buttons)
	// Every answer decides what happens to someone's changes, so none is
	// left to Escape, which closes other dialogs by their dismiss button.
	d.Resize(conflictSize)
	e.ui.guard.showWithEscape(d, func() {})
}

// placeholderTitle is what a blank agreement is called until the user
// gives it a title.
const placeholderTitle = "New agreement"

// followTitle keeps the draft's name (in the list and the window title)
// equal to the agreement's title as the user types it, unless the draft
// was renamed to something else, which the user chose on purpose.
func (e *editor) followTitle(before, after string) {
	after = strings.TrimSpace(after)
	cur := e.d.Title
	if after == "" || (cur != "" && cur != placeholderTitle && cur != strings.TrimSpace(before)) {
		return
	}
	e.d.Title = after
	e.updateTitle()
}

// followParties names a draft still called "New agreement" after its
// parties once the user names them ("Brightside Ltd and Northpoint Ltd"),
// and keeps that name up to date while it is the one the parties gave
// (before), so that no two new drafts share one name in the list.
func (e *editor) followParties(before string) {
	cur := e.d.Title
	after := partiesTitle([2]string{e.d.Answers.Text("customer_name"), e.d.Answers.Text("provider_name")})
	if after == "" || (cur != placeholderTitle && cur != before) {
		return
	}
	e.d.Title = after
	e.updateTitle()
}

// partiesTitle names an agreement after its parties, customer first, or
// after the one named so far; "" while neither is.
func partiesTitle(parties [2]string) string {
	var named []string
	for _, p := range parties {
		if p = strings.TrimSpace(p); p != "" {
			named = append(named, p)
		}
	}
	return strings.Join(named, " and ")
}

func (e *editor) updateTitle() {
	title := e.d.Title
	if title == "" {
		title = "Untitled agreement"
	}
	e.ui.win.SetTitle("Pactwright — " + title)
}

// stop ends background work; callers flush first (flushThen).
func (e *editor) stop() {
	e.stopPreview()
	e.saver.Stop()
}

// abandon is stop for answers the user chose to lose: it does not wait
// for a write that may be stuck on a locked library.
func (e *editor) abandon() {
	e.stopPreview()
	e.saver.StopSoon()
}

func (e *editor) stopPreview() {
	if e.previewTimer != nil {
		e.previewTimer.Stop()
	}
	e.previewGen.Add(1)
}

// reload re-reads the draft from the store (after a restore).
func (e *editor) reload() {
	e.ui.closeEditor()
	if err := e.ui.OpenDraft(e.id); err != nil {
		e.ui.showError(err)
	}
}
