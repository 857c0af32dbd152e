import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../../src/auth/clients.ts";
import { auditLogs } from "../../src/db/existing/index.ts";
import { users } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import type { Tenant } from "../../src/tenants/tenants.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { tenantWithDistrict } from "../support/fixtures.ts";
import { type LocalWorker, startWorker } from "./start-worker.ts";

const ROSTERING = "/ims/oneroster/rostering/v1p2";
const SCOPES = [
  "roster.readonly",
  "roster-demographics.readonly",
  "gateway.import",
  "gateway.export",
];

let database: TestDatabase;
let worker: LocalWorker;
let north: Tenant;
let south: Tenant;
let bearer: string;

const call = (path: string, init: RequestInit = {}) =>
  fetch(new URL(path, worker.url), {
    ...init,
    headers: { authorization: bearer, ...(init.headers as Record<string, string>) },
  });

beforeAll(async () => {
  database = await createTestDatabase();
  // Two districts generated from the same seed: every sourcedId exists in both tenants.
  north = await tenantWithDistrict(database.db, "north", 20);
  south = await tenantWithDistrict(database.db, "south", 20);
  await withTenant(database.db, south.id, (tx) =>
    tx.insert(users).values({
      tenantId: south.id,
      sourcedId: "stu-south-only",
      givenName: "Sol",
      familyName: "South",
    }),
  );
  worker = await startWorker(database.url!);
  const client = await createClient(database.db, north, { name: "worker test", scopes: SCOPES });
  const response = await fetch(new URL("/oauth/token", worker.url), {
    method: "POST",
    headers: {
      authorization: `Basic ${btoa(`${client.clientId}:${client.clientSecret}`)}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials",
  });
  expect(response.status).toBe(200);
  const { access_token } = (await response.json()) as { access_token: string };
  bearer = `Bearer ${access_token}`;
});

afterAll(async () => {
  await worker?.dispose();
  await database?.close();
});

describe("the gateway as a Cloudflare Worker (workerd, PostgreSQL through Hyperdrive)", () => {
  it("reports itself healthy on PostgreSQL with the migrated schema version", async () => {
    const response = await fetch(new URL("/health", worker.url));
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      status: string;
      database: string;
      schemaVersion: string;
    };
    expect(body).toMatchObject({ status: "ok", database: "postgres" });
    expect(body.schemaVersion).toMatch(/^\d{4}_/);
  });

  it("pages through the district's users with X-Total-Count and Link headers", async () => {
    const response = await call(`${ROSTERING}/users?limit=5`);
    expect(response.status).toBe(200);
    const { users: page } = (await response.json()) as { users: { sourcedId: string }[] };
    expect(page).toHaveLength(5);
    const inNorth = await withTenant(database.db, north.id, (tx) => tx.$count(users));
    expect(Number(response.headers.get("x-total-count"))).toBe(inNorth);
    expect(response.headers.get("link")).toMatch(/offset=5.*rel="next"/);
  });

  it("reads one user by sourcedId", async () => {
    const list = await call(`${ROSTERING}/users?limit=1`);
    const [first] = ((await list.json()) as { users: { sourcedId: string }[] }).users;
    const response = await call(`${ROSTERING}/users/${first!.sourcedId}`);
    expect(response.status).toBe(200);
    const { user } = (await response.json()) as { user: { sourcedId: string } };
    expect(user.sourcedId).toBe(first!.sourcedId);
  });

  it("answers 404 for a user that exists only in another district", async () => {
    const response = await call(`${ROSTERING}/users/stu-south-only`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { imsx_codeMajor: string };
    expect(body.imsx_codeMajor).toBe("failure");
  });

  it("records the disclosure of the users it served in audit_logs", async () => {
    const response = await call(`${ROSTERING}/users?limit=3`);
    const served = ((await response.json()) as { users: { sourcedId: string }[] }).users;
    const rows = await database.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.tenantId, north.id), eq(auditLogs.query, "limit=3")));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "disclose",
      endpoint: `GET ${ROSTERING}/users`,
      recordCount: 3,
      entityIds: served.map((u) => u.sourcedId),
    });
  });

  it("streams the CSV export to the end before closing its database connection", async () => {
    const response = await call("/admin/v1/exports/oneroster.zip");
    expect(response.status).toBe(200);
    const zip = new Uint8Array(await response.arrayBuffer());
    // A zip ends with its central directory record: a cut stream would not.
    const end = zip.subarray(zip.length - 22);
    expect([...end.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x05, 0x06]);
  });

  it("refuses an import upload and points at the Node server or the CLI", async () => {
    const response = await call("/admin/v1/imports", {
      method: "POST",
      headers: { "content-type": "application/zip" },
      body: new Uint8Array([0x50, 0x4b, 0x05, 0x06]),
    });
    expect(response.status).toBe(501);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const { detail } = (await response.json()) as { detail: string };
    expect(detail).toContain("tsa-gateway serve");
    expect(detail).toContain("tsa-gateway import");
  });
});

describe("a Worker that cannot serve", () => {
  it("says how to set TOKEN_SECRET instead of generating one", async () => {
    const bare = await startWorker(database.url!, {});
    try {
      const response = await fetch(new URL("/health", bare.url));
      expect(response.status).toBe(500);
      const { detail } = (await response.json()) as { detail: string };
      expect(detail).toContain("wrangler secret put TOKEN_SECRET");
    } finally {
      await bare.dispose();
    }
  });

  it("answers 503 in the OneRoster error format when the database cannot be used", async () => {
    const missing = new URL(database.url!);
    missing.pathname = "/no_such_database";
    const orphan = await startWorker(missing.toString());
    try {
      const response = await fetch(new URL(`${ROSTERING}/users`, orphan.url), {
        headers: { authorization: bearer },
      });
      expect(response.status).toBe(503);
      const body = (await response.json()) as { imsx_codeMajor: string; imsx_description: string };
      expect(body.imsx_codeMajor).toBe("failure");
      expect(body.imsx_description).toContain("database");
    } finally {
      await orphan.dispose();
    }
  });
});
