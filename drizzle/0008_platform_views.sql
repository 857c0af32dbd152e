-- Part 15, views: the two dashboards, materialized because they aggregate whole tenants. Each
-- carries tenant_id (materialized views have no row-level security, so readers filter by it)
-- and a unique index, which REFRESH MATERIALIZED VIEW CONCURRENTLY requires.

-- The dashboards aggregate every tenant, but tenant tables force row-level security even on
-- their owner, who on managed servers is no superuser. So the views belong to tsa_reporting, a
-- role that may read every tenant's rows of just the tables they summarise; a refresh runs the
-- view's query as its owner, whoever asks for it. Like tsa_app it cannot log in.
DO $$
BEGIN
  CREATE ROLE tsa_reporting NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE
  source_table text;
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT tsa_reporting TO %I', current_user);
  END IF;
  FOREACH source_table IN ARRAY ARRAY['orgs', 'enrollments', 'school_attendance_events', 'quality_metric_values',
    'quality_metric_definitions', 'school_reviews', 'parent_satisfaction_responses', 'payments', 'invoices',
    'leads', 'funnel_stages', 'lead_stage_history']
  LOOP
    EXECUTE format('GRANT SELECT ON %I TO tsa_reporting', source_table);
    EXECUTE format('CREATE POLICY reporting_reads_all_tenants ON %I FOR SELECT TO tsa_reporting USING (true)', source_table);
  END LOOP;
END $$;
--> statement-breakpoint
-- Owning a view takes CREATE on its schema.
GRANT USAGE, CREATE ON SCHEMA public TO tsa_reporting;
--> statement-breakpoint
-- One row per active school or microschool: enrollment today, attendance over the last 90 days,
-- the latest value of each quality pillar, reviews, parent NPS over the last 12 months and the
-- revenue received against the school's invoices over the last 12 months.
CREATE MATERIALIZED VIEW school_metrics_current AS
WITH schools AS (
  SELECT tenant_id, sourced_id, name FROM orgs
  WHERE status = 'active' AND coalesce(level IN ('school', 'microschool'), type = 'school')
), enrollment AS (
  SELECT tenant_id, school_sourced_id,
    count(DISTINCT user_sourced_id) FILTER (WHERE role = 'student') AS students,
    count(DISTINCT user_sourced_id) FILTER (WHERE role = 'teacher') AS coaches,
    count(DISTINCT class_sourced_id) AS classes
  FROM enrollments
  WHERE status = 'active'
    AND (begin_date IS NULL OR begin_date <= current_date)
    AND (end_date IS NULL OR end_date >= current_date)
  GROUP BY 1, 2
), attendance AS (
  SELECT tenant_id, school_sourced_id,
    avg(CASE WHEN category IN ('In Attendance', 'Tardy', 'Early departure') THEN 1 ELSE 0 END) AS rate
  FROM school_attendance_events
  WHERE status = 'active' AND event_date > current_date - 90
  GROUP BY 1, 2
), latest_values AS (
  SELECT DISTINCT ON (tenant_id, school_sourced_id, definition_sourced_id)
    tenant_id, school_sourced_id, definition_sourced_id, value
  FROM quality_metric_values
  WHERE status = 'active'
  ORDER BY tenant_id, school_sourced_id, definition_sourced_id, period_start DESC
), quality AS (
  SELECT v.tenant_id, v.school_sourced_id,
    avg(v.value) FILTER (WHERE d.pillar = 'love_school') AS love_school,
    avg(v.value) FILTER (WHERE d.pillar = 'learn_2x') AS learn_2x,
    avg(v.value) FILTER (WHERE d.pillar = 'life_skills') AS life_skills
  FROM latest_values v
  JOIN quality_metric_definitions d
    ON d.tenant_id = v.tenant_id AND d.sourced_id = v.definition_sourced_id AND d.status = 'active'
  GROUP BY 1, 2
), reviews AS (
  SELECT tenant_id, school_sourced_id, count(*) AS reviews, avg(rating) AS rating
  FROM school_reviews WHERE status = 'active'
  GROUP BY 1, 2
), satisfaction AS (
  SELECT tenant_id, school_sourced_id, count(*) AS responses,
    100.0 * (count(*) FILTER (WHERE likelihood_to_recommend >= 9)
           - count(*) FILTER (WHERE likelihood_to_recommend <= 6)) / count(*) AS nps
  FROM parent_satisfaction_responses
  WHERE status = 'active' AND survey_period > current_date - interval '12 months'
  GROUP BY 1, 2
), revenue AS (
  SELECT i.tenant_id, i.school_sourced_id, sum(p.amount) AS received
  FROM payments p
  JOIN invoices i ON i.tenant_id = p.tenant_id AND i.sourced_id = p.invoice_sourced_id
  WHERE p.status = 'active' AND p.paid_at > now() - interval '12 months'
  GROUP BY 1, 2
)
SELECT s.tenant_id, s.sourced_id AS school_sourced_id, s.name AS school_name,
  coalesce(e.students, 0)::integer AS active_students,
  coalesce(e.coaches, 0)::integer AS active_coaches,
  coalesce(e.classes, 0)::integer AS active_classes,
  round(a.rate, 4)::double precision AS attendance_rate,
  q.love_school AS love_school_score,
  q.learn_2x AS learn_2x_score,
  q.life_skills AS life_skills_score,
  coalesce(r.reviews, 0)::integer AS review_count,
  round(r.rating, 2)::double precision AS average_rating,
  coalesce(ps.responses, 0)::integer AS parent_responses,
  round(ps.nps, 1)::double precision AS parent_nps,
  coalesce(rv.received, 0)::numeric(14, 2) AS revenue_12_months,
  now() AS refreshed_at
