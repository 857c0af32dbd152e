import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disclosedRecords, recordDisclosure } from "../../src/audit/index.ts";
import { validatePackage } from "../../src/csv/read-package.ts";
import { auditDisclosedRecords, auditLogs } from "../../src/db/existing/index.ts";
import { queryRows } from "../../src/db/query-rows.ts";
import { users } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import type { Tenant } from "../../src/tenants/tenants.ts";
import { bearerFor, testApp } from "../support/app.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { tenantWithDistrict } from "../support/fixtures.ts";
import { scratchDir } from "../support/packages.ts";

describe("the disclosure record of an export", () => {
  let database: TestDatabase;
  let tenant: Tenant;

  const asApplication = <T>(work: Parameters<typeof withTenant<T>>[2]) =>
    withTenant(database.db, tenant.id, work);

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await tenantWithDistrict(database.db, "disclosed", 20);
  });
  afterAll(() => database.close());

  it("names the requester's address and every record of every file it handed out", async () => {
    const harness = testApp(database);
    const exporter = await bearerFor(harness.app, database, tenant, ["gateway.export"]);
    // What @hono/node-server gives the app for a request from 203.0.113.7.
    const node = { incoming: { socket: { remoteAddress: "203.0.113.7" } } };
    const response = await harness.app.request(
      "/admin/v1/exports/oneroster.zip",
      { headers: { authorization: exporter, "x-forwarded-for": "198.51.100.1" } },
      node,
    );
    const path = join(scratchDir(), "bulk.zip");
    writeFileSync(path, Buffer.from(await response.arrayBuffer()));
    const report = await validatePackage(path);

    const [logged] = await asApplication((tx) =>
      tx.select().from(auditLogs).where(eq(auditLogs.purpose, "oneroster:export-bulk")),
    );
    expect(logged?.ip).toBe("203.0.113.7");
    const chunks = await asApplication((tx) =>
      tx
        .select()
        .from(auditDisclosedRecords)
        .where(eq(auditDisclosedRecords.auditLogId, logged?.id ?? ""))
        .orderBy(asc(auditDisclosedRecords.file), asc(auditDisclosedRecords.chunk)),
    );
    const perFile = Object.fromEntries(
      Object.entries(report.files)
        .filter(([, file]) => file.read > 0)
        .map(([name, file]) => [name, file.read]),
    );
    const disclosedPerFile: Record<string, number> = {};
    for (const chunk of chunks) {
      disclosedPerFile[chunk.file] = (disclosedPerFile[chunk.file] ?? 0) + chunk.sourcedIds.length;
    }
    expect(disclosedPerFile).toEqual(perFile);
    expect(Object.values(disclosedPerFile).reduce((a, b) => a + b, 0)).toBe(logged?.recordCount);

    const everyone = await asApplication((tx) =>
      tx.select({ sourcedId: users.sourcedId }).from(users).orderBy(asc(users.sourcedId)),
    );
    expect(chunks.filter((c) => c.file === "users.csv").flatMap((c) => c.sourcedIds)).toEqual(
      everyone.map((u) => u.sourcedId),
    );
  });

  it("stores the records in chunks, so no export writes one huge row", async () => {
    const ids = Array.from({ length: 10_007 }, (_, i) => `student-${String(i).padStart(7, "0")}`);
    const sizes = await asApplication(async (tx) => {
      const logged = await recordDisclosure(tx, {
        tenantId: tenant.id,
        clientId: "c-1",
        entity: "oneroster-package",
        entityIds: [],
        endpoint: "GET /admin/v1/exports/oneroster.zip",
        query: "",
        recordCount: ids.length,
        purpose: "oneroster:export-bulk",
      });
      const disclosed = disclosedRecords(tx, logged);
      await disclosed.add("users.csv", ids.slice(0, 6_000), false);
      await disclosed.add("users.csv", ids.slice(6_000), true);
      return queryRows<{ chunk: number; ids: number; bytes: number }>(
        tx,
        sql`select chunk, cardinality(sourced_ids) as ids, pg_column_size(sourced_ids) as bytes
            from audit_disclosed_records where audit_log_id = ${logged.id} order by chunk`,
      );
    });
    expect(sizes.map(({ chunk, ids }) => ({ chunk, ids }))).toEqual([
      { chunk: 0, ids: 10_000 },
      { chunk: 1, ids: 7 },
    ]);
    // 10,000 ids of 15 characters are about 190 kB as text; stored compressed, well under it.
    expect(sizes[0]?.bytes).toBeLessThan(190_000);
  });
});
