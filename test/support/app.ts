import { createApp } from "../../src/app/create-app.ts";
import { createClient } from "../../src/auth/clients.ts";
import type { Config } from "../../src/config/env.ts";
import { loadConfig } from "../../src/config/env.ts";
import type { Tenant } from "../../src/tenants/tenants.ts";
import type { TestDatabase } from "./database.ts";
import { scratchDir } from "./packages.ts";

/** The gateway as one in-process app over a test database, with a fixed token secret. */
export function testApp(database: TestDatabase, overrides: Record<string, string> = {}) {
  const config: Config = loadConfig({
    TOKEN_SECRET: "test-secret-test-secret-test-secret-0123",
    DATA_DIR: scratchDir(),
    ...overrides,
  });
  return {
    config,
    app: createApp({ config, db: database.db, dbKind: database.kind, schemaVersion: null }),
  };
}

/** A client of the tenant with the given scopes, and a bearer token for it. */
export async function bearerFor(
  app: ReturnType<typeof createApp>,
  database: TestDatabase,
  tenant: Tenant,
  scopes: string[],
  options: { orgSourcedId?: string } = {},
): Promise<string> {
  const client = await createClient(database.db, tenant, { name: "test", scopes, ...options });
  const response = await app.request("/oauth/token", {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials",
  });
  if (response.status !== 200) throw new Error(`token request failed: ${response.status}`);
  const { access_token } = (await response.json()) as { access_token: string };
  return `Bearer ${access_token}`;
}
