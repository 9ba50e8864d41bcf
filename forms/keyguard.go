package forms

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A key that opens, confirms or closes a dialog must never reach a widget
// behind it. One key press reaches a Fyne window as two events handled
// one after the other: the key (Space, which presses a button) and then
// the character it types (" "), each sent to whatever has the focus at
// that moment. Fyne gives every dialog its own focus and, once it
// closes, hands the keys straight back to the field that had them before
// it opened. So Space on a dialog's Close button closed the dialog and
// then typed a space into the field behind it; a Space that opened a
// dialog typed into the dialog's first field.
//
// The window the UI hands to every dialog is therefore a guardedWindow.
// Every dialog shows and hides through its canvas's overlay stack, so
// the guard sees each one, wherever it is made (Fyne's own, ours, the
// file dialogs):
//   - when a dialog opens, the widget behind it loses the focus, so a key
//     meant for the dialog can never land behind it;
//   - when a dialog closes, that widget gets the focus back only once the
//     key event that closed it is over (after the character that follows
//     the key);
//   - a focus asked for while a dialog opens or closes (a dialog's first
//     field) is given at the same moment, for the same reason;
//   - Escape, when nothing in the dialog takes it, closes the topmost
//     dialog as its Cancel or Close button would.

// guardedWindow is the app's window whose canvas keeps keys where they
// belong while dialogs open and close.
type guardedWindow struct {
	fyne.Window
	c *guardedCanvas
}

// guardWindow wraps w. later must run f on the UI goroutine after the
// input event being handled (fyne.Do does: it queues f behind the
// events of the current round).
func guardWindow(w fyne.Window, later func(func())) *guardedWindow {
	c := &guardedCanvas{Canvas: w.Canvas(), later: later}
	c.stack = &guardedOverlays{OverlayStack: w.Canvas().Overlays(), c: c, behind: map[fyne.CanvasObject]fyne.Focusable{}, escape: map[fyne.CanvasObject]func(){}}
	return &guardedWindow{Window: w, c: c}
}

// Canvas is the guarded canvas: dialogs made over this window add their
// overlays through it.
func (w *guardedWindow) Canvas() fyne.Canvas { return w.c }

// showWithEscape shows d, a dialog made over w, with what Escape does in
// it when that is not its dismiss button's action (a dismiss button that
// throws work away must not be one key away).
func (w *guardedWindow) showWithEscape(d interface{ Show() }, escape func()) {
	w.c.stack.nextEscape = escape
	defer func() { w.c.stack.nextEscape = nil }()
	d.Show()
}

// guardedCanvas defers focus changes made while a dialog opens or closes
// until the key event under way is over.
type guardedCanvas struct {
	fyne.Canvas
	stack *guardedOverlays
	later func(func())
	// settling is true from a dialog opening or closing until the input
	// event under way is over; pending is the focus to give then.
	settling bool
	pending  fyne.Focusable
}

// unguarded is the driver's own canvas under c: what Fyne's optional
// canvas interfaces (the menu bar) are asked of.
func unguarded(c fyne.Canvas) fyne.Canvas {
	if g, ok := c.(*guardedCanvas); ok {
		return g.Canvas
	}
	return c
}

// Overlays is the guarded overlay stack.
func (c *guardedCanvas) Overlays() fyne.OverlayStack { return c.stack }

// Focus gives o the focus, or, while a dialog opens or closes, once the
// event under way is over.
func (c *guardedCanvas) Focus(o fyne.Focusable) {
	if c.settling {
		c.pending = o
		return
	}
	c.Canvas.Focus(o)
}

// Unfocus takes the focus away, including a focus still to be given.
func (c *guardedCanvas) Unfocus() {
	c.pending = nil
	c.Canvas.Unfocus()
}

// settle starts, if not already under way, the wait for the current
// input event to end, then gives the focus asked for meanwhile.
func (c *guardedCanvas) settle() {
	if c.settling {
		return
	}
	c.settling = true
	c.later(func() {
		c.settling = false
		if o := c.pending; o != nil {
			c.pending = nil
			c.Canvas.Focus(o) // ignored if o has left the screen meanwhile
		}
	})
}

