import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/create-app.ts";
import { loadConfig } from "../../src/config/env.ts";
import { openDatabase } from "../../src/db/client.ts";
import { EXPECTED_SCHEMA_VERSION } from "../../src/db/schema-version.ts";
import { type Gateway, scope, startGateway } from "../oneroster/support/gateway.ts";
import { createEmptyDatabase, TEST_DB_KIND } from "../support/database.ts";

const config = loadConfig({ TOKEN_SECRET: "test-secret-test-secret-test-secret-0123" });

describe("/health/ready", () => {
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await startGateway({ district: false });
  });
  afterAll(() => gateway?.close());

  it("answers 200 with the schema version when the database is migrated and answers", async () => {
    const response = await gateway.app.request("/health/ready");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ready",
      database: TEST_DB_KIND,
      schemaVersion: EXPECTED_SCHEMA_VERSION,
    });
  });

  it("answers 503 with Retry-After while the database is unreachable; /health stays ok", async () => {
    // Port 1 refuses connections: a database server that is down.
    const down = await openDatabase({ kind: "postgres", url: "postgres://app@127.0.0.1:1/tsa" });
    try {
      const app = createApp({ config, db: down.db, dbKind: "postgres", schemaVersion: null });
      const response = await app.request("/health/ready");
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(((await response.json()) as { detail: string }).detail).toMatch(/does not answer/);
      expect((await app.request("/health")).status).toBe(200);
    } finally {
      await down.close();
    }
  });

  it("answers 503 naming the migration when the schema is behind", async () => {
    const empty = await createEmptyDatabase();
    try {
      const app = createApp({ config, db: empty.db, dbKind: empty.kind, schemaVersion: null });
      const response = await app.request("/health/ready");
      expect(response.status).toBe(503);
      expect(((await response.json()) as { detail: string }).detail).toMatch(
        /schema is at nothing.*tsa-gateway migrate/,
      );
    } finally {
      await empty.close();
    }
  });
});

describe("an export whose transaction fails", () => {
  let gateway: Gateway;
  let exporter: string;
  const exportZip = () =>
    gateway.app.request("/admin/v1/exports/oneroster.zip", {
      headers: { authorization: `Bearer ${exporter}` },
    });
  const owner = (statement: string) => gateway.database.db.execute(sql.raw(statement));

  beforeAll(async () => {
    gateway = await startGateway({ students: 5 });
    exporter = await gateway.token({ scopes: [scope("roster.readonly"), "gateway.export"] });
  });
  afterAll(() => gateway?.close());

  it("fails that request when the disclosure cannot be recorded, and the next export works", async () => {
    await owner("revoke insert on audit_logs from tsa_app");
    try {
      const response = await exportZip();
      expect(response.status).toBe(500);
      expect(response.headers.get("content-type")).toMatch(/problem\+json/);
    } finally {
      await owner("grant insert on audit_logs to tsa_app");
    }
    const response = await exportZip();
    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });
});
