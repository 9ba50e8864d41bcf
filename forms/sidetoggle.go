package forms

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The side panel (checklist, findings, preview) sits beside the form when
// the window has room for both, and folds away by itself when it has not,
// as on a laptop beside a PDF viewer: the form keeps the window's width
// and the panel opens over the form's right-hand side on demand (the
// button at the bottom right, Ctrl+Shift+H, or Go ▸ Checklist, Findings,
// Preview). The user can also put it away in a wide window, which is
// remembered for the next start.

const prefSideHidden = "sidepanel.hidden"

var shortcutSidePanel = &desktop.CustomShortcut{KeyName: fyne.KeyH, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}

const (
	// besideMinWidth is the narrowest area that shows the panel beside the
	// form: below it the form's share of the split (72%), less the
	// clause-group list, would be narrower than a line of help comfortably
	// reads, and the service-level table would fall back to cards.
	besideMinWidth = 1000
	// overPanelWidth is the width of the panel opened over the form: the
	// checklist's rows read in two or three lines.
	overPanelWidth = 380
)

// sideArea holds the editor's tabs with the side panel beside them, over
// them, or put away. Its minimum size is the tabs' alone, so the panel
// never makes the window grow: it folds instead.
type sideArea struct {
	widget.BaseWidget
	tabs, side fyne.CanvasObject
	split      *container.Split
	over       *fyne.Container // the panel over the form: background, edge and side
	overSlot   *fyne.Container // holds side while folded

	wanted bool // the user keeps the panel out (the remembered choice)
	folded bool // the last layout found no room for the panel beside the form
	opened bool // folded, but opened over the form
	// onSeen runs when the panel comes into sight or goes out of it, by
	// the user's choice or because the window's width changed.
	onSeen func()
}

// newSideArea shows the panel beside tabs if wanted and there is room.
func newSideArea(tabs, side fyne.CanvasObject, wanted bool) *sideArea {
	a := &sideArea{tabs: tabs, side: side, wanted: wanted}
	a.split = container.NewHSplit(tabs, side)
	a.split.Offset = 0.72
	a.overSlot = container.NewStack()
	a.over = container.NewStack(newPanelBackground(), container.NewBorder(nil, nil, widget.NewSeparator(), nil, a.overSlot))
	a.ExtendBaseWidget(a)
	return a
}

// hidden reports whether the side panel is out of sight.
func (a *sideArea) hidden() bool {
	if a.folded {
		return !a.opened
	}
	return !a.wanted
}

// show brings the side panel into sight (true) or puts it away (false):
// beside the form when there is room, else over it.
func (a *sideArea) show(on bool) {
	if a.folded {
		a.opened = on
	} else {
		a.wanted = on
	}
	a.Refresh()
}

// closeOver puts away the panel opened over the form, so that a jump from
// the checklist to a field shows the field.
func (a *sideArea) closeOver() {
	if a.folded && a.opened {
		a.show(false)
	}
}

// fits reports whether the panel goes beside the form at width.
func (a *sideArea) fits(width float32) bool {
	need := a.tabs.MinSize().Width + a.side.MinSize().Width + theme.Padding()
	return width >= besideMinWidth && width >= need
}

func (a *sideArea) MinSize() fyne.Size {
	a.ExtendBaseWidget(a)
	return a.tabs.MinSize()
}

func (a *sideArea) CreateRenderer() fyne.WidgetRenderer {
	return &sideAreaRenderer{a: a, hidden: a.hidden(), beside: true} // as newSideArea made the split
}

type sideAreaRenderer struct {
	a      *sideArea
	objs   []fyne.CanvasObject
	hidden bool // the panel was out of sight at the last layout
	beside bool // the split holds the tabs and the panel
}

