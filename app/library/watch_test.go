package library

import (
	"context"
	"testing"
	"time"

	"pactwright/app/answers"
)

// TestWatchSeesAColleaguesSave: a window watching the library hears of a
// save made through another connection within a second.
func TestWatchSeesAColleaguesSave(t *testing.T) {
	eachBackend(t, func(t *testing.T, be backend) {
		mine, theirs, id := annAndBob(t, be)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		heard := make(chan int64, 100)
		done := make(chan error, 1)
		go func() { done <- mine.Watch(ctx, func(id int64) { heard <- id }) }()
		time.Sleep(300 * time.Millisecond) // let it start listening
		d := mustGet(t, theirs, id)
		start := time.Now()
		if _, err := theirs.Autosave(id, edit(d.Content, "customer_name", answers.Value{Text: "Changed Elsewhere Ltd"}), d.Version); err != nil {
			t.Fatal(err)
		}
		select {
		case got := <-heard:
			if be.name == "postgres" && got != id {
				t.Errorf("heard of draft %d, want %d", got, id)
			}
			t.Logf("heard after %v", time.Since(start).Round(time.Millisecond))
		case <-time.After(time.Second):
			t.Fatal("no news of the save within a second")
		}
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Watch: %v", err)
		}
	})
}
