-- Parts 08 and 11: periods that must not overlap, refused by exclusion constraints (btree_gist
-- lets tenant and key columns share the GiST index with the date range). An open end date
-- means "until further notice"; rows marked tobedeleted no longer block anything.
ALTER TABLE facility_leases ADD CONSTRAINT facility_leases_overlap_excl EXCLUDE USING gist (
  tenant_id WITH =, facility_sourced_id WITH =, daterange(start_date, end_date, '[]') WITH &&
) WHERE (status = 'active');
--> statement-breakpoint
ALTER TABLE facility_capacities ADD CONSTRAINT facility_capacities_overlap_excl EXCLUDE USING gist (
  tenant_id WITH =, facility_sourced_id WITH =, daterange(start_date, end_date, '[]') WITH &&
) WHERE (status = 'active');
--> statement-breakpoint
ALTER TABLE school_facilities ADD CONSTRAINT school_facilities_overlap_excl EXCLUDE USING gist (
  tenant_id WITH =, school_sourced_id WITH =, facility_sourced_id WITH =,
  daterange(start_date, end_date, '[]') WITH &&
) WHERE (status = 'active');
--> statement-breakpoint
ALTER TABLE school_facilities ADD CONSTRAINT school_facilities_primary_overlap_excl EXCLUDE USING gist (
  tenant_id WITH =, school_sourced_id WITH =, daterange(start_date, end_date, '[]') WITH &&
) WHERE (status = 'active' AND is_primary);
--> statement-breakpoint
-- A coach may assist anywhere, but leads one school at a time.
ALTER TABLE coach_assignments ADD CONSTRAINT coach_assignments_lead_overlap_excl EXCLUDE USING gist (
  tenant_id WITH =, coach_sourced_id WITH =, daterange(start_date, end_date, '[]') WITH &&
) WHERE (status = 'active' AND assignment_role = 'lead');
