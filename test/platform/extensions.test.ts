import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

/**
 * The optional extensions are used where the server offers them and skipped elsewhere; each
 * test here checks the path this server takes and says why it skips the others.
 */
describe("optional extensions: pg_partman, pgaudit, pg_stat_statements", () => {
  let database: TestDatabase;
  let offers: { partman: boolean; pgaudit: boolean; statements: boolean };

  const usable = async (extension: string, preload: boolean) => {
    const [row] = await queryRows<{ usable: boolean }>(
      database.db,
      sql`select extension_usable(${extension}, ${preload}) as usable`,
    );
    return row?.usable === true;
  };
  const installed = async (extension: string) =>
    (await queryRows(database.db, sql`select 1 from pg_extension where extname = ${extension}`))
      .length === 1;
  const partitionNames = async (parent: string) =>
    (
      await queryRows<{ name: string }>(
        database.db,
        sql`select inhrelid::regclass::text as name from pg_inherits where inhparent = ${parent}::regclass order by 1`,
      )
    ).map((r) => r.name);
  const skipUnless = (offered: boolean, reason: string) => {
    if (!offered) console.info(`skipped: ${reason}`);
    return !offered;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    offers = {
      partman: await usable("pg_partman", false),
      pgaudit: await usable("pgaudit", true),
      statements: await usable("pg_stat_statements", true),
    };
  });
  afterAll(() => database.close());

  it("keeps partitions with our own function where pg_partman is not installed", async (context) => {
    if (
      skipUnless(!offers.partman, "this server has pg_partman, which keeps the partitions instead")
    )
      return context.skip();
    expect(await installed("pg_partman")).toBe(false);
    for (const parent of ["audit_logs", "lead_touchpoints"]) {
      const names = await partitionNames(parent);
      expect(names).toContain(`${parent}_default`);
      expect(names.filter((n) => /_p\d{6}$/.test(n)).length).toBeGreaterThanOrEqual(5);
    }
  });

  it("registers both partitioned tables with pg_partman, which takes over our partitions", async (context) => {
    if (skipUnless(offers.partman, "pg_partman is not available on this server"))
      return context.skip();
    const registered = await queryRows<{
      parent_table: string;
      partition_interval: string;
      premake: number;
    }>(
      database.db,
      sql`select parent_table, partition_interval, premake from partman.part_config order by 1`,
    );
    expect(registered).toEqual([
      { parent_table: "public.audit_logs", partition_interval: "1 mon", premake: 3 },
      { parent_table: "public.lead_touchpoints", partition_interval: "1 mon", premake: 3 },
    ]);
    for (const parent of ["audit_logs", "lead_touchpoints"]) {
      const names = await partitionNames(parent);
      expect(names).toContain(`${parent}_default`);
      expect(names.filter((n) => /_p\d{6}$/.test(n))).toEqual([]);
      expect(names.filter((n) => /_p\d{4}_\d{2}$/.test(n)).length).toBeGreaterThanOrEqual(5);
    }
  });

  it("hands a table that already holds rows to pg_partman without losing any", async (context) => {
    if (skipUnless(offers.partman, "pg_partman is not available on this server"))
      return context.skip();
    await database.db.execute(
      sql.raw(`
      create table scratch_events (occurred_at timestamptz not null, note text) partition by range (occurred_at);
      create table scratch_events_default partition of scratch_events default;
      select ensure_monthly_partitions('scratch_events', 'occurred_at', now(), 1);
      insert into scratch_events values (now(), 'this month'), (now() + interval '2 years', 'far ahead');
      select register_with_partman('scratch_events', 'occurred_at');`),
    );
    const rows = await queryRows<{ note: string; partition: string }>(
      database.db,
      sql`select note, tableoid::regclass::text as partition from scratch_events order by occurred_at`,
    );
    expect(rows.map((r) => r.note)).toEqual(["this month", "far ahead"]);
    expect(rows[0]?.partition).toMatch(/^scratch_events_p\d{4}_\d{2}$/);
    expect(rows[1]?.partition).toBe("scratch_events_default");
    expect(
      await queryRows(
        database.db,
        sql`select to_regclass('scratch_events_default_before_partman') as gone`,
      ),
    ).toEqual([{ gone: null }]);
  });

  it("turns pgaudit on for schema and role changes where the server preloads it", async (context) => {
    if (skipUnless(offers.pgaudit, "pgaudit is not available or not in shared_preload_libraries"))
      return context.skip();
    expect(await installed("pgaudit")).toBe(true);
    // A database-level setting applies to sessions that start after it, so ask a new one.
    const session = new pg.Client({ connectionString: database.url });
    await session.connect();
    try {
      const { rows } = await session.query("show pgaudit.log");
      expect(rows[0]["pgaudit.log"]).toBe("ddl, role");
    } finally {
      await session.end();
    }
  });

  it("enables pg_stat_statements where the server preloads it", async (context) => {
    if (skipUnless(offers.statements, "pg_stat_statements is not in shared_preload_libraries"))
      return context.skip();
    expect(await installed("pg_stat_statements")).toBe(true);
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from pg_stat_statements`,
    );
    expect(row?.n).toBeGreaterThan(0);
  });
});
