import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import type { Tenant } from "../../src/tenants/tenants.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { tenantWithDistrict } from "../support/fixtures.ts";

describe("tenant transactions plan without JIT compilation (PostgreSQL)", () => {
  let database: TestDatabase;
  let tenant: Tenant;

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await tenantWithDistrict(database.db, "no-jit", 5);
  });
  afterAll(() => database.close());

  it("compiles nothing even where a plan's cost passes the JIT threshold", async () => {
    const plans = await withTenant(database.db, tenant.id, async (tx) => {
      const explain = async () =>
        (
          await queryRows<{ "QUERY PLAN": string }>(
            tx,
            sql`explain (analyze) select count(*) from users`,
          )
        ).map((row) => row["QUERY PLAN"]);
      // Every plan passes the threshold here, as the row-level rules' estimates do at scale.
      await tx.execute(sql`set local jit_above_cost = 0`);
      const asTheGatewayRuns = await explain();
      await tx.execute(sql`set local jit = on`);
      return { asTheGatewayRuns, withJit: await explain() };
    });
    // The server can compile (the control), but the gateway's transactions do not.
    expect(plans.withJit.some((line) => line.startsWith("JIT:"))).toBe(true);
    expect(plans.asTheGatewayRuns.some((line) => line.startsWith("JIT:"))).toBe(false);
  });
});
