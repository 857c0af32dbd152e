-- Part 16, functions: the end user of a session, history and score triggers, change audit,
-- partition upkeep and the metrics export log.

-- The end user a session acts for, set with set_config('app.user_id', sourcedId, true) by
-- end-user sessions only; NULL for the application itself, which then sees the whole tenant.
CREATE OR REPLACE FUNCTION current_user_sourced_id() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('app.user_id', true), '')
$$;
--> statement-breakpoint
-- Each stay of a lead in a funnel stage: entering a stage closes the previous stay.
CREATE OR REPLACE FUNCTION record_lead_stage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    UPDATE lead_stage_history SET left_at = now()
     WHERE tenant_id = NEW.tenant_id AND lead_sourced_id = NEW.sourced_id AND left_at IS NULL;
  END IF;
  INSERT INTO lead_stage_history (tenant_id, lead_sourced_id, stage_sourced_id, entered_at)
  VALUES (NEW.tenant_id, NEW.sourced_id, NEW.stage_sourced_id, now());
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER record_lead_stage AFTER INSERT ON leads
  FOR EACH ROW EXECUTE FUNCTION record_lead_stage();
--> statement-breakpoint
CREATE TRIGGER record_lead_stage_change AFTER UPDATE OF stage_sourced_id ON leads
  FOR EACH ROW WHEN (NEW.stage_sourced_id IS DISTINCT FROM OLD.stage_sourced_id)
  EXECUTE FUNCTION record_lead_stage();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION record_esa_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO esa_application_status_history (tenant_id, application_sourced_id, from_status, to_status, changed_by)
  VALUES (NEW.tenant_id, NEW.sourced_id,
          CASE WHEN TG_OP = 'UPDATE' THEN OLD.application_status END,
          NEW.application_status, current_user_sourced_id());
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER record_esa_status AFTER INSERT ON esa_applications
  FOR EACH ROW EXECUTE FUNCTION record_esa_status();
--> statement-breakpoint
CREATE TRIGGER record_esa_status_change AFTER UPDATE OF application_status ON esa_applications
  FOR EACH ROW WHEN (NEW.application_status IS DISTINCT FROM OLD.application_status)
  EXECUTE FUNCTION record_esa_status();
--> statement-breakpoint
-- Scores a tenant's leads (all of them, or those named) from its active scoring rules, set-based.
-- A rule looks at one attribute of the lead and matches when it is present and equal (ignoring
-- case) to the rule's value, or present at all when the rule has none; touchpoint rules earn
-- their points once per matching touchpoint, up to their cap. The total is kept within 0–100.
CREATE OR REPLACE FUNCTION score_leads(tenant uuid, lead_ids text[] DEFAULT NULL) RETURNS void
LANGUAGE sql AS $$
  WITH target AS (
    SELECT * FROM leads l
    WHERE l.tenant_id = tenant AND (lead_ids IS NULL OR l.sourced_id = ANY (lead_ids))
  ), touches AS (
    SELECT t.lead_sourced_id, t.channel, count(*) AS n
    FROM lead_touchpoints t
    WHERE t.tenant_id = tenant AND (lead_ids IS NULL OR t.lead_sourced_id = ANY (lead_ids))
    GROUP BY 1, 2
  ), matches AS (
    SELECT l.sourced_id AS lead_id, r.sourced_id AS rule_id, r.points, r.max_points,
      CASE r.criterion
        WHEN 'touchpoint_channel' THEN
          (SELECT coalesce(sum(t.n), 0) FROM touches t
            WHERE t.lead_sourced_id = l.sourced_id AND (r.match_value IS NULL OR t.channel = r.match_value))
        ELSE
          (SELECT count(*) FROM (SELECT CASE r.criterion
              WHEN 'source' THEN l.source
              WHEN 'utm_source' THEN l.utm_source
              WHEN 'utm_medium' THEN l.utm_medium
              WHEN 'utm_campaign' THEN l.utm_campaign
              WHEN 'school_of_interest' THEN l.school_of_interest_sourced_id
              WHEN 'has_email' THEN l.email
              WHEN 'has_phone' THEN l.phone
              WHEN 'stage' THEN l.stage_sourced_id
            END AS value) attribute
            WHERE attribute.value IS NOT NULL
              AND (r.match_value IS NULL OR lower(attribute.value) = lower(r.match_value)))
      END AS times
    FROM target l
    JOIN lead_scoring_rules r ON r.tenant_id = l.tenant_id AND r.status = 'active'
  ), earned AS (
    SELECT lead_id, rule_id,
      (sign(points) * least(abs(points) * times, coalesce(max_points, abs(points) * times)))::integer AS points
    FROM matches
  )
  INSERT INTO lead_scores AS s (tenant_id, lead_sourced_id, score, breakdown, scored_at)
  SELECT tenant, l.sourced_id,
    greatest(0, least(100, coalesce(sum(e.points), 0)))::integer,
    coalesce(jsonb_object_agg(e.rule_id, e.points) FILTER (WHERE e.points <> 0), '{}'::jsonb),
    now()
  FROM target l
  LEFT JOIN earned e ON e.lead_id = l.sourced_id
  GROUP BY l.sourced_id
  ON CONFLICT (tenant_id, lead_sourced_id) DO UPDATE
    SET score = excluded.score, breakdown = excluded.breakdown, scored_at = excluded.scored_at
    WHERE s.score IS DISTINCT FROM excluded.score OR s.breakdown IS DISTINCT FROM excluded.breakdown
