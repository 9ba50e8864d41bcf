package forms

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
)

// The side panel (checklist, findings, preview) can be put away, which
// gives a small window or a window beside a PDF viewer the form's full
// width. The choice is remembered for the next start.

const prefSideHidden = "sidepanel.hidden"

var shortcutSidePanel = &desktop.CustomShortcut{KeyName: fyne.KeyH, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}

// sideArea holds the editor's tabs with or without the side panel.
type sideArea struct {
	box   *fyne.Container // shows split or tabs alone
	split *container.Split
	tabs  fyne.CanvasObject
}

func newSideArea(tabs, side fyne.CanvasObject) *sideArea {
	split := container.NewHSplit(tabs, side)
	split.Offset = 0.72
	return &sideArea{box: container.NewStack(split), split: split, tabs: tabs}
}

// hidden reports whether only the tabs show.
func (a *sideArea) hidden() bool { return a.box.Objects[0] != a.split }

// show puts the side panel back (true) or away (false).
func (a *sideArea) show(on bool) {
	if on == !a.hidden() {
		return
	}
	if on {
		a.split.Leading = a.tabs
		a.box.Objects = []fyne.CanvasObject{a.split}
	} else {
		a.box.Objects = []fyne.CanvasObject{a.tabs}
	}
	a.split.Refresh()
	a.box.Refresh()
}

// toggleSidePanel shows or hides the side panel and remembers the choice.
func (e *editor) toggleSidePanel() {
	on := e.sideArea.hidden()
	e.sideArea.show(on)
	e.ui.opts.App.Preferences().SetBool(prefSideHidden, !on)
	e.showSideButton()
	if !on {
		e.stopPreview() // nobody can see it
	} else if e.previewShown() {
		e.schedulePreview()
	}
}

// showSideButton names what the side panel button will do.
func (e *editor) showSideButton() {
	if e.sideArea.hidden() {
		e.sideButton.SetText("Show checklist ▸")
	} else {
		e.sideButton.SetText("◂ Hide checklist")
	}
}
