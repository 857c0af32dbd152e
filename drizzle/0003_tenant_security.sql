-- Part 18 (tenant isolation): RLS, change tracking and privileges on every tenant table.
SELECT enforce_tenant_tables();
--> statement-breakpoint
-- Tenants are looked up by slug before any tenant context exists; only operators create them.
GRANT SELECT ON tenants TO tsa_app;
--> statement-breakpoint
-- The audit log is append-only for the application.
REVOKE UPDATE, DELETE ON audit_logs FROM tsa_app;
