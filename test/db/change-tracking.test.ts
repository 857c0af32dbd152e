import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLogs } from "../../src/db/existing/index.ts";
import { queryRows } from "../../src/db/query-rows.ts";
import { orgs } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import { createTenant, type Tenant } from "../../src/tenants/tenants.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

/** The 15th of the month `months` from now, and that month as a partition suffix (YYYYMM). */
const monthAhead = (months: number) => {
  const now = new Date();
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 15, 10));
  return { at, suffix: at.toISOString().slice(0, 7).replace("-", "") };
};
// Later than the partitions kept ahead (three months), within the horizon rows may be dated.
const stray = monthAhead(6).at;

describe("change tracking and the audit log's partitions", () => {
  let database: TestDatabase;
  let tenant: Tenant;
  const readOrg = () =>
    withTenant(database.db, tenant.id, async (tx) => {
      const [row] = await tx.select().from(orgs).where(eq(orgs.sourcedId, "sch-1"));
      return row!;
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTenant(database.db, "tracked", "Tracked District");
    await withTenant(database.db, tenant.id, (tx) =>
      tx
        .insert(orgs)
        .values({ tenantId: tenant.id, sourcedId: "sch-1", name: "Old Name", type: "school" }),
    );
  });
  afterAll(() => database.close());

  it("moves dateLastModified and the change sequence when a record really changes", async () => {
    const before = await readOrg();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await withTenant(database.db, tenant.id, (tx) =>
      tx.update(orgs).set({ name: "New Name" }).where(eq(orgs.sourcedId, "sch-1")),
    );
    const after = await readOrg();
    expect(after.name).toBe("New Name");
    expect(after.dateLastModified.getTime()).toBeGreaterThan(before.dateLastModified.getTime());
    expect(after.changeSeq).toBeGreaterThan(before.changeSeq);
  });

  it("leaves both untouched when an update writes the same values", async () => {
    const before = await readOrg();
    const written = await withTenant(database.db, tenant.id, (tx) =>
      tx.update(orgs).set({ name: before.name }).where(eq(orgs.sourcedId, "sch-1")).returning(),
    );
    expect(written).toEqual([]);
    const after = await readOrg();
    expect(after.dateLastModified).toEqual(before.dateLastModified);
    expect(after.changeSeq).toBe(before.changeSeq);
  });

  it("files an audit record in the partition of its month", async () => {
    const partitionOf = (at: Date) =>
      withTenant(database.db, tenant.id, async (tx) => {
        await tx
          .insert(auditLogs)
          .values({ tenantId: tenant.id, actorType: "system", action: "test", occurredAt: at });
        const [row] = await queryRows<{ partition: string }>(
          tx,
          sql`select tableoid::regclass::text as partition from audit_logs where occurred_at = ${at.toISOString()}::timestamptz`,
        );
        return row?.partition;
      });
    const now = new Date();
    const month = `${now.getUTCFullYear()}_?${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
    // Our own upkeep names partitions audit_logs_pYYYYMM; pg_partman, where present, _pYYYY_MM.
    expect(await partitionOf(now)).toMatch(new RegExp(`^audit_logs_p${month}$`));
    expect(await partitionOf(stray)).toBe("audit_logs_default");
  });

  // Every server runs this function on a table of its own: where pg_partman keeps audit_logs
  // (test/platform/extensions.postgres.test.ts), ours still keeps any table not handed to it.
  it("keeps partitions ahead and moves stray rows out of the default partition", async () => {
    for (const statement of [
      sql`create table upkeep_events (occurred_at timestamptz not null, note text) partition by range (occurred_at)`,
      sql`create table upkeep_events_default partition of upkeep_events default`,
      sql`insert into upkeep_events values ('2031-03-15T10:00:00Z', 'stray')`,
    ])
      await database.db.execute(statement);
    const created = await queryRows<{ ensure_monthly_partitions: string }>(
      database.db,
      sql`select ensure_monthly_partitions('upkeep_events', 'occurred_at', '2031-02-01', 2)`,
    );
    expect(created.map((r) => r.ensure_monthly_partitions)).toEqual([
      "upkeep_events_p203102",
      "upkeep_events_p203103",
      "upkeep_events_p203104",
    ]);
    const [row] = await queryRows<{ partition: string }>(
      database.db,
      sql`select tableoid::regclass::text as partition from upkeep_events where note = 'stray'`,
    );
    expect(row?.partition).toBe("upkeep_events_p203103");
    const again = await queryRows(
      database.db,
      sql`select ensure_monthly_partitions('upkeep_events', 'occurred_at', '2031-02-01', 2)`,
    );
    expect(again).toEqual([]);
  });
});
