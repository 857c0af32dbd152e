import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validatePackage } from "../../src/csv/read-package.ts";
import { auditLogs } from "../../src/db/existing/index.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import type { Tenant } from "../../src/tenants/tenants.ts";
import { bearerFor, testApp } from "../support/app.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { tenantWithDistrict } from "../support/fixtures.ts";
import { scratchDir } from "../support/packages.ts";

describe("the OneRoster export API", () => {
  let database: TestDatabase;
  let tenant: Tenant;
  let harness: ReturnType<typeof testApp>;
  let exporter: string;
  const dir = scratchDir();

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await tenantWithDistrict(database.db, "exports", 20);
    harness = testApp(database);
    exporter = await bearerFor(harness.app, database, tenant, ["gateway.export"]);
  });
  afterAll(() => database.close());

  const download = async (query = "") => {
    const response = await harness.app.request(`/admin/v1/exports/oneroster.zip${query}`, {
      headers: { authorization: exporter },
    });
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  };

  it("streams a bulk package that our strict reader accepts, and logs the disclosure", async () => {
    const { response, bytes } = await download();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    const path = join(dir, "bulk.zip");
    writeFileSync(path, bytes);
    const report = await validatePackage(path);
    expect(report.problems).toEqual([]);
    expect(report.files["users.csv"]?.read).toBeGreaterThan(20);
    const logged = await withTenant(database.db, tenant.id, (tx) =>
      tx.select().from(auditLogs).where(eq(auditLogs.purpose, "oneroster:export-bulk")),
    );
    expect(logged).toHaveLength(1);
    const total = Object.values(report.files).reduce((sum, f) => sum + f.read, 0);
    expect(logged[0]).toMatchObject({
      action: "disclose",
      actorType: "client",
      recordCount: total,
    });
  });

  it("exports nothing changed since now as an empty delta package, and refuses a bad since", async () => {
    const { response, bytes } = await download(
      `?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    );
    expect(response.status).toBe(200);
    const path = join(dir, "delta.zip");
    writeFileSync(path, bytes);
    const report = await validatePackage(path);
    expect(report.status).toBe("accepted");
    expect(report.files).toEqual({});
    expect((await download("?since=yesterday")).response.status).toBe(400);
  });

  it("needs gateway.export", async () => {
    const reader = await bearerFor(harness.app, database, tenant, ["gateway.import"]);
    const response = await harness.app.request("/admin/v1/exports/oneroster.zip", {
      headers: { authorization: reader },
    });
    expect(response.status).toBe(403);
  });
});
