package forms

import (
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
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

	tabs     *container.AppTabs
	tabItems []*container.TabItem
	scrolls  []*container.Scroll
	forms    []*fyne.Container
	fields   map[string]*fieldView
	side     *sidePanel
	preview  *widget.Label
	status   *widget.Label
	saver    *saver
	content  fyne.CanvasObject
	lastTab  int

	previewTimer *time.Timer
	previewGen   atomic.Int64
}

func newEditor(u *UI, sd StoredDraft) *editor {
	e := &editor{ui: u, t: u.t, id: sd.ID, d: draft.Draft{Title: sd.Content.Title, Answers: sd.Content.Answers.Clone()}, fields: map[string]*fieldView{}}
	e.signed = sd.SignedRevision > 0
	if e.d.Answers == nil {
		e.d.Answers = answers.Answers{}
	}
	e.status = widget.NewLabel("Saved")
	e.status.Truncation = fyne.TextTruncateEllipsis
	e.tabs = container.NewAppTabs()
	// Nine clause groups do not fit across the top at 1280 px; down the side they all show.
	e.tabs.SetTabLocation(container.TabLocationLeading)
	for gi := range e.t.Groups {
		g := &e.t.Groups[gi]
		form := container.NewVBox()
		if g.Intro != "" {
			intro := widget.NewLabel(g.Intro)
			intro.Wrapping = fyne.TextWrapWord
			intro.TextStyle = fyne.TextStyle{Italic: true}
			form.Add(intro)
		}
		for fi := range g.Fields {
			f := &g.Fields[fi]
			fv := newFieldView(f, func() fyne.Window { return u.win }, e.edit)
			e.fields[f.ID] = fv
			form.Add(fv.box)
		}
		scroll := container.NewVScroll(container.NewPadded(form))
		item := container.NewTabItem(g.Name, scroll)
		e.tabItems = append(e.tabItems, item)
		e.scrolls = append(e.scrolls, scroll)
		e.forms = append(e.forms, form)
		e.tabs.Append(item)
	}
	e.tabs.OnSelected = func(*container.TabItem) {
		// Leaving a tab is a natural point to save.
		if e.tabs.SelectedIndex() != e.lastTab {
			e.lastTab = e.tabs.SelectedIndex()
			e.saver.SaveSoon()
		}
	}
	e.side = newSidePanel(e.t, e.jump)
	e.preview = widget.NewLabel("")
	e.preview.Wrapping = fyne.TextWrapWord
	e.preview.Selectable = true
	side := container.NewAppTabs(
		container.NewTabItem("Checklist", e.side.content),
		container.NewTabItem("Preview", container.NewVScroll(e.preview)),
	)
	split := container.NewHSplit(e.tabs, side)
	split.Offset = 0.72
	back := widget.NewButton("← All drafts", func() { u.ShowBrowser() })
	back.Importance = widget.LowImportance
	bottom := container.NewBorder(nil, nil, back, nil, e.status)
	e.content = container.NewBorder(nil, bottom, nil, nil, split)

	for id, fv := range e.fields {
		fv.load(e.d.Answers[id])
	}
	e.saver = newSaver(u.opts.Store, sd.ID, sd.Version, u.opts.SaveDelay, u.opts.Do, e.showSaveState)
	e.recompute()
	e.schedulePreview()
	return e
}

// edit records one field's new value; called by the field widgets.
func (e *editor) edit(id string, v answers.Value) {
	f := e.fields[id].field
	v = v.Clean(f.Kind == template.LongText)
	if v.IsBlank() {
		delete(e.d.Answers, id)
	} else {
		e.d.Answers[id] = v
	}
	if id == "agreement_title" && strings.TrimSpace(v.Text) != "" && e.d.Title == "" {
		e.d.Title = v.Text
	}
	e.recompute()
	e.saver.Changed(e.snapshot())
	e.schedulePreview()
}

func (e *editor) snapshot() draft.Draft {
	return draft.Draft{Title: e.d.Title, Answers: e.d.Answers.Clone()}
}

