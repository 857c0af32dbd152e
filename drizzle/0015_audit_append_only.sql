-- Part 14/18, audit: the audit log can only be appended to by the gateway, and end users never
-- read it. The rules live in enforce_tenant_tables() itself, which every migration that adds
-- tenant tables runs again, so no later run can grant back what an append-only table lost.

-- End users' sessions (withUser) run as tsa_end_user: it reads its tenant through the same
-- row-level rules, but has no privilege on credentials, the audit log or any write a product
-- path does not need. Like tsa_app it cannot log in; the migrating role may switch to it.
DO $$
BEGIN
  CREATE ROLE tsa_end_user NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT tsa_end_user TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO tsa_end_user;
--> statement-breakpoint
-- Who received which records of an export: the sourcedIds of each file in chunks of at most
-- 10,000, so a million-student export writes a few hundred small rows (text arrays that the
-- server compresses) instead of one huge one. Append-only, like the record it belongs to.
CREATE TABLE IF NOT EXISTS audit_disclosed_records (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  audit_log_id uuid NOT NULL,
  occurred_at timestamptz(3) NOT NULL,
  file text NOT NULL,
  chunk integer NOT NULL CHECK (chunk >= 0),
  sourced_ids text[] NOT NULL CHECK (cardinality(sourced_ids) BETWEEN 1 AND 10000),
  PRIMARY KEY (audit_log_id, file, chunk),
  FOREIGN KEY (audit_log_id, occurred_at) REFERENCES audit_logs (id, occurred_at)
);
--> statement-breakpoint
-- Tables the application may only read and append to.
CREATE OR REPLACE FUNCTION append_only_tables() RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY['audit_logs', 'audit_disclosed_records']
$$;
--> statement-breakpoint
-- Columns end users never read: credentials are for the application's own authentication path
-- (and for API clients entitled to them), not for people browsing their school.
CREATE OR REPLACE FUNCTION end_user_secret_columns(table_name text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE table_name
    WHEN 'users' THEN ARRAY['password']
    WHEN 'user_profiles' THEN ARRAY['credentials']
    ELSE ARRAY[]::text[]
  END
$$;
--> statement-breakpoint
-- Applies the rules every tenant table follows: tenant isolation by RLS (enabled and forced),
-- the change-tracking trigger, the application role's privileges (read and append only on the
-- append-only tables), end users' privileges (read, minus secret columns and the audit log),
-- an end-user rule for every write (none allowed unless a table has its own rule for that
-- command), deferrable references. Idempotent; every migration that adds tenant tables calls
-- it at its end.
CREATE OR REPLACE FUNCTION enforce_tenant_tables() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t record;
  command text;
  append_only boolean;
  readable text;
BEGIN
  FOR t IN
    SELECT c.oid::regclass AS rel, c.relname,
           EXISTS (SELECT 1 FROM pg_attribute a
                   WHERE a.attrelid = c.oid AND a.attname = 'change_seq' AND NOT a.attisdropped) AS tracked
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND EXISTS (SELECT 1 FROM pg_attribute a
                  WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
  LOOP
    append_only := t.relname = ANY (append_only_tables());
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t.rel);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t.rel);
    IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = t.relname
                   AND policyname = 'tenant_isolation') THEN
      EXECUTE format(
        'CREATE POLICY tenant_isolation ON %s USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())',
        t.rel);
    END IF;
    IF t.tracked AND NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = t.rel AND tgname = 'touch_row') THEN
      EXECUTE format('CREATE TRIGGER touch_row BEFORE INSERT OR UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION touch_row()', t.rel);
    END IF;

    IF append_only THEN
      EXECUTE format('GRANT SELECT, INSERT ON %s TO tsa_app', t.rel);
      EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %s FROM tsa_app', t.rel);
      EXECUTE format('REVOKE ALL ON %s FROM tsa_end_user', t.rel);
      IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = t.relname
                     AND policyname = 'end_user_reads_nothing') THEN
        EXECUTE format(
          'CREATE POLICY end_user_reads_nothing ON %s AS RESTRICTIVE FOR SELECT USING (current_user_sourced_id() IS NULL)',
          t.rel);
      END IF;
    ELSE
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO tsa_app', t.rel);
      IF cardinality(end_user_secret_columns(t.relname)) = 0 THEN
        EXECUTE format('GRANT SELECT ON %s TO tsa_end_user', t.rel);
      ELSE
        -- A table-wide grant would cover every column, so grant the others one by one.
        SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) INTO readable
          FROM pg_attribute a
         WHERE a.attrelid = t.rel AND a.attnum > 0 AND NOT a.attisdropped
           AND a.attname <> ALL (end_user_secret_columns(t.relname));
        EXECUTE format('REVOKE SELECT ON %s FROM tsa_end_user', t.rel);
        EXECUTE format('GRANT SELECT (%s) ON %s TO tsa_end_user', readable, t.rel);
      END IF;
    END IF;

    -- End users write nothing unless the table has its own end-user rule for that command.
    FOREACH command IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE'] LOOP
      CONTINUE WHEN EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = t.relname
                              AND permissive = 'RESTRICTIVE' AND cmd = command);
      EXECUTE format('CREATE POLICY %I ON %s AS RESTRICTIVE FOR %s %s (current_user_sourced_id() IS NULL)',
        'end_user_' || lower(command) || 's_nothing', t.rel, command,
        CASE command WHEN 'INSERT' THEN 'WITH CHECK' ELSE 'USING' END);
    END LOOP;
  END LOOP;
  -- References may point forward within one package (an org's parent listed later), so an
  -- import defers them to commit; they stay immediate for everything else.
  FOR t IN
    SELECT con.conname, con.conrelid::regclass AS rel
    FROM pg_constraint con
    JOIN pg_namespace n ON n.oid = con.connamespace
    WHERE n.nspname = 'public' AND con.contype = 'f' AND NOT con.condeferrable AND con.conparentid = 0
  LOOP
    EXECUTE format('ALTER TABLE %s ALTER CONSTRAINT %I DEFERRABLE INITIALLY IMMEDIATE', t.rel, t.conname);
  END LOOP;
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO tsa_app;
  -- The change-tracking trigger runs as the writer, end users' own profile changes included.
  GRANT USAGE ON SEQUENCE change_seq TO tsa_end_user;
END $$;
--> statement-breakpoint
SELECT enforce_tenant_tables();