$$;
--> statement-breakpoint
-- Rescores after a statement changed leads, touchpoints or rules. TG_ARGV[0] names the column of
-- the changed rows that holds the lead's sourcedId, or is `all` when every lead of the tenant is
-- concerned (a rule changed). Statement-level, so a bulk load scores each tenant once.
CREATE OR REPLACE FUNCTION rescore_leads() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('SELECT score_leads(tenant_id, %s) FROM changed_rows GROUP BY tenant_id',
    CASE TG_ARGV[0] WHEN 'all' THEN 'NULL' ELSE format('array_agg(DISTINCT %I)', TG_ARGV[0]) END);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER rescore_inserted_leads AFTER INSERT ON leads
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION rescore_leads('sourced_id');
--> statement-breakpoint
CREATE TRIGGER rescore_updated_leads AFTER UPDATE ON leads
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION rescore_leads('sourced_id');
--> statement-breakpoint
CREATE TRIGGER rescore_touched_leads AFTER INSERT ON lead_touchpoints
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION rescore_leads('lead_sourced_id');
--> statement-breakpoint
CREATE TRIGGER rescore_untouched_leads AFTER DELETE ON lead_touchpoints
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION rescore_leads('lead_sourced_id');
--> statement-breakpoint
CREATE TRIGGER rescore_on_new_rules AFTER INSERT ON lead_scoring_rules
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION rescore_leads('all');
--> statement-breakpoint
CREATE TRIGGER rescore_on_changed_rules AFTER UPDATE ON lead_scoring_rules
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION rescore_leads('all');
--> statement-breakpoint
CREATE TRIGGER rescore_on_removed_rules AFTER DELETE ON lead_scoring_rules
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION rescore_leads('all');
--> statement-breakpoint
-- Change history of sensitive rows into audit_logs: inserts and deletes keep the whole row, an
-- update keeps only the columns it changed, old and new. Bookkeeping columns are left out.
CREATE OR REPLACE FUNCTION audit_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
  new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
  row_now jsonb := coalesce(new_row, old_row);
  end_user text := current_user_sourced_id();
  changed jsonb;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT jsonb_object_agg(n.key, jsonb_build_object('old', old_row -> n.key, 'new', n.value))
      INTO changed
      FROM jsonb_each(new_row) n
     WHERE n.key NOT IN ('date_last_modified', 'change_seq')
       AND n.value IS DISTINCT FROM old_row -> n.key;
  ELSE
    changed := jsonb_build_object(CASE TG_OP WHEN 'INSERT' THEN 'new' ELSE 'old' END,
                                  row_now - 'date_last_modified' - 'change_seq');
  END IF;
  INSERT INTO audit_logs (tenant_id, actor_type, actor_id, action, entity, entity_ids, purpose, changes)
  VALUES ((row_now ->> 'tenant_id')::uuid,
          CASE WHEN end_user IS NULL THEN 'system' ELSE 'user' END,
          coalesce(end_user, session_user),
          lower(TG_OP), TG_TABLE_NAME, ARRAY[row_now ->> 'sourced_id'],
          'change history', changed);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON financial_accounts
  FOR EACH ROW EXECUTE FUNCTION audit_row_change();