// escape closes the topmost dialog made over this window, as its Cancel
// or Close button would; it reports whether there was one to close.
func (c *guardedCanvas) escape() bool {
	top := c.stack.Top()
	if top == nil {
		return false
	}
	if f, ok := c.stack.escape[top]; ok {
		if f != nil {
			f()
		}
		return true
	}
	if b := dismissButton(top); b != nil {
		b.Tapped(&fyne.PointEvent{})
		return true
	}
	return false
}

// guardedOverlays is the canvas's overlay stack, watched: Add is a dialog
// opening, Remove one closing.
type guardedOverlays struct {
	fyne.OverlayStack
	c *guardedCanvas
	// behind is, for each open dialog, the widget that had the focus
	// when it opened (nil if none).
	behind map[fyne.CanvasObject]fyne.Focusable
	// escape is what Escape does in a dialog shown by showWithEscape.
	escape     map[fyne.CanvasObject]func()
	nextEscape func()
}

// Add takes the focus from the widget behind o before o shows.
func (s *guardedOverlays) Add(o fyne.CanvasObject) {
	prev := s.c.Canvas.Focused()
	if s.c.settling && s.c.pending != nil {
		// A dialog opened as another closed: the focus waiting to go
		// back belongs behind this one now.
		prev, s.c.pending = s.c.pending, nil
	}
	if prev != nil {
		s.c.Canvas.Unfocus()
	}
	s.behind[o] = prev
	if s.nextEscape != nil {
		s.escape[o] = s.nextEscape
	}
	s.OverlayStack.Add(o)
	s.c.settle()
}

// Remove takes o off the screen; the widget that had the focus before it
// opened gets it back once the key that closed o is over.
func (s *guardedOverlays) Remove(o fyne.CanvasObject) {
	prev, known := s.behind[o]
	delete(s.behind, o)
	delete(s.escape, o)
	s.OverlayStack.Remove(o)
	if !known {
		return
	}
	if prev != nil && s.c.pending == nil {
		s.c.pending = prev
	}
	s.c.settle()
}

// dismissButton finds the button that closes a dialog without acting:
// Fyne's dialogs put their buttons in the fourth object of the dialog's
// content (dialog.create); the dismiss button is the one there that is
// not the confirming, high-importance one, or a keyButton of ours with
// its Escape action. A dialog without that row (a file dialog) is
// searched for its Cancel button.
func dismissButton(top fyne.CanvasObject) fyne.Tappable {
	p, ok := top.(*widget.PopUp)
	if !ok {
		return nil
	}
	if c, ok := p.Content.(*fyne.Container); ok && len(c.Objects) == 5 {
		if row, ok := c.Objects[3].(*fyne.Container); ok {
			for _, o := range row.Objects {
				if t := dismissing(o, false); t != nil {
					return t
				}
			}
			return nil
		}
	}
	var found fyne.Tappable
	walkContainers(p.Content, func(o fyne.CanvasObject) bool {
		found = dismissing(o, true)
		return found != nil
	})
	return found
}

// dismissing is o as a dismiss button, or nil: a keyButton with an
// Escape action, or a button that does not confirm (with cancelOnly,
// only one with the cancel icon or labelled Cancel).
func dismissing(o fyne.CanvasObject, cancelOnly bool) fyne.Tappable {
	if !o.Visible() {
		return nil
	}
	switch b := o.(type) {
	case *keyButton:
		if b.onEscape != nil {
			return escapeTapper{b.onEscape}
		}
	case *widget.Button:
		if b.Disabled() || b.Importance == widget.HighImportance {
			return nil
		}
		if !cancelOnly || b.Icon == theme.CancelIcon() || b.Text == "Cancel" {
			return b
		}
	}
	return nil
}

// escapeTapper runs a keyButton's Escape action when tapped.
type escapeTapper struct{ f func() }

func (t escapeTapper) Tapped(*fyne.PointEvent) { t.f() }

// walkContainers visits o and every object inside it through containers,
// depth first, until visit returns true. Widgets are not opened: Fyne
// keeps their parts to itself.
func walkContainers(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) bool {
	if o == nil || !o.Visible() {
		return false
	}
	if visit(o) {
		return true
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, child := range c.Objects {
			if walkContainers(child, visit) {
				return true
			}
		}
	}
	return false
}
