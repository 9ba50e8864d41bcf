package forms

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// newSideTabs makes the Checklist and Preview tabs beside the form.
//
// The preview holds the whole agreement, thousands of wrapped lines, each
// a text object with its own layout. It is only filled while its tab is
// showing and emptied when the user goes back to the checklist, so that
// typing on the checklist side does not pay for it and it does not sit in
// memory unseen.
func (e *editor) newSideTabs() *container.AppTabs {
	e.preview = widget.NewLabel("")
	e.preview.Wrapping = fyne.TextWrapWord
	e.preview.Selectable = true
	e.previewItem = container.NewTabItem("Preview", container.NewVScroll(e.preview))
	e.sideTabs = container.NewAppTabs(container.NewTabItem("Checklist", e.side.content), e.previewItem)
	e.sideTabs.OnSelected = func(it *container.TabItem) {
		if it == e.previewItem {
			e.preview.SetText("Preparing the preview…")
			e.schedulePreview()
			return
		}
		e.previewGen.Add(1) // drop a preview still being made
		if e.previewTimer != nil {
			e.previewTimer.Stop()
		}
		e.preview.SetText("")
	}
	return e.sideTabs
}

func (e *editor) previewShown() bool {
	return e.sideTabs.Selected() == e.previewItem && (e.sideArea == nil || !e.sideArea.hidden())
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
			if e.previewGen.Load() == gen && e.ui.editor == e && e.previewShown() {
				e.preview.SetText(text)
			}
		})
	})
}