FROM schools s
LEFT JOIN enrollment e ON e.tenant_id = s.tenant_id AND e.school_sourced_id = s.sourced_id
LEFT JOIN attendance a ON a.tenant_id = s.tenant_id AND a.school_sourced_id = s.sourced_id
LEFT JOIN quality q ON q.tenant_id = s.tenant_id AND q.school_sourced_id = s.sourced_id
LEFT JOIN reviews r ON r.tenant_id = s.tenant_id AND r.school_sourced_id = s.sourced_id
LEFT JOIN satisfaction ps ON ps.tenant_id = s.tenant_id AND ps.school_sourced_id = s.sourced_id
LEFT JOIN revenue rv ON rv.tenant_id = s.tenant_id AND rv.school_sourced_id = s.sourced_id
WITH NO DATA;
--> statement-breakpoint
CREATE UNIQUE INDEX school_metrics_current_key ON school_metrics_current (tenant_id, school_sourced_id);
--> statement-breakpoint
-- One row per funnel stage and month in which leads entered it: how many entered, how many moved
-- on to a later stage (the stage's conversion rate), were lost, are still there, or are enrolled
-- today (the cohort's enrollment rate), and the average days a finished stay lasted.
CREATE MATERIALIZED VIEW lead_funnel_metrics AS
WITH stays AS (
  SELECT h.tenant_id, h.lead_sourced_id, h.stage_sourced_id, h.entered_at, h.left_at,
    lead(h.stage_sourced_id) OVER (PARTITION BY h.tenant_id, h.lead_sourced_id ORDER BY h.entered_at, h.left_at NULLS LAST)
      AS next_stage_sourced_id
  FROM lead_stage_history h
)
SELECT st.tenant_id, st.sourced_id AS stage_sourced_id, st.name AS stage_name,
  st.position AS stage_position, st.kind AS stage_kind,
  date_trunc('month', s.entered_at)::date AS period_start,
  count(*)::integer AS entered,
  count(*) FILTER (WHERE nx.position > st.position AND nx.kind <> 'lost')::integer AS advanced,
  count(*) FILTER (WHERE nx.kind = 'lost')::integer AS lost,
  count(*) FILTER (WHERE s.left_at IS NULL)::integer AS still_in_stage,
  count(*) FILTER (WHERE now_in.kind = 'won')::integer AS enrolled,
  round(count(*) FILTER (WHERE nx.position > st.position AND nx.kind <> 'lost')::numeric / count(*), 4)::double precision
    AS conversion_rate,
  round(count(*) FILTER (WHERE now_in.kind = 'won')::numeric / count(*), 4)::double precision AS enrollment_rate,
  round((avg(extract(epoch FROM s.left_at - s.entered_at)) / 86400)::numeric, 2)::double precision AS avg_days_in_stage,
  now() AS refreshed_at
FROM stays s
JOIN funnel_stages st ON st.tenant_id = s.tenant_id AND st.sourced_id = s.stage_sourced_id
JOIN leads l ON l.tenant_id = s.tenant_id AND l.sourced_id = s.lead_sourced_id AND l.status = 'active'
JOIN funnel_stages now_in ON now_in.tenant_id = l.tenant_id AND now_in.sourced_id = l.stage_sourced_id
LEFT JOIN funnel_stages nx ON nx.tenant_id = s.tenant_id AND nx.sourced_id = s.next_stage_sourced_id
GROUP BY st.tenant_id, st.sourced_id, st.name, st.position, st.kind, date_trunc('month', s.entered_at)
WITH NO DATA;
--> statement-breakpoint
CREATE UNIQUE INDEX lead_funnel_metrics_key ON lead_funnel_metrics (tenant_id, stage_sourced_id, period_start);
--> statement-breakpoint
ALTER MATERIALIZED VIEW school_metrics_current OWNER TO tsa_reporting;
--> statement-breakpoint
ALTER MATERIALIZED VIEW lead_funnel_metrics OWNER TO tsa_reporting;
--> statement-breakpoint
-- First population, as the owner; from here on `maintain` refreshes them concurrently.
REFRESH MATERIALIZED VIEW school_metrics_current;
--> statement-breakpoint
REFRESH MATERIALIZED VIEW lead_funnel_metrics;
--> statement-breakpoint
-- The application reads the dashboards; members of tsa_reporting (the migrating role) refresh them.
GRANT SELECT ON school_metrics_current, lead_funnel_metrics TO tsa_app;
