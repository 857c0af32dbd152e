-- Part 23, Ed-Fi change queries: what a current row cannot tell, namely that a record was removed
-- for good or that a column its Ed-Fi natural key is built from changed. Soft deletions
-- (status 'tobedeleted') need nothing here: the row itself keeps its change_seq.
-- Only the key-building columns (listed per table in the trigger's arguments) are kept, never a
-- whole row: no names, no demographics, no secrets.
CREATE TABLE IF NOT EXISTS "edfi_tracked_changes" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"table_name" text NOT NULL,
	"change_version" bigint NOT NULL,
	"row_id" uuid NOT NULL,
	"kind" text NOT NULL CHECK ("kind" IN ('delete', 'keyChange')),
	"old_values" jsonb NOT NULL,
	"new_values" jsonb,
	CONSTRAINT "edfi_tracked_changes_pkey" PRIMARY KEY ("tenant_id", "table_name", "kind", "change_version", "row_id")
);
--> statement-breakpoint
-- A hard delete gets a new change version; a key change the version the update gave the row.
CREATE OR REPLACE FUNCTION edfi_track_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kept text[] := ARRAY['id', 'sourced_id', 'status'] || TG_ARGV;
  old_values jsonb;
  new_values jsonb;
BEGIN
  SELECT jsonb_object_agg(k, to_jsonb(OLD) -> k) INTO old_values FROM unnest(kept) AS k;
  IF TG_OP = 'DELETE' THEN
    INSERT INTO edfi_tracked_changes (tenant_id, table_name, change_version, row_id, kind, old_values)
    VALUES (OLD.tenant_id, TG_TABLE_NAME, nextval('change_seq'), OLD.id, 'delete', old_values);
    RETURN OLD;
  END IF;
  SELECT jsonb_object_agg(k, to_jsonb(NEW) -> k) INTO new_values FROM unnest(TG_ARGV) AS k;
  IF (old_values - 'id' - 'sourced_id' - 'status') IS DISTINCT FROM new_values THEN
    INSERT INTO edfi_tracked_changes (tenant_id, table_name, change_version, row_id, kind, old_values, new_values)
    VALUES (NEW.tenant_id, TG_TABLE_NAME, NEW.change_seq, NEW.id, 'keyChange', old_values,
            new_values || jsonb_build_object('id', NEW.id, 'sourced_id', NEW.sourced_id, 'status', NEW.status));
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('orgs', ARRAY['edfi_id', 'type', 'identifier']),
    ('users', ARRAY['agent_sourced_ids']),
    ('user_roles', ARRAY['user_sourced_id', 'org_sourced_id', 'role', 'begin_date']),
    ('demographics', ARRAY[]::text[]),
    ('academic_sessions', ARRAY['title', 'type', 'school_year', 'org_sourced_id', 'parent_sourced_id', 'start_date', 'end_date']),
    ('calendars', ARRAY['school_sourced_id', 'school_year', 'calendar_code']),
    ('calendar_dates', ARRAY['calendar_sourced_id', 'date']),
    ('courses', ARRAY['course_code', 'org_sourced_id']),
    ('classes', ARRAY['class_code', 'course_sourced_id', 'school_sourced_id', 'term_sourced_ids']),
    ('enrollments', ARRAY['user_sourced_id', 'class_sourced_id', 'school_sourced_id', 'role', 'begin_date']),
    ('line_items', ARRAY['class_sourced_id', 'academic_session_sourced_id']),
    ('results', ARRAY['line_item_sourced_id', 'student_sourced_id', 'class_sourced_id']),
    ('course_grades', ARRAY['student_sourced_id', 'class_sourced_id', 'session_sourced_id']),
    ('school_attendance_events', ARRAY['student_sourced_id', 'school_sourced_id', 'session_sourced_id', 'event_date', 'category']),
    ('class_attendance_events', ARRAY['student_sourced_id', 'class_sourced_id', 'event_date', 'category'])
  ) AS v(tbl, cols)
  LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS edfi_track_delete ON %I', t.tbl);
    EXECUTE format('CREATE TRIGGER edfi_track_delete AFTER DELETE ON %I FOR EACH ROW EXECUTE FUNCTION edfi_track_change(%s)',
                   t.tbl, (SELECT coalesce(string_agg(quote_literal(c), ', '), '') FROM unnest(t.cols) AS c));
    IF cardinality(t.cols) > 0 THEN
      EXECUTE format('DROP TRIGGER IF EXISTS edfi_track_key_change ON %I', t.tbl);
      EXECUTE format('CREATE TRIGGER edfi_track_key_change AFTER UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION edfi_track_change(%s)',
                     t.tbl, (SELECT string_agg(quote_literal(c), ', ') FROM unnest(t.cols) AS c));
    END IF;
  END LOOP;
END $$;
--> statement-breakpoint
SELECT enforce_tenant_tables();
--> statement-breakpoint
-- Written only by the triggers; what happened stays as it happened.
REVOKE UPDATE, DELETE ON edfi_tracked_changes FROM tsa_app;
