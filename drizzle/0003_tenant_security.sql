-- Part 18 (tenant isolation): RLS, change tracking and privileges on every tenant table.
SELECT enforce_tenant_tables();
--> statement-breakpoint
-- Tenants are looked up by slug before any tenant context exists; only operators create them.
GRANT SELECT ON tenants TO tsa_app;
--> statement-breakpoint
-- The audit log is append-only for the application.
REVOKE UPDATE, DELETE ON audit_logs FROM tsa_app;
--> statement-breakpoint
-- List columns a OneRoster record carries (a class's terms, a user's agents) are the record's
-- own data, so changing them moves its dateLastModified; these mirrors give them foreign keys.
CREATE OR REPLACE FUNCTION sync_class_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM class_terms WHERE tenant_id = NEW.tenant_id AND class_sourced_id = NEW.sourced_id
    AND term_sourced_id <> ALL (NEW.term_sourced_ids);
  INSERT INTO class_terms (tenant_id, class_sourced_id, term_sourced_id)
    SELECT DISTINCT NEW.tenant_id, NEW.sourced_id, term FROM unnest(NEW.term_sourced_ids) AS term
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sync_class_terms AFTER INSERT OR UPDATE OF term_sourced_ids ON classes
  FOR EACH ROW EXECUTE FUNCTION sync_class_terms();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sync_user_agents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM user_agents WHERE tenant_id = NEW.tenant_id AND user_sourced_id = NEW.sourced_id
    AND agent_sourced_id <> ALL (coalesce(NEW.agent_sourced_ids, '{}'));
  INSERT INTO user_agents (tenant_id, user_sourced_id, agent_sourced_id)
    SELECT DISTINCT NEW.tenant_id, NEW.sourced_id, agent FROM unnest(NEW.agent_sourced_ids) AS agent
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sync_user_agents AFTER INSERT OR UPDATE OF agent_sourced_ids ON users
  FOR EACH ROW EXECUTE FUNCTION sync_user_agents();
