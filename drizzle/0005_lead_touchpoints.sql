-- Part 04, leads: every contact a lead has with a school (ad clicks, site visits, forms, calls,
-- tours). The busiest table of the funnel, so partitioned by month on occurred_at like
-- audit_logs; Drizzle cannot declare partitioned tables, so it is made here and mirrored in
-- src/db/schema/platform/existing/ for typed queries. A partitioned table's keys must include
-- the partition column, so touchpoints carry no sourcedId: nothing outside refers to one.
CREATE TABLE lead_touchpoints (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  occurred_at timestamptz(3) NOT NULL DEFAULT now(),
  lead_sourced_id text NOT NULL,
  channel text NOT NULL,
  campaign text,
  utm_source text,
  utm_medium text,
  utm_campaign text,
  description text,
  metadata jsonb,
  CONSTRAINT lead_touchpoints_pkey PRIMARY KEY (tenant_id, id, occurred_at),
  CONSTRAINT lead_touchpoints_lead_fkey FOREIGN KEY (tenant_id, lead_sourced_id)
    REFERENCES leads (tenant_id, sourced_id) ON UPDATE CASCADE ON DELETE CASCADE,
  CONSTRAINT lead_touchpoints_channel_check CHECK (channel IN
    ('web_visit', 'form', 'email', 'sms', 'call', 'chat', 'event', 'tour', 'ad_click', 'social', 'other'))
) PARTITION BY RANGE (occurred_at);
--> statement-breakpoint
CREATE INDEX lead_touchpoints_lead_idx ON lead_touchpoints (tenant_id, lead_sourced_id, occurred_at);
--> statement-breakpoint
-- Rows outside every monthly partition land here instead of failing; upkeep moves them out.
CREATE TABLE lead_touchpoints_default PARTITION OF lead_touchpoints DEFAULT;
--> statement-breakpoint
SELECT ensure_monthly_partitions('lead_touchpoints', 'occurred_at', now() - interval '1 month', 4);
--> statement-breakpoint
-- The platform domains (0004) and touchpoints are tenant tables: isolation, tracking, grants.
SELECT enforce_tenant_tables();
