-- Rotating a client's secret moves its secret version; access tokens carry the version they
-- were issued under, so tokens issued before a rotation are refused like a revoked client's.
ALTER TABLE api_clients ADD COLUMN IF NOT EXISTS secret_version integer NOT NULL DEFAULT 1;
