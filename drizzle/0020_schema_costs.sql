-- Issue 13, what the schema costs a write (figures in docs/performance.md, "Schema costs";
-- reasons in docs/schema.md, "What a row costs").

-- The sourcedId rule, same meaning, written so PostgreSQL's regex engine checks it in linear
-- time: the bounded repetition {1,255} made the old form about 60 times slower per row.
DO $$
DECLARE
  c record;
BEGIN
  FOR c IN
    SELECT con.conname, con.conrelid::regclass AS rel
    FROM pg_constraint con
    JOIN pg_namespace n ON n.oid = con.connamespace
    WHERE n.nspname = 'public' AND con.contype = 'c' AND con.conname LIKE '%\_sourced\_id\_check'
      AND pg_get_constraintdef(con.oid) LIKE '%{1,255}%'
  LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', c.rel, c.conname);
    EXECUTE format(
      'ALTER TABLE %s ADD CONSTRAINT %I CHECK (sourced_id ~ ''^[0-9A-Za-z./@_-]+$'' AND length(sourced_id) <= 255)',
      c.rel, c.conname);
  END LOOP;
END $$;
--> statement-breakpoint
-- The reference from every entity row (and the list mirrors) to its tenant carries no
-- information: the tenant_isolation policy already refuses a row whose tenant_id is not the
-- transaction's tenant, the gateway sets that tenant only from a row of tenants, and tenants are
-- never deleted. It cost one lookup per row at commit (1.5 M at 50,000 students).
DO $$
DECLARE
  c record;
BEGIN
  FOR c IN
    SELECT con.conname, con.conrelid::regclass AS rel
    FROM pg_constraint con
    JOIN pg_namespace n ON n.oid = con.connamespace
    WHERE n.nspname = 'public' AND con.contype = 'f' AND con.confrelid = 'tenants'::regclass
      AND (con.conrelid::regclass::text IN ('class_terms', 'user_agents')
           OR EXISTS (SELECT 1 FROM pg_constraint s
                      WHERE s.conrelid = con.conrelid AND s.conname LIKE '%\_sourced\_id\_check'))
  LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', c.rel, c.conname);
  END LOOP;
END $$;
--> statement-breakpoint
-- No read, import, export or foreign-key action looks results up by their class (a class's
-- results are found through its line items, see the Gradebook relations), so this index only
-- cost every write.
DROP INDEX IF EXISTS results_class_idx;
--> statement-breakpoint
-- End users' rules read the session's end user once per statement (an initplan) instead of once
-- per row, so the application's own reads, which name no end user, pay one comparison of a
-- parameter per row and never reach the rules' subqueries.
CREATE OR REPLACE FUNCTION end_user_once_per_statement(expression text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT replace(expression, 'current_user_sourced_id()', '(SELECT current_user_sourced_id())')
$$;
--> statement-breakpoint
DO $$
DECLARE
  p record;
BEGIN
  FOR p IN
    SELECT tablename, policyname, qual, with_check FROM pg_policies
    WHERE schemaname = 'public'
      AND concat(qual, with_check) LIKE '%current_user_sourced_id()%'
      AND concat(qual, with_check) NOT LIKE '%SELECT current_user_sourced_id()%'
  LOOP
    EXECUTE format('ALTER POLICY %I ON %I%s%s', p.policyname, p.tablename,
      CASE WHEN p.qual IS NOT NULL THEN format(' USING (%s)', end_user_once_per_statement(p.qual)) ELSE '' END,
      CASE WHEN p.with_check IS NOT NULL
           THEN format(' WITH CHECK (%s)', end_user_once_per_statement(p.with_check)) ELSE '' END);
  END LOOP;
END $$;
--> statement-breakpoint
-- The same for the policies later migrations create on new tables (see 0015).
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
          'CREATE POLICY end_user_reads_nothing ON %s AS RESTRICTIVE FOR SELECT USING (%s)',
          t.rel, end_user_once_per_statement('current_user_sourced_id() IS NULL'));
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
      EXECUTE format('CREATE POLICY %I ON %s AS RESTRICTIVE FOR %s %s (%s)',
        'end_user_' || lower(command) || 's_nothing', t.rel, command,
        CASE command WHEN 'INSERT' THEN 'WITH CHECK' ELSE 'USING' END,
        end_user_once_per_statement('current_user_sourced_id() IS NULL'));
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
