-- The web console (/console): its users, their sessions (only a hash of each session token is
-- kept) and failed sign-ins (to throttle password guessing). Tenant tables like the others:
-- row-level security binds them to the tenant of the transaction.
CREATE TABLE IF NOT EXISTS console_users (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  email text NOT NULL,
  role text NOT NULL,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT console_users_pkey PRIMARY KEY (tenant_id, id),
  CONSTRAINT console_users_email_unique UNIQUE (tenant_id, email),
  CONSTRAINT console_users_role_check CHECK (role IN ('admin', 'uploader', 'auditor')),
  CONSTRAINT console_users_email_check CHECK (email = lower(email))
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS console_sessions (
  tenant_id uuid NOT NULL,
  token_hash text NOT NULL,
  user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  CONSTRAINT console_sessions_pkey PRIMARY KEY (tenant_id, token_hash),
  CONSTRAINT console_sessions_user_fkey FOREIGN KEY (tenant_id, user_id)
    REFERENCES console_users(tenant_id, id) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS console_sessions_user_idx ON console_sessions (tenant_id, user_id);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS console_sign_in_failures (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  email text NOT NULL,
  failed_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS console_sign_in_failures_idx
  ON console_sign_in_failures (tenant_id, email, failed_at);
--> statement-breakpoint
SELECT enforce_tenant_tables();
--> statement-breakpoint
-- Password hashes and session hashes are nobody's business but the gateway's: end users read
-- none of these rows, whatever later grants say.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['console_users', 'console_sessions', 'console_sign_in_failures'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = t
                   AND policyname = 'end_user_reads_nothing') THEN
      EXECUTE format(
        'CREATE POLICY end_user_reads_nothing ON %I AS RESTRICTIVE FOR SELECT USING (current_user_sourced_id() IS NULL)',
        t);
    END IF;
  END LOOP;
END $$;
