package forms

import "time"

// Building the clause groups' forms ahead of their first visit.
//
// A form is built when first needed (buildTab), and building and laying
// out one costs 50–100 ms of the UI goroutine on a 2-core machine, 200–600
// ms when it is busy: a first visit was a visible wait. So once the editor
// shows, the other forms are built one at a time in the background of the
// session, each in its own short turn on the UI goroutine with a pause
// between, so typing is never held up for long. A visit then only draws.
// It costs memory (about 30 MB for all nine forms, see the README), which
// is why it is an option: tests keep the lazy behaviour.

const (
	// buildAheadStart lets the editor draw its first picture before the
	// first form is built.
	buildAheadStart = 300 * time.Millisecond
	// aheadPause is the pause between two turns of work done ahead on
	// the UI goroutine (a form built here), for input and drawing to get their turn.
	aheadPause = 60 * time.Millisecond
)

// buildAhead builds the forms not built yet, one per turn on the UI
// goroutine, until all are built or the editor is dropped. Called on the UI goroutine; the pacing
// runs on its own goroutine.
func (e *editor) buildAhead() {
	todo := make([]int, 0, len(e.built))
	for gi, b := range e.built {
		if !b {
			todo = append(todo, gi)
		}
	}
	go func() {
		time.Sleep(buildAheadStart)
		for _, gi := range todo {
			done := make(chan bool, 1) // never blocks the UI goroutine
			e.ui.opts.Do(func() {
				// Open, or kept for the next draft: forms are built
				// the same for every draft.
				open := e.ui.editor == e || e.ui.kept == e
				if open {
					e.buildHidden(gi)
				}
				done <- open
			})
			if !<-done {
				return
			}
			time.Sleep(aheadPause)
		}
	}()
}

// buildHidden builds form gi and lays it out at the size of the form on
// screen, so that showing it later lays out nothing new.
func (e *editor) buildHidden(gi int) {
	if e.built[gi] {
		return
	}
	e.buildTab(gi)
	shown := e.tabs.Selected()
	if shown == nil || shown == e.tabItems[gi] {
		return
	}
	c := e.tabItems[gi].Content
	c.Move(shown.Content.Position())
	c.Resize(shown.Content.Size())
	if q, ok := c.(*quietTab); ok {
		q.measure() // now rather than on the first visit's frame
	}
}
