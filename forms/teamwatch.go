package forms

import (
	"context"
	"sync/atomic"
)

// A colleague's save, live: the library announces every change another
// window or process makes (Options.Watch; LISTEN/NOTIFY on PostgreSQL,
// polling a library file), and the drafts list reads itself again. The
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
			if ctx.Err() == nil && u.browser != nil {
				u.browser.reload()
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
