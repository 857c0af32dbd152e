import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, readJournal, schemaVersion } from "../../src/db/migrate.ts";
import { queryRows } from "../../src/db/query-rows.ts";
import { createEmptyDatabase, type TestDatabase } from "../support/database.ts";

const latest = readJournal().at(-1)?.tag;

describe("migrations", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createEmptyDatabase();
  });
  afterAll(() => database.close());

  it("apply to an empty database and report the newest schema version", async () => {
    await migrateDatabase(database);
    expect(await schemaVersion(database)).toBe(latest);
  });

  it("applied a second time change nothing", async () => {
    const count = async () =>
      (
        await queryRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
        )
      )[0]?.n;
    const before = await count();
    const tablesBefore = await queryRows(
      database.db,
      sql`select count(*)::int as n from pg_tables where schemaname = 'public'`,
    );
    await migrateDatabase(database);
    expect(await count()).toBe(before);
    expect(before).toBe(readJournal().length);
    expect(
      await queryRows(
        database.db,
        sql`select count(*)::int as n from pg_tables where schemaname = 'public'`,
      ),
    ).toEqual(tablesBefore);
  });
});
