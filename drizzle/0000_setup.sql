-- Part 01, setup: extensions the schema relies on, and the application role.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
-- The gateway works as tsa_app: it owns no table and cannot bypass row-level security.
-- Roles are cluster-wide, so another database of the same server may have made it already.
DO $$
BEGIN
  CREATE ROLE tsa_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END $$;
--> statement-breakpoint
-- A migrating role that is not a superuser must be a member to SET ROLE tsa_app.
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT tsa_app TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO tsa_app;
--> statement-breakpoint
-- Bumps the sync cursor of a row that really changed; an update that changes nothing is
-- skipped altogether, so re-importing the same data writes nothing and counts as unchanged.
CREATE OR REPLACE FUNCTION touch_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW IS NOT DISTINCT FROM OLD THEN
    RETURN NULL;
  END IF;
  NEW.date_last_modified := now();
  NEW.change_seq := nextval('change_seq');
  RETURN NEW;
END $$;
--> statement-breakpoint
-- Applies the rules every tenant table follows: tenant isolation by RLS (enabled and forced),
-- the change-tracking trigger, the application role's privileges, deferrable references. Idempotent; every
-- migration that adds tenant tables calls it at its end.
CREATE OR REPLACE FUNCTION enforce_tenant_tables() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t record;
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
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO tsa_app', t.rel);
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
END $$;
--> statement-breakpoint
-- The tenant of the current transaction, set with set_config('app.tenant_id', …, true);
-- NULL (no rows at all) when none is set.
CREATE OR REPLACE FUNCTION current_tenant_id() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('app.tenant_id', true), '')::uuid
$$;
