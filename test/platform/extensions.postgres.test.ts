import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { queryRows } from "../../src/db/query-rows.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import {
  offeredExtensions,
  PARTMAN_MONTH,
  partitionNames,
  type ServerExtensions,
} from "./support/extensions.ts";

/**
 * What each optional extension does where the server offers it. This file runs only with
 * TEST_DATABASE_URL (see vitest.config.ts); CI's server preloads all three
 * (.ci/postgres-extensions.sh), so there nothing here skips. A server without one skips its
 * tests, naming the extension and the script that provides it.
 */
describe("optional extensions where the server offers them", () => {
  let database: TestDatabase;
  let offers: ServerExtensions;

  const requires = (context: TestContext, extension: keyof ServerExtensions, what: string) => {
    if (!offers[extension])
      context.skip(`${what} is not offered by this server; .ci/postgres-extensions.sh sets it up`);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    offers = await offeredExtensions(database.db);
  });
  afterAll(() => database.close());

  it("registers both partitioned tables with pg_partman, which takes over our partitions", async (context) => {
    requires(context, "partman", "pg_partman");
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
      const names = await partitionNames(database.db, parent);
      expect(names.filter((n) => PARTMAN_MONTH.test(n)).length).toBeGreaterThanOrEqual(5);
    }
  });

  it("hands a table that already holds rows to pg_partman without losing any", async (context) => {
    requires(context, "partman", "pg_partman");
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
    requires(context, "pgaudit", "pgaudit (in shared_preload_libraries)");
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
    requires(context, "statements", "pg_stat_statements (in shared_preload_libraries)");
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from pg_stat_statements`,
    );
    expect(row?.n).toBeGreaterThan(0);
  });
});
