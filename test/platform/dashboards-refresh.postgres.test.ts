import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgs } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import { maintain } from "../../src/platform/index.ts";
import type { Tenant } from "../../src/tenants/tenants.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { createNetwork } from "./support/network.ts";

// A second session in the middle of a transaction needs a server: this file runs only with
// TEST_DATABASE_URL (see vitest.config.ts).
describe("the school dashboard", () => {
  let database: TestDatabase;
  let north: Tenant;

  beforeAll(async () => {
    database = await createTestDatabase();
    north = await createNetwork(database.db, "north");
    await maintain(database.db);
  });
  afterAll(() => database.close());

  it("refresh concurrently: a reader in the middle of a transaction is not blocked and then sees the new figures", async () => {
    const reader = new pg.Client({ connectionString: database.url });
    await reader.connect();
    try {
      await reader.query("begin");
      const before = await reader.query(
        "select count(*)::int as n from school_metrics_current where tenant_id = $1",
        [north.id],
      );
      await withTenant(database.db, north.id, (tx) =>
        tx.insert(orgs).values({
          tenantId: north.id,
          sourcedId: "gamma",
          name: "Gamma School",
          type: "school",
          level: "school",
        }),
      );
      const refreshed = await Promise.race([
        maintain(database.db).then(() => "refreshed"),
        new Promise((resolve) => setTimeout(() => resolve("blocked by the reader"), 10_000)),
      ]);
      expect(refreshed).toBe("refreshed");
      const after = await reader.query(
        "select count(*)::int as n from school_metrics_current where tenant_id = $1",
        [north.id],
      );
      expect([before.rows[0].n, after.rows[0].n]).toEqual([2, 3]);
    } finally {
      await reader.query("rollback");
      await reader.end();
    }
  });
});