--> statement-breakpoint
CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON transactions
  FOR EACH ROW EXECUTE FUNCTION audit_row_change();
--> statement-breakpoint
CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON invoices
  FOR EACH ROW EXECUTE FUNCTION audit_row_change();
--> statement-breakpoint
CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON payments
  FOR EACH ROW EXECUTE FUNCTION audit_row_change();
--> statement-breakpoint
CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON esa_applications
  FOR EACH ROW EXECUTE FUNCTION audit_row_change();
--> statement-breakpoint
-- Whether pg_partman keeps this parent's partitions (only on servers that have it).
CREATE OR REPLACE FUNCTION partman_manages(parent text) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
DECLARE
  managed boolean;
BEGIN
  IF to_regclass('partman.part_config') IS NULL THEN
    RETURN false;
  END IF;
  EXECUTE 'SELECT EXISTS (SELECT 1 FROM partman.part_config WHERE parent_table = $1)'
    INTO managed USING 'public.' || parent;
  RETURN managed;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION partition_has_rows(partition text) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
DECLARE
  found boolean;
BEGIN
  IF to_regclass(partition) IS NULL THEN
    RETURN false;
  END IF;
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM ONLY %I)', partition) INTO found;
  RETURN found;
END $$;
--> statement-breakpoint
-- Keeps monthly partitions of the partitioned tables ahead of time; one row per table with the
-- partitions this call created. Where pg_partman owns a table, partman moves rows that arrived
-- early (in the default partition) into partitions of their own and its premake decides how far
-- ahead it goes; elsewhere ensure_monthly_partitions does both, `months_ahead` months past this one.
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
END $$;
--> statement-breakpoint
-- Records a request to export the daily dashboards in the audit log: who asked (the end user, or
-- the connecting role), for which tenant (the session's, or every tenant when none is set), how
-- many dashboard rows it covers and why. Returns the audit record's id.
CREATE OR REPLACE FUNCTION log_daily_metrics_export(purpose text DEFAULT 'daily metrics export')
RETURNS uuid LANGUAGE plpgsql AS $$
DECLARE
  tenant uuid := current_tenant_id();
  end_user text := current_user_sourced_id();
  schools integer;
  funnel_rows integer;
  logged uuid;
BEGIN
  SELECT count(*) INTO schools FROM school_metrics_current WHERE tenant IS NULL OR tenant_id = tenant;
  SELECT count(*) INTO funnel_rows FROM lead_funnel_metrics WHERE tenant IS NULL OR tenant_id = tenant;
  INSERT INTO audit_logs (tenant_id, actor_type, actor_id, action, entity, entity_ids, record_count, purpose, changes)
  VALUES (tenant, CASE WHEN end_user IS NULL THEN 'system' ELSE 'user' END, coalesce(end_user, session_user),
          'export', 'daily_metrics', ARRAY['school_metrics_current', 'lead_funnel_metrics'],
          schools + funnel_rows, purpose,
          jsonb_build_object('day', current_date, 'schools', schools, 'funnelRows', funnel_rows))
  RETURNING id INTO logged;
  RETURN logged;
END $$;
