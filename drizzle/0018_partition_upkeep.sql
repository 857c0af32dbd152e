-- Part 14/04, partitions: a row too far ahead for any partition is refused instead of landing
-- silently in the default partition, and pg_partman is used on 4.x and 5.x alike.

-- How far ahead of today a row may be dated. Upkeep keeps partitions three months ahead; a row
-- dated beyond that but within the horizon waits in the default partition (with a warning)
-- until upkeep reaches its month; a row beyond the horizon is a wrong date, and is refused.
CREATE OR REPLACE FUNCTION partition_horizon() RETURNS interval LANGUAGE sql IMMUTABLE AS $$
  SELECT interval '12 months'
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION guard_default_partition() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  key_value timestamptz := (to_jsonb(NEW) ->> TG_ARGV[0])::timestamptz;
  parent text := TG_ARGV[1];
BEGIN
  IF key_value >= date_trunc('month', now()) + partition_horizon() THEN
    RAISE EXCEPTION '% row dated % is more than % ahead of today, beyond every partition',
      parent, key_value, partition_horizon()
      USING ERRCODE = 'check_violation',
            HINT = format('Correct the row''s %s; a date this far ahead is almost certainly wrong.', TG_ARGV[0]);
  END IF;
  IF key_value >= date_trunc('month', now()) + interval '1 month' THEN
    RAISE WARNING '% row dated % has no partition yet: kept in %, moved when upkeep reaches its month',
      parent, key_value, TG_TABLE_NAME
      USING HINT = 'Partitions are kept three months ahead by `tsa-gateway serve` or `tsa-gateway maintain`.';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- Puts the guard on the default partition of each partitioned table; idempotent, and run again
-- by keep_partitions_ahead() because pg_partman replaces the default partition it registers.
CREATE OR REPLACE FUNCTION guard_default_partitions() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES ('audit_logs', 'occurred_at'), ('lead_touchpoints', 'occurred_at')) v (parent, key_column)
  LOOP
    CONTINUE WHEN to_regclass(t.parent || '_default') IS NULL
      OR EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = to_regclass(t.parent || '_default')
                   AND tgname = 'guard_default_partition');
    EXECUTE format('CREATE TRIGGER guard_default_partition BEFORE INSERT ON %I FOR EACH ROW EXECUTE FUNCTION guard_default_partition(%L, %L)',
      t.parent || '_default', t.key_column, t.parent);
  END LOOP;
END $$;
--> statement-breakpoint
SELECT guard_default_partitions();
--> statement-breakpoint
-- As in 0007, plus the guard on default partitions.
CREATE OR REPLACE FUNCTION keep_partitions_ahead(months_ahead integer DEFAULT 3)
RETURNS TABLE (parent_table text, created text[]) LANGUAGE plpgsql AS $$
DECLARE
  t record;
  before text[];
BEGIN
  FOR t IN SELECT * FROM (VALUES ('audit_logs', 'occurred_at'), ('lead_touchpoints', 'occurred_at')) v (parent, key_column)
  LOOP
    parent_table := t.parent;
    IF partman_manages(t.parent) THEN
      before := ARRAY(SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = t.parent::regclass);
      IF partition_has_rows(t.parent || '_default') THEN
        EXECUTE 'SELECT partman.partition_data_time($1, p_batch_count := 1000)' USING 'public.' || t.parent;
        -- partman keeps its staging table until commit and reuses it for the next table whatever
        -- that table's columns; dropping it lets one transaction move rows of several tables.
        DROP TABLE IF EXISTS pg_temp.partman_temp_data_storage;
      END IF;
      EXECUTE 'SELECT partman.run_maintenance($1)' USING 'public.' || t.parent;
      created := ARRAY(SELECT i.inhrelid::regclass::text FROM pg_inherits i
                        WHERE i.inhparent = t.parent::regclass AND i.inhrelid::regclass::text <> ALL (before)
                        ORDER BY 1);
    ELSE
      created := ARRAY(SELECT made FROM ensure_monthly_partitions(t.parent::regclass, t.key_column, now(), months_ahead) made);
    END IF;
    RETURN NEXT;
  END LOOP;
  PERFORM guard_default_partitions();
END $$;
