import { execFileSync } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, readJournal, schemaVersion } from "../../src/db/migrate.ts";
import { queryRows } from "../../src/db/query-rows.ts";
import { deploymentScript } from "../../src/db/sql-script.ts";
import { createEmptyDatabase, type TestDatabase } from "../support/database.ts";

const latest = readJournal().at(-1)?.tag;

// psql needs a server: this file runs only with TEST_DATABASE_URL (see vitest.config.ts).
describe("tsa-gateway sql", () => {
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
});