// recompute refreshes everything derived from the answers: visibility,
// inline messages, tab labels and the side panel.
func (e *editor) recompute() {
	e.report = check.Check(e.t, e.d.Answers)
	for id, fv := range e.fields {
		if e.t.Visible(id, e.d.Answers) {
			if !fv.box.Visible() {
				fv.box.Show()
			}
			fv.setProblem(check.FieldProblem(e.t, e.d.Answers, id))
		} else if fv.box.Visible() {
			fv.box.Hide()
		}
	}
	for gi, g := range e.report.Groups {
		label := e.t.Groups[gi].Name
		switch {
		case g.Status == check.Complete || g.Status == check.NotApplicable:
			label += " ✓"
		case g.Missing > 0:
			label += fmt.Sprintf(" (%d)", g.Missing)
		}
		if e.tabItems[gi].Text != label {
			e.tabItems[gi].Text = label
			e.tabs.Refresh()
		}
	}
	e.side.update(&e.report)
}

// jump switches to the tab holding field id, scrolls it into view and focuses it.
func (e *editor) jump(id string) {
	fv, ok := e.fields[id]
	if !ok {
		return
	}
	for gi := range e.t.Groups {
		for _, f := range e.t.Groups[gi].Fields {
			if f.ID != id {
				continue
			}
			e.tabs.SelectIndex(gi)
			e.scrolls[gi].ScrollToOffset(fyne.NewPos(0, fv.box.Position().Y))
			if fv.focus != nil {
				e.ui.win.Canvas().Focus(fv.focus)
			}
			return
		}
	}
}

func (e *editor) showSaveState(st saveState) {
	if e.ui.editor != e {
		return // a late report from an editor already closed
	}
	switch {
	case st.Conflict:
		e.status.SetText("Not saved: another window changed this draft.")
		e.status.Importance = widget.DangerImportance
		e.askConflict()
	case st.Err != nil:
		e.status.SetText("Not saved yet (will retry; your answers are kept): " + st.Err.Error())
		e.status.Importance = widget.DangerImportance
	case st.Saving || st.Pending:
		e.status.SetText("Saving…")
		e.status.Importance = widget.MediumImportance
	default:
		e.status.SetText("Saved")
		e.status.Importance = widget.SuccessImportance
	}
	e.status.Refresh()
}

func (e *editor) askConflict() {
	d := dialog.NewCustomConfirm("Draft changed elsewhere", "Keep my version", "Load their version",
		widget.NewLabel("Another window changed this draft after you opened it.\n\nKeep my version overwrites their changes with what you see here.\nLoad their version discards your changes since the last save."),
		func(keepMine bool) {
			if keepMine {
				e.saver.Overwrite()
				return
			}
			e.saver.Stop()
			id := e.id
			e.ui.editor = nil
			if err := e.ui.OpenDraft(id); err != nil {
				e.ui.showError(err)
			}
		}, e.ui.win)
	d.Show()
}

// schedulePreview recomputes the agreement text after a pause, off the UI
// goroutine; a newer edit makes an older result stale and it is dropped.
func (e *editor) schedulePreview() {
	gen := e.previewGen.Add(1)
	snap := e.snapshot()
	if e.previewTimer != nil {
		e.previewTimer.Stop()
	}
	e.previewTimer = time.AfterFunc(e.ui.opts.PreviewDelay, func() {
		text := e.ui.opts.Renderer.Preview(snap)
		e.ui.opts.Do(func() {
			if e.previewGen.Load() == gen && e.ui.editor == e {
				e.preview.SetText(text)
			}
		})
	})
}

func (e *editor) updateTitle() {
	title := e.d.Title
	if title == "" {
		title = "Untitled agreement"
	}
	e.ui.win.SetTitle("Pactwright — " + title)
}

// stop ends background work; callers flush first.
func (e *editor) stop() {
	if e.previewTimer != nil {
		e.previewTimer.Stop()
	}
	e.previewGen.Add(1)
	e.saver.Stop()
}

// reload re-reads the draft from the store (after a restore).
func (e *editor) reload() {
	id := e.id
	e.stop()
	e.ui.editor = nil
	if err := e.ui.OpenDraft(id); err != nil {
		e.ui.showError(err)
	}
}
