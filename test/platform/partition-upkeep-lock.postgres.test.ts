import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keepPartitionsAheadOnce } from "../../src/platform/index.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

/** Partition upkeep across processes: only a PostgreSQL server has a second process's lock. */
describe("partition upkeep", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it("are kept by one gateway at a time: another process holding the upkeep lock makes this one skip", async () => {
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    try {
      await other.query("begin");
      await other.query("select pg_advisory_xact_lock($1)", [0x75ac0ac]);
      expect(await keepPartitionsAheadOnce(database.db)).toBeNull();
      await other.query("commit");
      expect(await keepPartitionsAheadOnce(database.db)).toEqual([
        { table: "audit_logs", created: [] },
        { table: "lead_touchpoints", created: [] },
      ]);
    } finally {
      await other.end();
    }
  });
});
