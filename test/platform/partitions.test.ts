import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows.ts";
import { leads } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import { maintain } from "../../src/platform/index.ts";
import { createTenant, type Tenant } from "../../src/tenants/tenants.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

/** A monthly partition's name, ours (`_p202611`) or pg_partman's (`_p2026_11`). */
const MONTHLY = /^(audit_logs|lead_touchpoints)_p\d{4}_?\d{2}$/;

describe("monthly partitions of touchpoints and the audit log", () => {
  let database: TestDatabase;
  let tenant: Tenant;

  /** Inserts a touchpoint `monthsAhead` months from now and says which partition holds it. */
  const touchpointIn = async (monthsAhead: number) => {
    const [row] = await withTenant(database.db, tenant.id, (tx) =>
      queryRows<{ partition: string }>(
        tx,
        sql`insert into lead_touchpoints (tenant_id, lead_sourced_id, channel, occurred_at)
            values (${tenant.id}, 'visitor', 'web_visit', now() + make_interval(months => ${monthsAhead}))
            returning tableoid::regclass::text as partition`,
      ),
    );
    return row?.partition;
  };
  const partitionsHolding = (table: string, description: string) =>
    queryRows<{ partition: string }>(
      database.db,
      sql`select distinct tableoid::regclass::text as partition from ${sql.identifier(table)} where description = ${description}`,
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTenant(database.db, "partitioned", "Partitioned network");
    await withTenant(database.db, tenant.id, (tx) =>
      tx.insert(leads).values({
        tenantId: tenant.id,
        sourcedId: "visitor",
        givenName: "Vi",
        email: "vi@example.org",
        source: "web",
        stageSourcedId: "inquiry",
      }),
    );
  });
  afterAll(() => database.close());

  it("route each touchpoint to the partition of its month, this month and three ahead", async () => {
    const partitions = [
      await touchpointIn(0),
      await touchpointIn(1),
      await touchpointIn(2),
      await touchpointIn(3),
    ];
    expect(partitions.every((p) => MONTHLY.test(p ?? ""))).toBe(true);
    expect(new Set(partitions).size).toBe(4);
  });

  it("route audit records the same way", async () => {
    const [row] = await queryRows<{ partition: string }>(
      database.db,
      sql`insert into audit_logs (actor_type, action) values ('operator', 'partition check') returning tableoid::regclass::text as partition`,
    );
    expect(row?.partition).toMatch(MONTHLY);
  });

  it("keep a row that comes before its month has a partition in the default one, then move it when upkeep reaches that month", async () => {
    const early = await withTenant(database.db, tenant.id, (tx) =>
      queryRows<{ partition: string }>(
        tx,
        sql`insert into lead_touchpoints (tenant_id, lead_sourced_id, channel, occurred_at, description)
            values (${tenant.id}, 'visitor', 'form', now() + interval '8 months', 'early')
            returning tableoid::regclass::text as partition`,
      ),
    );
    expect(early).toEqual([{ partition: "lead_touchpoints_default" }]);

    const made = await queryRows<{ parent_table: string; created: string[] }>(
      database.db,
      sql`select parent_table, created from keep_partitions_ahead(9)`,
    );
    const touchpoints = made.find((m) => m.parent_table === "lead_touchpoints");
    expect(touchpoints?.created.length).toBeGreaterThan(0);
    expect(touchpoints?.created.every((name) => MONTHLY.test(name))).toBe(true);

    const [holder] = await partitionsHolding("lead_touchpoints", "early");
    expect(holder?.partition).toMatch(MONTHLY);
  });

  it("create nothing when run again, and keep every row", async () => {
    const report = await maintain(database.db);
    expect(report.partitions).toEqual([
      { table: "audit_logs", created: [] },
      { table: "lead_touchpoints", created: [] },
    ]);
    const [count] = await withTenant(database.db, tenant.id, (tx) =>
      queryRows<{ n: number }>(tx, sql`select count(*)::int as n from lead_touchpoints`),
    );
    expect(count?.n).toBe(5);
  });
});
