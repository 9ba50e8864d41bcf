package library

import (
	"database/sql"
	"os"
	"os/user"
	"strings"
	"sync/atomic"
)

// EnvAuthor names the environment variable holding the name the CLI
// records as the author of what it changes; the window passes the name
// set in its Settings to SetAuthor instead.
const EnvAuthor = "PACTWRIGHT_AUTHOR"

// migrateV4 records who made each revision and export, who put a draft in
// the trash and who last changed its working copy: in a library several
// people share, history and conflicts must say who.
// Rows from before have no author (”).
func migrateV4(tx *sql.Tx, d dialect) error {
	return execAll(tx, d,
		`ALTER TABLE revisions ADD COLUMN author TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE exports ADD COLUMN author TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE drafts ADD COLUMN trashed_by TEXT NOT NULL DEFAULT ''`,
		// Who last changed the working copy, for the conflict message.
		`ALTER TABLE drafts ADD COLUMN changed_by TEXT NOT NULL DEFAULT ''`,
		// On PostgreSQL, every change to a draft or its history is
		// announced to the other windows (see Watch).
		pgOnly+`CREATE FUNCTION notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			PERFORM pg_notify('pactwright', TG_TABLE_SCHEMA || ' ' ||
				(CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END ->> TG_ARGV[0]));
			RETURN NULL;
		END $$`,
		pgOnly+`CREATE TRIGGER drafts_changed AFTER INSERT OR UPDATE OR DELETE ON drafts FOR EACH ROW EXECUTE FUNCTION notify_change('id')`,
		pgOnly+`CREATE TRIGGER revisions_changed AFTER INSERT ON revisions FOR EACH ROW EXECUTE FUNCTION notify_change('draft_id')`,
	)
}

// DefaultAuthor is who changes are recorded as when no name was set:
// $PACTWRIGHT_AUTHOR, else the operating system's full name for the user,
// else the login name.
func DefaultAuthor() string {
	if name := strings.TrimSpace(os.Getenv(EnvAuthor)); name != "" {
		return name
	}
	u, err := user.Current()
	if err != nil {
		return os.Getenv("USER")
	}
	// The GECOS field may hold "Full Name,room,phone".
	if name := strings.TrimSpace(strings.SplitN(u.Name, ",", 2)[0]); name != "" {
		return name
	}
	return u.Username
}

// SetAuthor sets the name recorded as the author of the changes made
// through this library handle from now on. An empty name means
// DefaultAuthor.
func (l *Library) SetAuthor(name string) {
	if name = strings.TrimSpace(name); name == "" {
		name = DefaultAuthor()
	}
	l.author.Store(&name)
}

// newAuthorName holds DefaultAuthor until SetAuthor changes it. The window
// changes it while background saves read it, hence the atomic pointer.
func newAuthorName() *atomic.Pointer[string] {
	var p atomic.Pointer[string]
	name := DefaultAuthor()
	p.Store(&name)
	return &p
}

// Author is the name this handle records its changes under.
func (l *Library) Author() string { return *l.author.Load() }
