package forms

import (
	"errors"
	"sync"
	"time"

	"pactwright/app/draft"
)

// saveState is what the status line shows about saving.
type saveState struct {
	Pending  bool  // changes not yet written
	Saving   bool  // a write is in progress
	Err      error // the last write failed; it will be retried
	Conflict bool  // another window wrote the draft; the user must choose
}

// saver writes a draft to the Store off the UI goroutine. The editor hands
// it every change; it waits for a pause in typing, writes the newest state
// only, retries failures with backoff and never drops the answers it holds.
// Results reach the UI through do, which runs its argument on the UI goroutine.
//
// Every write happens on the saver's own goroutine: a flush the UI asks
// for is a request to that goroutine, answered through do, so the UI
// goroutine never waits for SQLite (which may wait seconds for a lock
// another process holds).
type saver struct {
	store    Store
	id       int64
	delay    time.Duration
	do       func(func())
	onStatus func(saveState) // runs on the UI goroutine

	mu      sync.Mutex
	version int64
	// opened is the answers at version, as last read or written: what a
	// merge after a conflict compares both sides with.
	opened    draft.Draft
	pending   *draft.Draft
	conflict  bool
	overwrite bool // the user chose to overwrite the other window's version
	failures  int
	waiters   []func(error) // flush requests, answered on the saver goroutine

	changed chan struct{}
	now     chan struct{}
	flush   chan struct{}
	quit    chan struct{}
	done    chan struct{}
}

// errSaverStopped answers a flush asked for after the editor was closed.
var errSaverStopped = errors.New("the draft was closed before its answers were saved")

func newSaver(store Store, opened StoredDraft, delay time.Duration, do func(func()), onStatus func(saveState)) *saver {
	s := &saver{
		store: store, id: opened.ID, version: opened.Version, opened: opened.Content.Clone(), delay: delay, do: do, onStatus: onStatus,
		changed: make(chan struct{}, 1), now: make(chan struct{}, 1), flush: make(chan struct{}, 1),
		quit: make(chan struct{}), done: make(chan struct{}),
	}
	go s.loop()
	return s
}

// Changed records the newest state and restarts the pause timer.
func (s *saver) Changed(d draft.Draft) {
	s.mu.Lock()
	s.pending = &d
	s.mu.Unlock()
	signal(s.changed)
}

// SaveSoon asks for a write now rather than after the pause (tab change).
func (s *saver) SaveSoon() { signal(s.now) }

func signal(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}

// Dirty reports whether answers are held that are not yet in the store.
func (s *saver) Dirty() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pending != nil
}

// Version is the store's version of the answers last written. On the UI
// goroutine, while Dirty is false, that is the version of the answers on
// screen: only the UI goroutine calls Changed, and nothing is written
// until it does.
func (s *saver) Version() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.version
}

// Opened is the answers at Version, as last read from or written to the
// store: after a conflict, what the user started from.
func (s *saver) Opened() draft.Draft {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.opened
}

// FlushThen writes any pending state on the saver goroutine and then runs
// done on the UI goroutine with the store's version of the answers on
// screen, or with the error that kept them from the store (they stay
// pending, and the saver keeps retrying). Call it on the UI goroutine: it
// never blocks. If answers changed while the write was under way, it
// writes again before answering, so version always names what is on screen.
func (s *saver) FlushThen(done func(version int64, err error)) {
	s.request(func(err error) {
		s.do(func() {
			if err == nil && s.Dirty() {
				s.FlushThen(done)
				return
			}
			done(s.Version(), err)
		})
	})
}

// Flush writes any pending state and waits for the write. It blocks, so
// it is not for the UI goroutine: use FlushThen there.
func (s *saver) Flush() error {
	c := make(chan error, 1)
	s.request(func(err error) { c <- err })
	return <-c
}

