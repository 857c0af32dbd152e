import { execFileSync } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, readJournal, schemaVersion } from "../../src/db/migrate.ts";
import { queryRows } from "../../src/db/query-rows.ts";
import { deploymentScript } from "../../src/db/sql-script.ts";
import { createEmptyDatabase, TEST_DATABASE_URL, type TestDatabase } from "../support/database.ts";

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

describe.skipIf(!TEST_DATABASE_URL)(
  "tsa-gateway sql (PostgreSQL only: psql needs a server)",
  () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createEmptyDatabase();
    });
    afterAll(() => database.close());

    it("applies with psql to an empty database, after which migrate has nothing to do", async () => {
      const script = deploymentScript();
      execFileSync("psql", ["-v", "ON_ERROR_STOP=1", "-q", "-d", database.url!, "-f", "-"], {
        input: script,
      });
      expect(await schemaVersion(database)).toBe(latest);
      const [before] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      await migrateDatabase(database);
      const [after] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      expect(after?.n).toBe(before?.n);
      const [policies] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from pg_policies where policyname = 'tenant_isolation'`,
      );
      expect(policies?.n).toBeGreaterThan(20);
    });
  },
);

if (!TEST_DATABASE_URL) {
  console.warn(
    "[skip] tsa-gateway sql + psql runs only against PostgreSQL: set TEST_DATABASE_URL.",
  );
}
