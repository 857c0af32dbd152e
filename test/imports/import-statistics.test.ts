import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows.ts";
import { importPackage } from "../../src/imports/import-package.ts";
import { createTenant } from "../../src/tenants/tenants.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { districtFiles, scratchDir, writePackage } from "../support/packages.ts";

const OPTIONS = { maxRemovalShare: 0.2 };

describe("what an import leaves for the planner and for unchanged rows", () => {
  let database: TestDatabase;
  let zip: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    zip = await writePackage(join(scratchDir(), "district.zip"), districtFiles(20));
  });
  afterAll(() => database.close());

  /** The planner's row estimate of a table: -1 until it is first analyzed. */
  const estimate = async (table: string) => {
    const [row] = await queryRows<{ reltuples: number }>(
      database.db,
      sql`select reltuples::float8 as reltuples from pg_class where oid = ${table}::regclass`,
    );
    return row?.reltuples;
  };
  /** Each of a tenant's users' row version and change sequence, by sourcedId. */
  const versions = async (tenantId: string) =>
    queryRows<{ sourced_id: string; xmin: string; change_seq: string }>(
      database.db,
      sql`select sourced_id, xmin::text as xmin, change_seq::text as change_seq
          from users where tenant_id = ${tenantId} order by sourced_id`,
    );

  it("analyzes the tables it changed, so their statistics count the imported rows", async () => {
    expect(await estimate("enrollments")).toBe(-1);
    const tenant = await createTenant(database.db, "stats", "stats");
    const outcome = await importPackage(database.db, tenant, zip, OPTIONS);
    expect(outcome.status).toBe("succeeded");
    for (const [file, table] of [
      ["users", "users"],
      ["enrollments", "enrollments"],
      ["results", "results"],
    ] as const) {
      const imported = outcome.report.files[`${file}.csv`]?.inserted ?? 0;
      expect(imported).toBeGreaterThan(0);
      expect(await estimate(table)).toBe(imported);
    }
  });

  it("writes no new row version for a row that did not change", async () => {
    const tenant = await createTenant(database.db, "versions", "versions");
    await importPackage(database.db, tenant, zip, OPTIONS);
    const before = await versions(tenant.id);
    const again = await importPackage(database.db, tenant, zip, OPTIONS);
    expect(again.report.files["users.csv"]).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: before.length,
    });
    expect(await versions(tenant.id)).toEqual(before);
  });
});
