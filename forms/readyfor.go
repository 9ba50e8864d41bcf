package forms

import "time"

// Getting the editor ready for the draft selected in the drafts list.
//
// The editor kept while the list shows (UI.prepareEditor, UI.closeEditor)
// has its forms built, but the draft the user opens rarely has the answers
// it last showed: tables with another number of rows are made again, and
// every choice that differs is redrawn, the checklist and tab labels
// change, all while the user waits. So once a selection in the list has
// rested for a moment, the selected draft is put into the kept editor out
// of sight (editor.fill). Opening it reads the draft again and finds it
// there, unless the library holds a newer version by then, which it then
// shows instead.

// readyForPause is how long a selection must rest before the draft is read:
// holding Down through the list reads nothing.
const readyForPause = 150 * time.Millisecond

// readyFor reads draft id off the UI goroutine, once the selection has
// rested, and fills the kept editor's fields with its answers. The
// browser calls it, on the UI goroutine, for each draft it selects.
func (u *UI) readyFor(id int64) {
	if u.kept == nil || u.opts.Store == nil {
		return
	}
	u.chosen = id
	time.AfterFunc(readyForPause, func() {
		u.opts.Do(func() {
			if u.chosen != id || u.editor != nil {
				return // another draft was selected, or one was opened
			}
			store, do := u.opts.Store, u.opts.Do
			go func() {
				sd, err := store.Get(id)
				do(func() {
					if err == nil && u.chosen == id && u.editor == nil && u.kept != nil {
						u.kept.fill(sd)
						u.warmUp(u.kept)
					}
				})
			}()
		})
	})
}
