import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maintain } from "../../src/platform/index.ts";
import type { Tenant } from "../../src/tenants/tenants.ts";
import { bearerFor, testApp } from "../support/app.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { tenantWithDistrict } from "../support/fixtures.ts";

describe("the dashboard API", () => {
  let database: TestDatabase;
  let tenant: Tenant;
  let harness: ReturnType<typeof testApp>;
  let admin: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await tenantWithDistrict(database.db, "dashboards", 30);
    await tenantWithDistrict(database.db, "other-network", 30);
    await maintain(database.db);
    harness = testApp(database);
    admin = await bearerFor(harness.app, database, tenant, ["gateway.admin"]);
  });
  afterAll(() => database.close());

  it("serves the school metrics of the caller's tenant only, after a refresh", async () => {
    const response = await harness.app.request("/admin/v1/metrics/schools", {
      headers: { authorization: admin },
    });
    expect(response.status).toBe(200);
    const { schools } = (await response.json()) as {
      schools: { tenantId: string; activeStudents?: number }[];
    };
    expect(schools.length).toBeGreaterThanOrEqual(3);
    expect(new Set(schools.map((s) => s.tenantId))).toEqual(new Set([tenant.id]));
  });

  it("serves the funnel metrics and refuses a caller without gateway.admin", async () => {
    const funnel = await harness.app.request("/admin/v1/metrics/funnel", {
      headers: { authorization: admin },
    });
    expect(funnel.status).toBe(200);
    expect(Array.isArray(((await funnel.json()) as { stages: unknown[] }).stages)).toBe(true);
    const importer = await bearerFor(harness.app, database, tenant, ["gateway.import"]);
    const refused = await harness.app.request("/admin/v1/metrics/schools", {
      headers: { authorization: importer },
    });
    expect(refused.status).toBe(403);
  });
});
