import type { OpenAPIHono } from "@hono/zod-openapi";
import { createApp } from "../../../src/app/create-app.ts";
import type { ClientStateCache } from "../../../src/auth/client-state.ts";
import { createClient } from "../../../src/auth/clients.ts";
import { loadConfig } from "../../../src/config/env.ts";
import type { Database } from "../../../src/db/client.ts";
import type { AppEnv } from "../../../src/kernel/app-env.ts";
import { SCOPE_PREFIX } from "../../../src/kernel/oneroster-scopes.ts";
import { BASE_PATHS } from "../../../src/oneroster/routes/services.ts";
import type { ServiceName } from "../../../src/oneroster/wire/status-info.ts";
import { createTenant, type Tenant } from "../../../src/tenants/tenants.ts";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../../support/database.ts";
import { tenantWithDistrict } from "../../support/fixtures.ts";

export const ROSTERING = BASE_PATHS.rostering;
export const TOKEN_SECRET = "test-secret-that-is-long-enough-for-hs256!";

/** Full scope URIs from short names: scope("roster.readonly"). */
export const scope = (name: string) => `${SCOPE_PREFIX}${name}`;
export const ROSTER_READ = [scope("roster.readonly"), scope("roster-demographics.readonly")];

export interface ClientOptions {
  scopes?: readonly string[];
  orgSourcedId?: string;
  rateLimitPerMinute?: number;
  tenant?: Tenant;
}

export interface Gateway {
  database: TestDatabase;
  app: OpenAPIHono<AppEnv>;
  /** The first tenant created, with the demo district. */
  tenant: Tenant;
  tenants: Tenant[];
  /** A new API client of the tenant and an access token from POST /oauth/token. */
  token(options?: ClientOptions): Promise<string>;
  /** GET a Rostering path (relative to the base path) with a bearer token. */
  get(path: string, token: string | undefined, headers?: Record<string, string>): Promise<Response>;
  /** Any request to a path of `service` (relative to its base path) with a bearer token. */
  call(
    service: ServiceName,
    method: string,
    path: string,
    token: string | undefined,
    body?: unknown,
  ): Promise<Response>;
  close(): Promise<void>;
}

export interface GatewayOptions {
  /** Tenant slugs; each gets the same generated district (same seed, same sourcedIds). */
  tenants?: readonly string[];
  students?: number;
  /** false: the tenants start empty, for tests that load their own records. */
  district?: boolean;
  config?: Record<string, string>;
  /** Wraps the database the app uses, e.g. to count the statements a request runs. */
  wrapDatabase?: (db: Database) => Database;
  /** What the app remembers of API clients' state (by default its own, kept 2 s). */
  clientStates?: ClientStateCache;
}

/**
 * The whole gateway over a fresh database (PGlite, or PostgreSQL with TEST_DATABASE_URL),
 * with one or more tenants holding a generated district; requests go through app.request.
 */
export async function startGateway(options: GatewayOptions = {}): Promise<Gateway> {
  const database = await createTestDatabase();
  const tenants: Tenant[] = [];
  for (const slug of options.tenants ?? ["demo"]) {
    tenants.push(
      options.district === false
        ? await createTenant(database.db, slug, `${slug} district`)
        : await tenantWithDistrict(database.db, slug, options.students ?? 40),
    );
  }
  const config = loadConfig({
    TOKEN_SECRET,
    RATE_LIMIT_PER_MINUTE: "1000000",
    ...options.config,
  });
  const db = options.wrapDatabase ? options.wrapDatabase(database.db) : database.db;
  const app = createApp({
    config,
    db,
    dbKind: TEST_DB_KIND,
    schemaVersion: null,
    ...(options.clientStates ? { clientStates: options.clientStates } : {}),
  });
  const [tenant] = tenants;
  if (!tenant) throw new Error("startGateway needs at least one tenant");

  async function token(client: ClientOptions = {}): Promise<string> {
    const { clientId, clientSecret } = await createClient(database.db, client.tenant ?? tenant!, {
      name: "test client",
      scopes: client.scopes ?? ROSTER_READ,
      orgSourcedId: client.orgSourcedId,
      rateLimitPerMinute: client.rateLimitPerMinute,
    });
    const response = await app.request("/oauth/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: clientId,
        client_secret: clientSecret,
      }),
    });
    const body = (await response.json()) as { access_token?: string };
    if (!body.access_token) throw new Error(`No token: ${JSON.stringify(body)}`);
    return body.access_token;
  }

  return {
    database,
    app,
    tenant,
    tenants,
    token,
    get: async (path, bearer, headers = {}) =>
      app.request(`${ROSTERING}${path}`, {
        headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...headers },
      }),
    call: async (service, method, path, bearer, body) =>
      app.request(`${BASE_PATHS[service]}${path}`, {
        method,
        headers: {
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
          ...(body !== undefined ? { "content-type": "application/json" } : {}),
        },
        ...(body !== undefined
          ? { body: typeof body === "string" ? body : JSON.stringify(body) }
          : {}),
      }),
    close: () => database.close(),
  };
}

/** The records of a collection response, whatever its envelope key. */
export async function recordsOf(response: Response): Promise<Record<string, unknown>[]> {
  const body = (await response.json()) as Record<string, Record<string, unknown>[]>;
  const [records] = Object.values(body);
  return records ?? [];
}

/** The sourcedIds of a collection response, in order. */
export async function idsOf(response: Response): Promise<string[]> {
  return (await recordsOf(response)).map((record) => String(record.sourcedId));
}
