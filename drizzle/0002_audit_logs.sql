-- Part 14, audit: who saw or changed what, partitioned by month on occurred_at.
CREATE TABLE audit_logs (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  occurred_at timestamptz(3) NOT NULL DEFAULT now(),
  tenant_id uuid REFERENCES tenants (id),
  actor_type text NOT NULL CHECK (actor_type IN ('client', 'user', 'system', 'operator')),
  actor_id text,
  action text NOT NULL,
  entity text,
  entity_ids text[],
  endpoint text,
  query text,
  record_count integer CHECK (record_count IS NULL OR record_count >= 0),
  purpose text,
  ip inet,
  session_id text,
  changes jsonb,
  PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);
--> statement-breakpoint
CREATE INDEX audit_logs_tenant_time_idx ON audit_logs (tenant_id, occurred_at);
--> statement-breakpoint
-- Rows outside every monthly partition land here instead of failing: nothing is lost.
CREATE TABLE audit_logs_default PARTITION OF audit_logs DEFAULT;
--> statement-breakpoint
-- Creates the monthly partitions of `parent` (range-partitioned on `key_column`) from the month
-- of `start_at` through `months_ahead` months later, and returns the names it created.
-- Rows that had fallen into the default partition for such a month move into the new one.
-- Idempotent.
CREATE OR REPLACE FUNCTION ensure_monthly_partitions(
  parent regclass, key_column text, start_at timestamptz, months_ahead integer)
RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
  base text := (SELECT relname FROM pg_class WHERE oid = parent);
  default_part regclass := to_regclass(base || '_default');
  month_start date := date_trunc('month', start_at)::date;
  lower_bound date;
  upper_bound date;
  part_name text;
BEGIN
  FOR i IN 0..months_ahead LOOP
    lower_bound := month_start + make_interval(months => i);
    upper_bound := month_start + make_interval(months => i + 1);
    part_name := format('%s_p%s', base, to_char(lower_bound, 'YYYYMM'));
    CONTINUE WHEN to_regclass(part_name) IS NOT NULL;
    EXECUTE format('CREATE TABLE %I (LIKE %s INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part_name, parent);
    IF default_part IS NOT NULL THEN
      EXECUTE format(
        'WITH moved AS (DELETE FROM %s WHERE %I >= %L AND %I < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
        default_part, key_column, lower_bound, key_column, upper_bound, part_name);
    END IF;
    EXECUTE format('ALTER TABLE %s ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
      parent, part_name, lower_bound, upper_bound);
    RETURN NEXT part_name;
  END LOOP;
END $$;
--> statement-breakpoint
SELECT ensure_monthly_partitions('audit_logs', 'occurred_at', now() - interval '1 month', 4);
