-- Roles for a Pactwright library shared on PostgreSQL, with only the grants
-- each needs. Run it once as a superuser (or a role with CREATEROLE that
-- owns the database), in the database that will hold the library:
--
--   psql -d pactwright -v ON_ERROR_STOP=1 -f docs/team-library-roles.sql
--
-- It makes three roles, which cannot log in yet:
--   pactwright_owner   owns the schema "pactwright"; creates and upgrades
--                      the library's tables (the first open, and the first
--                      open by a newer Pactwright). Whoever does that logs
--                      in as this role itself (tables it creates get the
--                      grants below; tables a member creates would not):
--                        ALTER ROLE pactwright_owner LOGIN PASSWORD '…';
--   pactwright_writer  reads and changes drafts: everyday use
--   pactwright_reader  reads only: list, show, history, diff, verify
-- and the schema "pactwright". Give each person a login in one group:
--
--   CREATE ROLE ann LOGIN PASSWORD '…' IN ROLE pactwright_writer;
--
-- and a connection string naming the schema:
--
--   postgres://ann@db.example.com/pactwright?search_path=pactwright&sslmode=verify-full
--
-- Running it again changes nothing.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pactwright_owner') THEN
    CREATE ROLE pactwright_owner NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pactwright_writer') THEN
    CREATE ROLE pactwright_writer NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pactwright_reader') THEN
    CREATE ROLE pactwright_reader NOLOGIN;
  END IF;
END
$$;

CREATE SCHEMA IF NOT EXISTS pactwright AUTHORIZATION pactwright_owner;
GRANT USAGE ON SCHEMA pactwright TO pactwright_writer, pactwright_reader;

-- The owner creates the tables when the library is first opened, so the
-- grants are default privileges: every table and sequence the owner makes
-- in the schema, now or in a later upgrade, gets them.
ALTER DEFAULT PRIVILEGES FOR ROLE pactwright_owner IN SCHEMA pactwright
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO pactwright_writer;
ALTER DEFAULT PRIVILEGES FOR ROLE pactwright_owner IN SCHEMA pactwright
  GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO pactwright_writer;
ALTER DEFAULT PRIVILEGES FOR ROLE pactwright_owner IN SCHEMA pactwright
  GRANT SELECT ON TABLES TO pactwright_reader;

-- Tables made before this script ran (a library created by hand first).
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pactwright TO pactwright_writer;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA pactwright TO pactwright_writer;
GRANT SELECT ON ALL TABLES IN SCHEMA pactwright TO pactwright_reader;