// Layout decides, for the width it is given, where the panel goes.
func (r *sideAreaRenderer) Layout(size fyne.Size) {
	a := r.a
	if size.Width <= 0 {
		return // not placed yet: nothing to decide
	}
	folded := !a.fits(size.Width)
	if folded != a.folded {
		a.folded = folded
		a.opened = false // a window made wide and narrow again starts with the form
	}
	beside := !folded && a.wanted
	if beside != r.beside {
		// The split takes the tabs and the panel back, or lets go of both,
		// so that each has one parent laying it out.
		r.beside = beside
		if beside {
			a.overSlot.Objects = nil
			a.split.Leading, a.split.Trailing = a.tabs, a.side
		} else {
			a.split.Leading, a.split.Trailing = layout.NewSpacer(), layout.NewSpacer()
			a.overSlot.Objects = []fyne.CanvasObject{a.side}
		}
		a.split.Refresh()
		a.overSlot.Refresh()
	}
	if beside {
		r.objs = []fyne.CanvasObject{a.split}
		a.split.Move(fyne.Position{})
		a.split.Resize(size)
	} else {
		r.objs = []fyne.CanvasObject{a.tabs}
		a.tabs.Move(fyne.Position{})
		a.tabs.Resize(size)
		if folded && a.opened {
			w := min(size.Width, max(overPanelWidth, a.side.MinSize().Width))
			a.over.Move(fyne.NewPos(size.Width-w, 0))
			a.over.Resize(fyne.NewSize(w, size.Height))
			r.objs = append(r.objs, a.over)
		}
	}
	if hidden := a.hidden(); hidden != r.hidden {
		r.hidden = hidden
		if a.onSeen != nil {
			a.onSeen()
		}
	}
}

func (r *sideAreaRenderer) MinSize() fyne.Size           { return r.a.MinSize() }
func (r *sideAreaRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *sideAreaRenderer) Destroy()                     {}
func (r *sideAreaRenderer) Refresh() {
	r.Layout(r.a.Size())
	canvas.Refresh(r.a)
}

// panelBackground is the theme's background colour behind the panel opened
// over the form, so the form does not show through; it follows a change of
// theme, which refreshes every widget.
type panelBackground struct {
	widget.BaseWidget
}

func newPanelBackground() *panelBackground {
	b := &panelBackground{}
	b.ExtendBaseWidget(b)
	return b
}

func (b *panelBackground) CreateRenderer() fyne.WidgetRenderer {
	r := &panelBackgroundRenderer{rect: canvas.NewRectangle(nil), b: b}
	r.Refresh()
	return r
}

type panelBackgroundRenderer struct {
	rect *canvas.Rectangle
	b    *panelBackground
}

func (r *panelBackgroundRenderer) Layout(size fyne.Size)        { r.rect.Resize(size) }
func (r *panelBackgroundRenderer) MinSize() fyne.Size           { return fyne.Size{} }
func (r *panelBackgroundRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.rect} }
func (r *panelBackgroundRenderer) Destroy()                     {}
func (r *panelBackgroundRenderer) Refresh() {
	r.rect.FillColor = theme.ColorForWidget(theme.ColorNameBackground, r.b)
	r.rect.Refresh()
}

// toggleSidePanel shows or hides the side panel. Putting it away in a wide
// window is remembered; opening or closing it over the form of a narrow
// window is not, so the next wide window shows it again.
func (e *editor) toggleSidePanel() {
	on := e.sideArea.hidden()
	e.sideArea.show(on)
	if !e.sideArea.folded {
		e.ui.opts.App.Preferences().SetBool(prefSideHidden, !on)
	}
}

// sideShownOrHidden follows the side panel coming into sight or going
// away (sideArea.onSeen).
func (e *editor) sideShownOrHidden() {
	e.showSideButton()
	if e.sideArea.hidden() {
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

// showSideTab brings the side panel into sight, showing its tab item.
func (e *editor) showSideTab(item *container.TabItem) {
	e.sideArea.show(true)
	e.sideTabs.Select(item)
}

// checklistItem is the side panel's first tab: the checklist and findings.
func (e *editor) checklistItem() *container.TabItem { return e.sideTabs.Items[0] }

// showPreview brings the side panel into sight on the agreement's preview.
func (e *editor) showPreview() { e.showSideTab(e.previewItem) }
