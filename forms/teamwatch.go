package forms

import (
	"context"
	"sync/atomic"
)

// A colleague's save, live: the library announces every change another
// window or process makes (Options.Watch; LISTEN/NOTIFY on PostgreSQL,
// polling a library file): the drafts list reads itself again, and an open
// draft with no unsaved answers shows the colleague's save. The
// announcement comes on the watcher's goroutine; only fyne.Do (Options.Do)
// touches the window, and the list is read off the UI goroutine
// (browser.reload), so nothing waits on the UI goroutine.

// watcher is the running watch of one window.
type watcher struct {
	stop context.CancelFunc
	// pending is set while a refresh is queued on the UI goroutine, so a
	// burst of announcements (a save writes a draft row and a revision)
	// costs one read of the list.
	pending atomic.Bool
}

// startWatch starts watching the library, if it can be watched.
func (u *UI) startWatch() {
	if u.opts.Watch == nil {
		return
	}
	ctx, stop := context.WithCancel(context.Background())
	w := &watcher{stop: stop}
	u.watch = w
	go u.opts.Watch(ctx, func(int64) {
		if w.pending.Swap(true) {
			return
		}
		u.opts.Do(func() {
			w.pending.Store(false)
			if ctx.Err() != nil {
				return
			}
			if u.browser != nil {
				u.browser.reload()
			}
			if u.editor != nil {
				u.reloadIfTheirs(u.editor)
			}
		})
	})
}

// stopWatch ends the watch (the window closes).
func (u *UI) stopWatch() {
	if u.watch != nil {
		u.watch.stop()
		u.watch = nil
	}
}

// reloadIfTheirs shows the stored draft in place of e's answers when
// someone else saved it and the user holds no answers that are not saved:
// nothing they typed is lost. With unsaved answers the draft stays as it
// is; their next save goes through the conflict path (a conflict copy and
// the message naming who saved first). The version is read off the UI
// goroutine; the check is made again on it before reloading.
func (u *UI) reloadIfTheirs(e *editor) {
	if e.saver == nil || e.saver.Dirty() {
		return
	}
	id, mine, store := e.id, e.saver.Version(), u.opts.Store
	go func() {
		sd, err := store.Get(id)
		if err != nil || sd.Version == mine {
			return // gone, unreadable (the next save says why) or our own save
		}
		u.opts.Do(func() {
			if u.editor == e && !e.saver.Dirty() && e.saver.Version() == mine {
				e.reload()
			}
		})
	}()
}
