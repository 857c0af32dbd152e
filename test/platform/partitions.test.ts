import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows.ts";
import { leads } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import { maintain, startPartitionUpkeep } from "../../src/platform/index.ts";
import { createTenant, type Tenant } from "../../src/tenants/tenants.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { expectRefusal } from "../support/violations.ts";

/** A monthly partition's name, ours (`_p202611`) or pg_partman's (`_p2026_11` on 4.x, `_p20261101` on 5.x). */
const MONTHLY = /^(audit_logs|lead_touchpoints)_p\d{4}_?\d{2}(01)?$/;

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

  it("refuse a touchpoint dated three years ahead instead of hiding it in the default partition", async () => {
    await expectRefusal(
      touchpointIn(36),
      /lead_touchpoints row dated .* is more than 1 year ahead of today, beyond every partition/,
    );
  });

  it("refuse an audit record dated three years ahead the same way", async () => {
    await expectRefusal(
      queryRows(
        database.db,
        sql`insert into audit_logs (actor_type, action, occurred_at) values ('operator', 'too late', now() + interval '3 years')`,
      ),
      /audit_logs row dated .* beyond every partition/,
    );
  });

  it("are kept ahead by the gateway itself: a missing partition ahead is made again on start", async () => {
    // Next month's partition under our own upkeep; where pg_partman keeps them it fills no gap,
    // so its furthest one (its names sort by date too).
    const [next] = await queryRows<{ name: string }>(
      database.db,
      sql`select case when partman_manages('lead_touchpoints')
            then (select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                  where i.inhparent = 'lead_touchpoints'::regclass
                    and c.relname <> 'lead_touchpoints_default'
                  order by c.relname desc limit 1)
            else 'lead_touchpoints_p' || to_char(now() + interval '1 month', 'YYYYMM') end as name`,
    );
    expect(next?.name).toMatch(MONTHLY);
    const partition = sql.identifier(next?.name ?? "");
    await database.db.execute(sql`alter table lead_touchpoints detach partition ${partition}`);
    await database.db.execute(sql`drop table ${partition}`);
    const reported: string[] = [];
    const upkeep = startPartitionUpkeep(database.db, (line) => reported.push(line));
    await upkeep.stop();
    expect(reported).toEqual([`partitions created: ${next?.name}`]);
  });
});
