// Package pgtest gives tests a PostgreSQL library location of their own on
// the test server: `make test` starts a throwaway server (.ci/pg-cluster)
// and passes its connection string in EnvServer. Without it, tests that
// need it fail when EnvRequired is set (as under make) and are skipped,
// saying why, otherwise.
package pgtest

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	// The pgx driver registers itself as "pgx".
	_ "github.com/jackc/pgx/v5/stdlib"
)

// Environment variables .ci/pg-cluster sets.
const (
	EnvServer   = "PACTWRIGHT_TEST_POSTGRES"
	EnvRequired = "PACTWRIGHT_TEST_POSTGRES_REQUIRED"
)

// Server returns the test server's connection string (its superuser, with
// the password), failing or skipping the test when there is none.
func Server(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(EnvServer)
	if dsn == "" {
		if os.Getenv(EnvRequired) != "" {
			t.Fatalf("%s is set but %s is empty: the PostgreSQL server the tests need did not start", EnvRequired, EnvServer)
		}
		t.Skipf("no PostgreSQL server: set %s=postgres://… or run under .ci/pg-cluster (make test does)", EnvServer)
	}
	return dsn
}

var seq atomic.Int64

var unsafeName = regexp.MustCompile(`[^a-z0-9_]+`)

// Location makes an empty schema for one library on the test server,
// dropped when the test ends, and returns a connection string whose
// search_path names it.
func Location(t testing.TB) string {
	t.Helper()
	server := Server(t)
	name := unsafeName.ReplaceAllString(strings.ToLower(t.Name()), "_")
	if len(name) > 40 {
		name = name[len(name)-40:]
	}
	schema := fmt.Sprintf("t%d_%d_%s", os.Getpid(), seq.Add(1), name)
	Exec(t, server, `CREATE SCHEMA `+schema)
	t.Cleanup(func() { Exec(t, server, `DROP SCHEMA `+schema+` CASCADE`) })
	return WithParam(t, server, "search_path", schema)
}

// Schema is the search_path a location names.
func Schema(t testing.TB, loc string) string {
	t.Helper()
	u, err := url.Parse(loc)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query().Get("search_path")
}

// WithParam sets one query parameter of a connection string.
func WithParam(t testing.TB, dsn, key, value string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set(key, value)
	u.RawQuery = q.Encode()
	return u.String()
}

// Exec runs statements on the server dsn names.
func Exec(t testing.TB, dsn string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// Rows returns what one query gives, one string per row.
func Rows(t testing.TB, dsn, query string) []string {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(query)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// Lasting makes an empty schema on the test server that outlives any one
// test (a benchmark fixture built once per process) and returns its
// location and a function that drops it. ok is false when there is no
// test server.
func Lasting(name string) (loc string, drop func() error, ok bool, err error) {
	server := os.Getenv(EnvServer)
	if server == "" {
		return "", nil, false, nil
	}
	schema := fmt.Sprintf("t%d_%s", os.Getpid(), unsafeName.ReplaceAllString(strings.ToLower(name), "_"))
	db, err := sql.Open("pgx", server)
	if err != nil {
		return "", nil, true, err
	}
	if _, err := db.Exec(`CREATE SCHEMA ` + schema); err != nil {
		db.Close()
		return "", nil, true, err
	}
	u, err := url.Parse(server)
	if err != nil {
		db.Close()
		return "", nil, true, err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	drop = func() error {
		defer db.Close()
		_, err := db.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
		return err
	}
	return u.String(), drop, true, nil
}
