-- Part 17, data: every tenant starts with the standard enrollment funnel and lead scoring rules.
-- Seeding is idempotent and never overwrites: a stage or rule the tenant already has (by
-- sourcedId, or a stage at the same position) is left as the tenant set it.
CREATE OR REPLACE FUNCTION seed_tenant_defaults(tenant uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  outer_tenant text := current_setting('app.tenant_id', true);
BEGIN
  -- Tenant tables force row-level security even on their owner, so seed inside the tenant's context.
  PERFORM set_config('app.tenant_id', tenant::text, true);

  INSERT INTO funnel_stages (tenant_id, sourced_id, name, position, kind, target_days, description)
  VALUES
    (tenant, 'inquiry', 'Inquiry', 1, 'open', 2, 'A family asked about a school'),
    (tenant, 'contacted', 'Contacted', 2, 'open', 5, 'Someone from the school reached the family'),
    (tenant, 'tour-scheduled', 'Tour scheduled', 3, 'open', 14, 'A visit or virtual tour is booked'),
    (tenant, 'toured', 'Toured', 4, 'open', 7, 'The family has seen the school'),
    (tenant, 'application-started', 'Application started', 5, 'open', 14, 'An application is in progress'),
    (tenant, 'application-submitted', 'Application submitted', 6, 'open', 10, 'Awaiting the school''s decision'),
    (tenant, 'enrolled', 'Enrolled', 7, 'won', NULL, 'The student is enrolled'),
    (tenant, 'lost', 'Lost', 8, 'lost', NULL, 'The family chose not to continue')
  ON CONFLICT DO NOTHING;

  INSERT INTO lead_scoring_rules (tenant_id, sourced_id, name, criterion, match_value, points, max_points)
  VALUES
    (tenant, 'source.referral', 'Referred by a family', 'source', 'referral', 25, NULL),
    (tenant, 'source.walk-in', 'Walked in', 'source', 'walk_in', 20, NULL),
    (tenant, 'source.event', 'Met at an event', 'source', 'event', 15, NULL),
    (tenant, 'source.paid-search', 'Came from paid search', 'source', 'paid_search', 5, NULL),
    (tenant, 'contact.phone', 'Left a phone number', 'has_phone', NULL, 10, NULL),
    (tenant, 'contact.email', 'Left an email address', 'has_email', NULL, 5, NULL),
    (tenant, 'school-of-interest', 'Named a school of interest', 'school_of_interest', NULL, 10, NULL),
    (tenant, 'touch.tour', 'Took a tour', 'touchpoint_channel', 'tour', 20, 20),
    (tenant, 'touch.form', 'Filled in a form', 'touchpoint_channel', 'form', 10, 10),
    (tenant, 'touch.call', 'Talked on the phone', 'touchpoint_channel', 'call', 5, 15),
    (tenant, 'touch.web-visit', 'Visited the website', 'touchpoint_channel', 'web_visit', 2, 10),
    (tenant, 'stage.application', 'Started an application', 'stage', 'application-started', 15, NULL)
  ON CONFLICT DO NOTHING;

  PERFORM set_config('app.tenant_id', coalesce(outer_tenant, ''), true);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION seed_new_tenant() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM seed_tenant_defaults(NEW.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER seed_new_tenant AFTER INSERT ON tenants FOR EACH ROW EXECUTE FUNCTION seed_new_tenant();
--> statement-breakpoint
SELECT seed_tenant_defaults(id) FROM tenants;
