-- Part 01 (optional extensions): used where the server has them, skipped where it has not
-- (PGlite, a bare server, a migrating role that may not create them), so the schema deploys
-- everywhere. pgaudit and pg_stat_statements work only when preloaded at server start.
CREATE OR REPLACE FUNCTION extension_usable(extension text, needs_preload boolean) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = extension)
    AND (NOT needs_preload OR extension = ANY (
      string_to_array(replace(current_setting('shared_preload_libraries', true), ' ', ''), ',')))
$$;
--> statement-breakpoint
-- Hands a partitioned table to pg_partman. Our monthly partitions are renamed to partman's
-- names (`_pYYYY_MM` on 4.x, `_pYYYYMMDD` on 5.x), which partman then recognises and leaves as
-- they are, and our default partition makes way for partman's, its rows re-routed; from here on
-- keep_partitions_ahead() runs partman's maintenance for this table instead of
-- ensure_monthly_partitions(). create_parent changed its signature in 5.0 (no p_type 'native',
-- p_interval an interval), so the installed major version decides the call.
CREATE OR REPLACE FUNCTION register_with_partman(parent text, key_column text, premake integer DEFAULT 3)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  part record;
  old_default text := parent || '_default_before_partman';
  major integer := (SELECT split_part(extversion, '.', 1)::integer FROM pg_extension WHERE extname = 'pg_partman');
BEGIN
  IF major NOT IN (4, 5) THEN
    RAISE WARNING 'pg_partman % not used for %: only 4.x and 5.x are known; our own upkeep keeps its partitions', major, parent;
    RETURN;
  END IF;
  IF partman_manages(parent) THEN
    RETURN;
  END IF;
  FOR part IN
    SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = parent::regclass AND c.relname ~ ('^' || parent || '_p[0-9]{6}$')
  LOOP
    EXECUTE format('ALTER TABLE %I RENAME TO %I', part.relname,
      regexp_replace(part.relname, '_p([0-9]{4})([0-9]{2})$', CASE major WHEN 4 THEN '_p\1_\2' ELSE '_p\1\201' END));
  END LOOP;
  IF to_regclass(parent || '_default') IS NOT NULL THEN
    EXECUTE format('ALTER TABLE %I DETACH PARTITION %I', parent, parent || '_default');
    EXECUTE format('ALTER TABLE %I RENAME TO %I', parent || '_default', old_default);
  END IF;
  IF major = 4 THEN
    EXECUTE 'SELECT partman.create_parent($1, $2, p_type := ''native'', p_interval := ''monthly'', p_premake := $3)'
      USING 'public.' || parent, key_column, premake;
  ELSE
    EXECUTE 'SELECT partman.create_parent($1, $2, p_interval := ''1 month'', p_premake := $3)'
      USING 'public.' || parent, key_column, premake;
  END IF;
  IF to_regclass(old_default) IS NOT NULL THEN
    EXECUTE format('INSERT INTO %I SELECT * FROM %I', parent, old_default);
    EXECUTE format('DROP TABLE %I', old_default);
  END IF;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  IF extension_usable('pg_partman', false) THEN
    CREATE SCHEMA IF NOT EXISTS partman;
    CREATE EXTENSION IF NOT EXISTS pg_partman SCHEMA partman;
    PERFORM register_with_partman('audit_logs', 'occurred_at');
    PERFORM register_with_partman('lead_touchpoints', 'occurred_at');
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'pg_partman not used: % may not create extensions; our own upkeep keeps partitions', current_user;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  IF extension_usable('pg_stat_statements', true) THEN
    CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'pg_stat_statements not enabled: % may not create extensions', current_user;
END $$;
--> statement-breakpoint
-- pgaudit logs schema and role changes to the server log for this database; who read or changed
-- student and financial data is already in audit_logs, with more context than pgaudit has.
DO $$
BEGIN
  IF extension_usable('pgaudit', true) THEN
    CREATE EXTENSION IF NOT EXISTS pgaudit;
    EXECUTE format('ALTER DATABASE %I SET pgaudit.log = %L', current_database(), 'ddl, role');
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'pgaudit not enabled: % may not create extensions', current_user;
END $$;
