package library

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"pactwright/app/answers"
)

// TestConflictKeepsBothSides: two people save the same draft from the same
// version; the second is told who saved first, and their answers are kept
// as a conflict copy instead of being lost or written over the first.
func TestConflictKeepsBothSides(t *testing.T) {
	eachBackend(t, func(t *testing.T, be backend) {
		ann, bob, id := annAndBob(t, be)
		base := mustGet(t, bob, id)

		annD := edit(base.Content, "customer_name", answers.Value{Text: "Ann's Customer Ltd"})
		if _, err := ann.SaveWorking(id, annD, base.Version, nil); err != nil {
			t.Fatal(err)
		}
		bobD := edit(base.Content, "customer_name", answers.Value{Text: "Bob's Customer Ltd"})
		_, err := bob.SaveWorking(id, bobD, base.Version, nil)
		var c *ConflictError
		if !errors.As(err, &c) || !errors.Is(err, ErrConflict) {
			t.Fatalf("second save: %v, want a *ConflictError", err)
		}
		if c.By != "Ann Owner" || c.CopyID == 0 {
			t.Fatalf("conflict %+v: want saved by Ann Owner and a copy", c)
		}
		for _, want := range []string{"saved by Ann Owner", fmt.Sprintf("kept as draft %d", c.CopyID), "conflict copy, Bob Ops"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("conflict message %q lacks %q", err, want)
			}
		}
		if got := mustGet(t, bob, id); got.Customer != "Ann's Customer Ltd" {
			t.Errorf("the first save was overwritten: %q", got.Customer)
		}
		if got := mustGet(t, bob, c.CopyID); got.Customer != "Bob's Customer Ltd" {
			t.Errorf("the conflict copy holds %q", got.Customer)
		}
	})
}

// TestRacingSavesLoseNothing: six connections save the same draft from the
// same version at the same moment. Exactly one wins; every other one's
// answers are in a conflict copy of its own.
func TestRacingSavesLoseNothing(t *testing.T) {
	eachBackend(t, func(t *testing.T, be backend) {
		first, loc := openOn(t, be)
		id, err := first.Create(exampleDraft())
		if err != nil {
			t.Fatal(err)
		}
		base := mustGet(t, first, id)
		const writers = 6
		handles := make([]*Library, writers)
		for i := range handles {
			if handles[i], err = Open(loc); err != nil {
				t.Fatal(err)
			}
			defer handles[i].Close()
			handles[i].SetAuthor(fmt.Sprintf("writer %d", i))
			// Warm the connection so they all reach the database together.
			if _, err := handles[i].Get(id); err != nil {
				t.Fatal(err)
			}
		}
		start := make(chan struct{})
		errs := make([]error, writers)
		var wg sync.WaitGroup
		for i, h := range handles {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				d := edit(base.Content, "customer_name", answers.Value{Text: fmt.Sprintf("Customer of writer %d", i)})
				_, errs[i] = h.SaveWorking(id, d, base.Version, nil)
			}()
		}
		close(start)
		wg.Wait()
		winner := -1
		copies := map[int64]int{}
		for i, err := range errs {
			var c *ConflictError
			switch {
			case err == nil && winner == -1:
				winner = i
			case err == nil:
				t.Fatalf("writers %d and %d both saved over version %d", winner, i, base.Version)
			case errors.As(err, &c) && c.CopyID != 0:
				copies[c.CopyID] = i
			default:
				t.Fatalf("writer %d: %v", i, err)
			}
		}
		if winner == -1 || len(copies) != writers-1 {
			t.Fatalf("winner %d, %d conflict copies", winner, len(copies))
		}
		if got := mustGet(t, first, id); got.Customer != fmt.Sprintf("Customer of writer %d", winner) {
			t.Errorf("working copy holds %q, the winner was writer %d", got.Customer, winner)
		}
		for copyID, i := range copies {
			if got := mustGet(t, first, copyID); got.Customer != fmt.Sprintf("Customer of writer %d", i) {
				t.Errorf("conflict copy %d holds %q, want writer %d's answers", copyID, got.Customer, i)
			}
		}
	})
}

// TestKeepMineKeepsTheirsInHistory: Bob's save lost the race to Ann's and
// he chose "Keep my version". His answers are the working copy, and
// Ann's save is a revision in History under her name, with her answers.
func TestKeepMineKeepsTheirsInHistory(t *testing.T) {
	eachBackend(t, func(t *testing.T, be backend) {
		ann, bob, id := annAndBob(t, be)
		base := mustGet(t, bob, id)
		if _, err := ann.SaveWorking(id, edit(base.Content, "customer_name", answers.Value{Text: "Ann's Customer Ltd"}), base.Version, nil); err != nil {
			t.Fatal(err)
		}
		bobD := edit(base.Content, "customer_name", answers.Value{Text: "Bob's Customer Ltd"})
		if _, err := bob.SaveWorking(id, bobD, base.Version, &base.Content); !errors.Is(err, ErrConflict) {
			t.Fatalf("Bob's save: %v, want a conflict", err)
		}
		v, err := bob.KeepMine(id, bobD)
		if err != nil {
			t.Fatal(err)
		}
		now := mustGet(t, ann, id)
		if now.Customer != "Bob's Customer Ltd" || now.Version != v {
			t.Errorf("after Keep my version: customer %q version %d (KeepMine said %d)", now.Customer, now.Version, v)
		}
		hist, err := ann.History(id)
		if err != nil {
			t.Fatal(err)
		}
		if len(hist) != 1 || hist[0].Author != "Ann Owner" || !strings.Contains(hist[0].Note, "Bob Ops then kept their own version over it") {
			t.Fatalf("History after Keep my version: %+v", hist)
		}
		theirs, err := ann.RevisionContent(id, hist[0].Number)
		if err != nil {
			t.Fatal(err)
		}
		if got := theirs.Answers.Text("customer_name"); got != "Ann's Customer Ltd" {
			t.Errorf("the revision kept holds %q, not Ann's save", got)
		}
	})
}
