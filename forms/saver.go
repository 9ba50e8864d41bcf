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
type saver struct {
	store    Store
	id       int64
	delay    time.Duration
	do       func(func())
	onStatus func(saveState) // runs on the UI goroutine

	writeMu sync.Mutex // one write at a time, from the goroutine or Flush

	mu       sync.Mutex
	version  int64
	pending  *draft.Draft
	conflict bool
	failures int

	changed chan struct{}
	now     chan struct{}
	quit    chan struct{}
	done    chan struct{}
}

func newSaver(store Store, id, version int64, delay time.Duration, do func(func()), onStatus func(saveState)) *saver {
	s := &saver{
		store: store, id: id, version: version, delay: delay, do: do, onStatus: onStatus,
		changed: make(chan struct{}, 1), now: make(chan struct{}, 1),
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

// Flush writes any pending state synchronously. The window's close
// handler uses it so that closing never loses the last keystrokes.
func (s *saver) Flush() error {
	_, err := s.write()
	return err
}

// FlushVersion is Flush that also returns the store's version of what it
// holds, read under the same lock so no write slips in between. Called on
// the UI goroutine (where Changed is called), the version is that of the
// answers on screen: an export quotes it so the library can refuse to
// record a PDF whose draft changed while it was being made.
func (s *saver) FlushVersion() (int64, error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	_, err := s.writeLocked()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.version, err
}

// Overwrite resolves a conflict in favour of this window: it adopts the
// store's current version as base and writes the pending state over it.
func (s *saver) Overwrite() {
	sd, err := s.store.Get(s.id)
	s.mu.Lock()
	if err == nil {
		s.version = sd.Version
	}
	s.conflict = false
	s.mu.Unlock()
	signal(s.now)
}

// Stop ends the goroutine. Call Flush first to keep pending answers.
func (s *saver) Stop() {
	select {
	case <-s.quit:
	default:
		close(s.quit)
	}
	<-s.done
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
		case <-s.quit:
			pause.Stop()
			retry.Stop()
			return
		}
	}
}

// write saves the pending state if any. It returns how long to wait
// before retrying after a failure (0: do not retry automatically).
func (s *saver) write() (time.Duration, error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	return s.writeLocked()
}

// writeLocked is write for a caller holding writeMu.
func (s *saver) writeLocked() (time.Duration, error) {
	s.mu.Lock()
	d, base, conflict := s.pending, s.version, s.conflict
	s.mu.Unlock()
	if d == nil {
		return 0, nil
	}
	if conflict {
		return 0, ErrConflict
	}
	s.report(saveState{Saving: true})
	v, err := s.store.Autosave(s.id, *d, base)

	s.mu.Lock()
	defer s.mu.Unlock()
	if err == nil {
		s.version = v
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
