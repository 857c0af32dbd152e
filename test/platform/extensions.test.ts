import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import {
  installedExtensions,
  OUR_MONTH,
  offeredExtensions,
  PARTMAN_MONTH,
  partitionNames,
  type ServerExtensions,
} from "./support/extensions.ts";

/**
 * The optional extensions are used where the server offers them, and everything works without
 * them. These tests hold on every server (PGlite offers none); what each extension does where
 * present is in extensions.postgres.test.ts.
 */
describe("optional extensions: pg_partman, pgaudit, pg_stat_statements", () => {
  let database: TestDatabase;
  let offers: ServerExtensions;

  beforeAll(async () => {
    database = await createTestDatabase();
    offers = await offeredExtensions(database.db);
  });
  afterAll(() => database.close());

  it("are installed exactly where the server offers them", async () => {
    expect(await installedExtensions(database.db)).toEqual(offers);
  });

  it("monthly partitions are kept ahead by pg_partman where installed, by our own function elsewhere", async () => {
    const [keeper, other] = offers.partman
      ? [PARTMAN_MONTH, OUR_MONTH]
      : [OUR_MONTH, PARTMAN_MONTH];
    for (const parent of ["audit_logs", "lead_touchpoints"]) {
      const names = await partitionNames(database.db, parent);
      expect(names).toContain(`${parent}_default`);
      expect(names.filter((n) => keeper.test(n)).length).toBeGreaterThanOrEqual(5);
      expect(names.filter((n) => other.test(n))).toEqual([]);
    }
  });
});
