package library

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"pactwright/app/template"
)

// IsPostgres reports whether a library location is a PostgreSQL connection
// string (postgres://… or postgresql://…) rather than a file.
func IsPostgres(location string) bool {
	l := strings.ToLower(location)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// Redact returns a library location fit to print: a PostgreSQL connection
// string with its password replaced by "xxxxx"; a file path as it is.
func Redact(location string) string {
	if !IsPostgres(location) {
		return location
	}
	u, err := url.Parse(location)
	if err != nil {
		// Unparseable: keep only the scheme, so no part of it can leak.
		return location[:strings.Index(location, "://")+3] + "…"
	}
	if _, has := u.User.Password(); has {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// secrets are the strings of a connection string that must never be shown.
func secrets(location string) []string {
	u, err := url.Parse(location)
	if err != nil {
		return []string{location}
	}
	var out []string
	if p, has := u.User.Password(); has && p != "" {
		out = append(out, p, url.PathEscape(p), url.QueryEscape(p))
	}
	if p := u.Query().Get("password"); p != "" {
		out = append(out, p, url.QueryEscape(p))
	}
	return out
}

// redactedError hides a password that a driver's message might quote.
type redactedError struct {
	err     error
	secrets []string
}

func (e *redactedError) Error() string {
	msg := e.err.Error()
	for _, s := range e.secrets {
		msg = strings.ReplaceAll(msg, s, "xxxxx")
	}
	return msg
}

func (e *redactedError) Unwrap() error { return e.err }

func redactErr(err error, location string) error {
	if err == nil {
		return nil
	}
	if s := secrets(location); len(s) > 0 {
		return &redactedError{err: err, secrets: s}
	}
	return err
}

// openPostgres opens the library in the PostgreSQL database location names,
// creating its tables if the database (or the schema its search_path names)
// is empty and create is set. As with a file, a database holding another
// program's tables, or a library from a newer Pactwright, is refused before
// anything is written.
func openPostgres(location string, create bool) (*Library, error) {
	shown := Redact(location)
	l, err := connectPostgres(location, create)
	if err != nil {
		return nil, redactErr(fmt.Errorf("open library %s: %w", shown, err), location)
	}
	l.path = shown
	return l, nil
}

func connectPostgres(location string, create bool) (*Library, error) {
	cfg, err := pgx.ParseConfig(location)
	if err != nil {
		return nil, fmt.Errorf("read the connection string: %w", err)
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 10 * time.Second
	}
	// A writer waits for another as long as SQLite's busy timeout, then
	// gets ErrBusy (see explain).
	if _, set := cfg.RuntimeParams["lock_timeout"]; !set {
		cfg.RuntimeParams["lock_timeout"] = "5s"
	}
	if _, set := cfg.RuntimeParams["application_name"]; !set {
		cfg.RuntimeParams["application_name"] = "pactwright"
	}
	db := sql.OpenDB(rebindConnector{stdlib.GetConnector(*cfg)})
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(4)
	db.SetConnMaxIdleTime(5 * time.Minute)
	d := pgDialect{}
	if !create {
		appID, _, tables, err := d.identity(db)
		if err == nil && appID == 0 && tables == 0 {
			err = ErrNoLibrary
		}
		if err != nil {
			db.Close()
			return nil, explain(err)
		}
	}
	if err := migrate(db, d); err != nil {
		db.Close()
		err = explain(err)
		if errors.Is(err, ErrReadOnlyRole) {
			err = fmt.Errorf("the library must be upgraded to this version's format, which only the role owning its tables may do: open it once with the owner's connection string (see docs/team-library.md): %w", err)
		}
		return nil, err
	}
	return &Library{db: db, d: d, pg: cfg, t: template.CallCentre(), now: time.Now, author: newAuthorName()}, nil
}

// rebindConnector lets the library's queries, written with SQLite's "?"
// and "?N" placeholders, run on PostgreSQL, which numbers them "$N".
type rebindConnector struct{ driver.Connector }

func (c rebindConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return rebindConn{conn.(*stdlib.Conn)}, nil
}

// rebindConn is pgx's connection with the query text rewritten; every other
// method (transactions, pings, session resets) is pgx's own.
type rebindConn struct{ *stdlib.Conn }

func (c rebindConn) Prepare(query string) (driver.Stmt, error) {
	return c.Conn.Prepare(rebind(query))
}

func (c rebindConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.Conn.PrepareContext(ctx, rebind(query))
}

func (c rebindConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	return c.Conn.ExecContext(ctx, rebind(query), args)
}

func (c rebindConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	return c.Conn.QueryContext(ctx, rebind(query), args)
}

// rebind turns "?" placeholders into "$1", "$2"… in order, and "?N" into
// "$N", leaving question marks inside string literals alone.
func rebind(query string) string {
	if !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 8)
	n, quoted := 0, false
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case c == '\'':
			quoted = !quoted
		case c == '?' && !quoted:
			j := i + 1
			for j < len(query) && query[j] >= '0' && query[j] <= '9' {
				j++
			}
			b.WriteByte('$')
			if j > i+1 {
				b.WriteString(query[i+1 : j])
				i = j - 1
			} else {
				n++
				b.WriteString(strconv.Itoa(n))
			}
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// ErrServerUnreachable explains a lost or refused connection to the server.
var ErrServerUnreachable = errors.New("the PostgreSQL server cannot be reached or closed the connection: nothing more was saved by this action (what was saved before is safe on the server); check the network or ask whoever runs the server, then try again")

// ErrNoAccess means the database role may not even read the library.
var ErrNoAccess = errors.New("the database role may not read this library's tables: ask whoever runs the server to grant it pactwright_reader or pactwright_writer (docs/team-library-roles.sql)")

// ErrReadOnlyRole means the database role may read the library but not change it.
var ErrReadOnlyRole = errors.New("the database role may only read this library: list, show, history, diff and verify work, but changes cannot be saved (ask whoever runs the server for the library's write grants, see docs/team-library.md)")
