-- Request state that must hold across gateway processes (`serve --workers N`, several hosts),
-- kept in PostgreSQL rather than in one process's memory.

-- Token buckets of the rate limits, one row per key (an API client, a token-endpoint caller):
-- `tokens` left at `updated_at`; refilled by elapsed time at each request, in one atomic upsert.
-- UNLOGGED: an update waits for no WAL flush, so a client's concurrent requests hold its row
-- for microseconds; a crash empties the table, which only refills every budget.
CREATE UNLOGGED TABLE IF NOT EXISTS rate_limit_buckets (
  key text PRIMARY KEY,
  tokens double precision NOT NULL,
  updated_at timestamptz NOT NULL,
  allowed boolean NOT NULL
);
--> statement-breakpoint
-- Every change to a client's revocation or secret (admin API, CLI, console, another process)
-- tells each listening gateway process to forget what it cached of that client.
CREATE OR REPLACE FUNCTION notify_api_client_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('api_client_changed', OLD.tenant_id::text || '/' || OLD.client_id);
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS api_client_changed ON api_clients;
--> statement-breakpoint
CREATE TRIGGER api_client_changed
  AFTER UPDATE OF revoked_at, secret_version OR DELETE ON api_clients
  FOR EACH ROW EXECUTE FUNCTION notify_api_client_changed();