// request queues answer to run on the saver goroutine after its next write.
func (s *saver) request(answer func(error)) {
	s.mu.Lock()
	select {
	case <-s.quit:
		s.mu.Unlock()
		answer(errSaverStopped)
		return
	default:
	}
	s.waiters = append(s.waiters, answer)
	s.mu.Unlock()
	signal(s.flush)
}

// Overwrite resolves a conflict in favour of this window: the saver adopts
// the store's current version as base and writes the pending state over
// it. The store is read on the saver goroutine, not the caller's.
func (s *saver) Overwrite() {
	s.mu.Lock()
	s.overwrite = true
	s.mu.Unlock()
	signal(s.now)
}

// Stop ends the goroutine and waits for a write under way. Flush first
// (FlushThen) to keep pending answers.
func (s *saver) Stop() {
	s.StopSoon()
	<-s.done
}

// StopSoon ends the goroutine without waiting for a write under way, for
// when the user chose to drop unsaved answers: a write stuck on a locked
// library must not hold the window open.
func (s *saver) StopSoon() {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-s.quit:
	default:
		close(s.quit)
	}
}

func (s *saver) loop() {
	defer close(s.done)
	pause := time.NewTimer(time.Hour)
	pause.Stop()
	retry := time.NewTimer(time.Hour)
	retry.Stop()
	save := func() {
		if wait, err := s.write(); err != nil && wait > 0 {
			retry.Reset(wait)
		}
	}
	for {
		select {
		case <-s.changed:
			pause.Reset(s.delay)
			s.report(saveState{Pending: true})
		case <-s.now:
			pause.Stop()
			save()
		case <-pause.C:
			save()
		case <-retry.C:
			save()
		case <-s.flush:
			pause.Stop()
			s.mu.Lock()
			waiters := s.waiters
			s.waiters = nil
			s.mu.Unlock()
			wait, err := s.write()
			if err != nil && wait > 0 {
				retry.Reset(wait)
			}
			for _, answer := range waiters {
				answer(err)
			}
		case <-s.quit:
			pause.Stop()
			retry.Stop()
			s.mu.Lock()
			waiters := s.waiters
			s.waiters = nil
			s.mu.Unlock()
			for _, answer := range waiters {
				answer(errSaverStopped)
			}
			return
		}
	}
}

// write saves the pending state if any. It returns how long to wait
// before retrying after a failure (0: do not retry automatically). Only
// the saver goroutine calls it.
func (s *saver) write() (time.Duration, error) {
	s.mu.Lock()
	d, base, conflict, overwrite := s.pending, s.version, s.conflict, s.overwrite
	s.mu.Unlock()
	if d == nil {
		return 0, nil
	}
	if conflict && !overwrite {
		return 0, ErrConflict
	}
	s.report(saveState{Saving: true})
	var v int64
	var err error
	if conflict {
		// Keep my version: write over whatever the store holds now, which
		// the store keeps in History.
		v, err = s.store.KeepMine(s.id, *d)
	} else {
		opened := s.Opened()
		v, err = s.store.Autosave(s.id, *d, base, &opened)
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if err == nil {
		s.version, s.opened = v, *d
		s.conflict, s.overwrite = false, false
		s.failures = 0
		if s.pending == d { // nothing newer arrived while writing
			s.pending = nil
			s.report(saveState{})
		} else {
			s.report(saveState{Pending: true})
		}
		return 0, nil
	}
	// The answers stay pending: nothing typed is dropped because a write failed.
	if errors.Is(err, ErrConflict) {
		s.conflict = true
		s.report(saveState{Pending: true, Conflict: true, Err: err})
		return 0, err
	}
	s.failures++
	s.report(saveState{Pending: true, Err: err})
	return backoff(s.failures), err
}

// backoff doubles from one second up to half a minute.
func backoff(failures int) time.Duration {
	d := time.Second << min(failures-1, 5)
	return min(d, 30*time.Second)
}

func (s *saver) report(st saveState) {
	if s.onStatus != nil {
		s.do(func() { s.onStatus(st) })
	}
}
