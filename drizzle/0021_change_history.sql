-- Issue 13, item 4: change history of people and grades, from every path (imports, REST
-- writes, the console), written set-based: one statement-level trigger per table and command
-- reads the statement's transition tables and appends one audit record per changed row. The
-- financial tables' history moves to the same function, so there is one mechanism.

-- Inserts and deletes keep the whole row, an update only the columns it changed, old and new.
-- Bookkeeping columns and credentials are left out. Runs as the owner so that an end user's own
-- profile change is recorded too (end users may not write the audit log themselves); the row
-- names the end user as the actor all the same.
CREATE OR REPLACE FUNCTION record_change_history() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  end_user text := current_user_sourced_id();
  left_out text[] := ARRAY['date_last_modified', 'change_seq'] || end_user_secret_columns(TG_TABLE_NAME);
BEGIN
  -- The audit log refuses end users' own inserts; this record is the database's, not theirs.
  PERFORM set_config('app.user_id', '', true);
  IF TG_OP = 'INSERT' THEN
    INSERT INTO audit_logs (tenant_id, actor_type, actor_id, action, entity, entity_ids, purpose, changes)
    SELECT n.tenant_id, CASE WHEN end_user IS NULL THEN 'system' ELSE 'user' END,
           coalesce(end_user, session_user), 'insert', TG_TABLE_NAME, ARRAY[n.sourced_id],
           'change history', jsonb_build_object('new', to_jsonb(n) - left_out)
    FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO audit_logs (tenant_id, actor_type, actor_id, action, entity, entity_ids, purpose, changes)
    SELECT o.tenant_id, CASE WHEN end_user IS NULL THEN 'system' ELSE 'user' END,
           coalesce(end_user, session_user), 'delete', TG_TABLE_NAME, ARRAY[o.sourced_id],
           'change history', jsonb_build_object('old', to_jsonb(o) - left_out)
    FROM old_rows o;
  ELSE
    INSERT INTO audit_logs (tenant_id, actor_type, actor_id, action, entity, entity_ids, purpose, changes)
    SELECT n.tenant_id, CASE WHEN end_user IS NULL THEN 'system' ELSE 'user' END,
           coalesce(end_user, session_user), 'update', TG_TABLE_NAME, ARRAY[n.sourced_id],
           'change history', d.changed
    FROM new_rows n
    JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
    CROSS JOIN LATERAL (
      SELECT jsonb_object_agg(k.key, jsonb_build_object('old', to_jsonb(o) -> k.key, 'new', k.value)) AS changed
      FROM jsonb_each(to_jsonb(n) - left_out) k
      WHERE k.value IS DISTINCT FROM to_jsonb(o) -> k.key) d
    WHERE d.changed IS NOT NULL;
  END IF;
  PERFORM set_config('app.user_id', coalesce(end_user, ''), true);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Tables whose every change is kept in the audit log.
CREATE OR REPLACE FUNCTION change_history_tables() RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY[
    'financial_accounts', 'transactions', 'invoices', 'payments', 'esa_applications',
    'users',
    'categories', 'score_scales', 'line_items', 'line_item_score_scales',
    'line_item_learning_objectives', 'results', 'result_score_scales', 'result_learning_objectives',
    'assessment_line_items', 'assessment_results', 'course_grades']
$$;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY change_history_tables() LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS audit_row_change ON %I', t);
    EXECUTE format('CREATE TRIGGER change_history_insert AFTER INSERT ON %I
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_change_history()', t);
    EXECUTE format('CREATE TRIGGER change_history_update AFTER UPDATE ON %I
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_change_history()', t);
    EXECUTE format('CREATE TRIGGER change_history_delete AFTER DELETE ON %I
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION record_change_history()', t);
  END LOOP;
END $$;
--> statement-breakpoint
DROP FUNCTION IF EXISTS audit_row_change();
