package library

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// Watch calls changed, from its own goroutine, whenever another window or
// process changes a draft or its history, with the draft's id, until ctx
// is done. On PostgreSQL the server announces each change (LISTEN/NOTIFY)
// within milliseconds; a lost connection is re-made every few seconds
// and changed(0) then says "anything may have changed". A library file
// is checked twice a second and always reports 0. On PostgreSQL this
// handle's own changes are announced too: compare the version Get returns
// with the one last saved before reloading.
func (l *Library) Watch(ctx context.Context, changed func(id int64)) error {
	if l.pg == nil {
		return l.pollFile(ctx, changed)
	}
	for {
		// listen returns when the connection is lost (or ctx is done):
		// wait, then listen again.
		_ = l.listen(ctx, changed)
		if ctx.Err() != nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(3 * time.Second):
		}
		changed(0)
	}
}

func (l *Library) listen(ctx context.Context, changed func(id int64)) error {
	conn, err := pgx.ConnectConfig(ctx, l.pg.Copy())
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	var schema string
	if err := conn.QueryRow(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		return err
	}
	if _, err := conn.Exec(ctx, `LISTEN pactwright`); err != nil {
		return err
	}
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		s, id, ok := strings.Cut(n.Payload, " ")
		if !ok || s != schema {
			continue // another library in the same database
		}
		if v, err := strconv.ParseInt(id, 10, 64); err == nil {
			changed(v)
		}
	}
}

// pollFile watches SQLite's data_version, which changes when another
// connection commits to the file.
func (l *Library) pollFile(ctx context.Context, changed func(id int64)) error {
	last, err := l.dataVersion()
	if err != nil {
		return err
	}
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
		v, err := l.dataVersion()
		if errors.Is(err, context.Canceled) {
			return nil
		}
		if err == nil && v != last {
			last = v
			changed(0)
		}
	}
}

func (l *Library) dataVersion() (int64, error) {
	var v int64
	err := l.db.QueryRow(`PRAGMA data_version`).Scan(&v)
	return v, err
}
