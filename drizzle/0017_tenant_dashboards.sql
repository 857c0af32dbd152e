-- Part 15, views: the dashboards as the application reads them, bound to the session's tenant.
-- Materialized views cannot carry row-level security, so the application no longer reads them:
-- it reads these views, owned (like the materialized views) by tsa_reporting, whose filter on
-- current_tenant_id() no query can leave out. Outside a tenant context they show nothing.
CREATE OR REPLACE VIEW tenant_school_metrics WITH (security_barrier) AS
  SELECT * FROM school_metrics_current WHERE tenant_id = current_tenant_id();
--> statement-breakpoint
CREATE OR REPLACE VIEW tenant_lead_funnel_metrics WITH (security_barrier) AS
  SELECT * FROM lead_funnel_metrics WHERE tenant_id = current_tenant_id();
--> statement-breakpoint
ALTER VIEW tenant_school_metrics OWNER TO tsa_reporting;
--> statement-breakpoint
ALTER VIEW tenant_lead_funnel_metrics OWNER TO tsa_reporting;
--> statement-breakpoint
REVOKE ALL ON school_metrics_current, lead_funnel_metrics FROM tsa_app;
--> statement-breakpoint
GRANT SELECT ON tenant_school_metrics, tenant_lead_funnel_metrics TO tsa_app;
--> statement-breakpoint
-- As in 0007, but the application counts its tenant's rows through the tenant-bound views; only
-- a role that may read the materialized views (an operator) can log an export of every tenant.
CREATE OR REPLACE FUNCTION log_daily_metrics_export(purpose text DEFAULT 'daily metrics export')
RETURNS uuid LANGUAGE plpgsql AS $$
DECLARE
  tenant uuid := current_tenant_id();
  end_user text := current_user_sourced_id();
  schools integer;
  funnel_rows integer;
  logged uuid;
BEGIN
  IF tenant IS NULL THEN
    SELECT count(*) INTO schools FROM school_metrics_current;
    SELECT count(*) INTO funnel_rows FROM lead_funnel_metrics;
  ELSE
    SELECT count(*) INTO schools FROM tenant_school_metrics;
    SELECT count(*) INTO funnel_rows FROM tenant_lead_funnel_metrics;
  END IF;
  INSERT INTO audit_logs (tenant_id, actor_type, actor_id, action, entity, entity_ids, record_count, purpose, changes)
  VALUES (tenant, CASE WHEN end_user IS NULL THEN 'system' ELSE 'user' END, coalesce(end_user, session_user),
          'export', 'daily_metrics', ARRAY['school_metrics_current', 'lead_funnel_metrics'],
          schools + funnel_rows, purpose,
          jsonb_build_object('day', current_date, 'schools', schools, 'funnelRows', funnel_rows))
  RETURNING id INTO logged;
  RETURN logged;
END $$;
