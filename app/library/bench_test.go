package library

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"pactwright/app/answers"
	"pactwright/app/draft"
	"pactwright/app/library/pgtest"
	"pactwright/app/template"
)

// bigLibrary is the 10,000-draft, 100,000-revision fixture the list and
// search benchmarks share, one per backend. It is built once per test
// process, in one bulk transaction, because building it through the API
// would take minutes.
type bigLibrary struct {
	once sync.Once
	path string
	drop func() error // removes it
	err  error
}

// bigs maps each backend's name to its fixture; the map itself never
// changes after start-up.
var bigs = map[string]*bigLibrary{"sqlite": {}, "postgres": {}}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, big := range bigs {
		if big.drop != nil {
			big.drop()
		}
	}
	os.Exit(code)
}

const (
	bigDrafts    = 10_000
	bigRevisions = 10
)

func openBig(b *testing.B, be backend) *Library {
	b.Helper()
	big := bigs[be.name]
	big.once.Do(func() {
		start := time.Now()
		if be.name == "postgres" {
			var ok bool
			big.path, big.drop, ok, big.err = pgtest.Lasting("bench_big")
			if !ok {
				pgtest.Server(b) // fails or skips, saying why
			}
		} else {
			var dir string
			dir, big.err = os.MkdirTemp("", "pactwright-bench-")
			big.path = filepath.Join(dir, "library.db")
			big.drop = func() error { return os.RemoveAll(dir) }
		}
		if big.err != nil {
			return
		}
		big.err = buildBig(big.path)
		if big.err == nil {
			fmt.Fprintf(os.Stderr, "bench fixture on %s: %d drafts x %d revisions, built in %v\n",
				be.name, bigDrafts, bigRevisions, time.Since(start).Round(time.Millisecond))
		}
	})
	if big.path == "" && big.err == nil {
		pgtest.Server(b)
	}
	if big.err != nil {
		b.Fatal(big.err)
	}
	l, err := Open(big.path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { l.Close() })
	return l
}

func buildBig(path string) error {
	l, err := Open(path)
	if err != nil {
		return err
	}
	defer l.Close()
	base := exampleDraft()
	tx, err := l.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	insDraft, err := tx.Prepare(`INSERT INTO drafts (id, title, customer, provider, status, percent, version, created, changed, content, search)
		VALUES (?, ?, ?, ?, 'draft', ?, 1, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer insDraft.Close()
	insRev, err := tx.Prepare(`INSERT INTO revisions (draft_id, number, kind, note, created, title, content) VALUES (?, ?, 'save', '', ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer insRev.Close()
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 1; i <= bigDrafts; i++ {
		d := base
		d.Answers = base.Answers.Clone()
		d.Title = fmt.Sprintf("Agreement %05d", i)
		customer := fmt.Sprintf("Customer %05d Ltd", i)
		if i%10 == 0 {
			customer = fmt.Sprintf("Brightside Branch %05d Ltd", i)
		}
		d.Answers["customer_name"] = answers.Value{Text: customer}
		w, err := l.encodeWorking(d)
		if err != nil {
			return err
		}
		at := formatTime(t0.Add(time.Duration(i*7919%bigDrafts) * time.Minute))
		if _, err := insDraft.Exec(i, w.title, w.customer, w.provider, w.percent, at, at, string(w.content), w.search); err != nil {
			return err
		}
		z, err := compress(w.content)
		if err != nil {
			return err
		}
		for n := 1; n <= bigRevisions; n++ {
			if _, err := insRev.Exec(i, n, at, w.title, z); err != nil {
				return err
			}
		}
	}
	return tx.Commit()
}

func exampleDraft() draft.Draft { return draft.Example(template.CallCentre()) }

// benchMedian times each iteration and reports the median alongside Go's
// mean, because the targets are stated as medians.
func benchMedian(b *testing.B, fn func(i int)) {
	durs := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		fn(i)
		durs = append(durs, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(durs)
	b.ReportMetric(float64(durs[len(durs)/2].Microseconds())/1000, "ms-median")
}

// eachBackendB runs a benchmark once per backend, as sub-benchmarks named
// after it.
func eachBackendB(b *testing.B, fn func(b *testing.B, be backend)) {
	for _, be := range backends {
		b.Run(be.name, func(b *testing.B) { fn(b, be) })
	}
}

func BenchmarkAutosave(b *testing.B) { eachBackendB(b, benchAutosave) }

func benchAutosave(b *testing.B, be backend) {
	var path string
	if be.name == "postgres" {
		path = pgtest.Location(b)
	} else {
		path = filepath.Join(b.TempDir(), "library.db")
	}
	l, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	d := exampleDraft()
	id, err := l.Create(d)
	if err != nil {
		b.Fatal(err)
	}
	version := int64(1)
	benchMedian(b, func(i int) {
		// Each save differs, as when typing.
		d.Answers["customer_contact_name"] = answers.Value{Text: fmt.Sprintf("Priya Shah %d", i)}
		v, err := l.Autosave(id, d, version)
		if err != nil {
			b.Fatal(err)
		}
		version = v
	})
}

func BenchmarkGet(b *testing.B) { eachBackendB(b, benchGet) }

func benchGet(b *testing.B, be backend) {
	l := openBig(b, be)
	benchMedian(b, func(i int) {
		if _, err := l.Get(int64(i%bigDrafts + 1)); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkList(b *testing.B) { eachBackendB(b, benchList) }

func benchList(b *testing.B, be backend) {
	l := openBig(b, be)
	benchMedian(b, func(int) {
		s, err := l.List("")
		if err != nil || len(s) != bigDrafts {
			b.Fatal(len(s), err)
		}
	})
}

func BenchmarkSearch(b *testing.B) { eachBackendB(b, benchSearch) }

func benchSearch(b *testing.B, be backend) {
	l := openBig(b, be)
	queries := []struct {
		q    string
		want int
	}{{"brightside", bigDrafts / 10}, {"customer 04711", 1}, {"NORTHPOINT", bigDrafts}, {"nobody at all", 0}}
	benchMedian(b, func(i int) {
		q := queries[i%len(queries)]
		s, err := l.List(q.q)
		if err != nil || len(s) != q.want {
			b.Fatal(q.q, len(s), err)
		}
	})
}
