package forms

import (
	"time"

	"fyne.io/fyne/v2/container"
)

// newSideTabs makes the Checklist and Preview tabs beside the form.
//
// The preview is made only while its tab is showing: opening the tab
// starts a preview at once, and edits while it shows start one after a
// pause in typing. The last preview stays in the tab, so opening it again
// shows it at once, before the new one replaces it a few milliseconds
// later; the widget lays out only the lines on screen (previewText).
func (e *editor) newSideTabs() *container.AppTabs {
	e.preview = newPreviewText()
	e.previewItem = container.NewTabItem("Preview", newQuietTab(e.preview))
	e.sideTabs = container.NewAppTabs(container.NewTabItem("Checklist", newQuietTab(e.side.content)), e.previewItem)
	e.sideTabs.OnSelected = func(it *container.TabItem) {
		if it == e.previewItem {
			e.startPreview()
			return
		}
		e.stopPreview() // drop a preview still being made
	}
	return e.sideTabs
}

// startPreview makes the preview now, showing the last one meanwhile.
func (e *editor) startPreview() {
	if e.preview.Text() == "" {
		e.preview.SetText("Preparing the preview…")
	}
	e.previewAfter(0)
}

func (e *editor) previewShown() bool {
	return e.sideTabs.Selected() == e.previewItem && (e.sideArea == nil || !e.sideArea.hidden())
}

// schedulePreview recomputes the agreement text after a pause in typing.
func (e *editor) schedulePreview() { e.previewAfter(e.ui.opts.PreviewDelay) }

// previewAfter recomputes the agreement text after delay, off the UI
// goroutine; a newer edit makes an older result stale and it is dropped.
func (e *editor) previewAfter(delay time.Duration) {
	gen := e.previewGen.Add(1)
	snap := e.snapshot()
	if e.previewTimer != nil {
		e.previewTimer.Stop()
	}
	e.previewTimer = time.AfterFunc(delay, func() {
		text := e.ui.opts.Renderer.Preview(snap)
		e.ui.opts.Do(func() {
			if e.previewGen.Load() == gen && e.ui.editor == e && e.previewShown() {
				e.preview.SetText(text)
			}
		})
	})
}
