-- Frozen copy of the library schema at user_version 1, as first released.
-- It exists so the migration tests start from the real old schema, not from
-- whatever migrateV1 happens to say today. Never edit it.
PRAGMA application_id = 1346589783;
CREATE TABLE library_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO library_meta (key, value) VALUES ('format', 'pactwright-library');
CREATE TABLE drafts (
	id              INTEGER PRIMARY KEY,
	title           TEXT NOT NULL,
	customer        TEXT NOT NULL DEFAULT '',
	provider        TEXT NOT NULL DEFAULT '',
	status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final', 'signed', 'amendment')),
	percent         INTEGER NOT NULL DEFAULT 0,
	version         INTEGER NOT NULL DEFAULT 1,
	signed_revision INTEGER NOT NULL DEFAULT 0,
	created         TEXT NOT NULL,
	changed         TEXT NOT NULL,
	trashed         TEXT,
	content         TEXT NOT NULL
);
CREATE TABLE revisions (
	draft_id INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
	number   INTEGER NOT NULL,
	kind     TEXT NOT NULL CHECK (kind IN ('save', 'export', 'signed', 'restore-undo')),
	note     TEXT NOT NULL DEFAULT '',
	created  TEXT NOT NULL,
	title    TEXT NOT NULL,
	sha256   TEXT NOT NULL DEFAULT '',
	content  BLOB NOT NULL,
	PRIMARY KEY (draft_id, number)
);
CREATE TABLE exports (
	id       INTEGER PRIMARY KEY,
	draft_id INTEGER NOT NULL,
	revision INTEGER NOT NULL,
	path     TEXT NOT NULL,
	created  TEXT NOT NULL,
	sha256   TEXT NOT NULL,
	length   INTEGER NOT NULL,
	FOREIGN KEY (draft_id, revision) REFERENCES revisions (draft_id, number) ON DELETE CASCADE
);
CREATE INDEX exports_by_sha256 ON exports (sha256);
CREATE INDEX exports_by_length ON exports (length);
CREATE INDEX exports_by_draft ON exports (draft_id, revision);
CREATE INDEX revisions_by_sha256 ON revisions (sha256) WHERE sha256 != '';
PRAGMA user_version = 1;
