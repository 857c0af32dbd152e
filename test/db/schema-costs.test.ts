import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows.ts";
import { SOURCED_ID_PATTERN } from "../../src/db/schema/columns.ts";
import { orgs } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import type { Tenant } from "../../src/tenants/tenants.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { tenantWithDistrict } from "../support/fixtures.ts";
import { expectRefusal } from "../support/violations.ts";

const ALLOWED = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz./@_-";
const OTHERS = [
  " ",
  ",",
  "\n",
  "\t",
  "é",
  "ß",
  "€",
  "😀",
  "$",
  "^",
  "[",
  "]",
  "{",
  "}",
  "+",
  "*",
  "\\",
  "'",
];

/** Deterministic pseudo-random values around the rule's edges: lengths 0–300, some foreign characters. */
function sourcedIdCandidates(): string[] {
  let seed = 13;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const edges = ["", "a", "x".repeat(254), "x".repeat(255), "x".repeat(256), "é".repeat(255)];
  const edited = OTHERS.flatMap((c) => [c, `a${c}`, `${c}a`, `a${c}b`, `${"y".repeat(254)}${c}`]);
  const random = Array.from({ length: 60 }, () => {
    const length = [1, 2, 17, 254, 255, 256, 300][next(7)] ?? 1;
    return Array.from({ length }, () =>
      next(20) === 0 ? OTHERS[next(OTHERS.length)] : ALLOWED[next(ALLOWED.length)],
    ).join("");
  });
  return [...edges, ...edited, ...random, ALLOWED];
}

describe("what the schema costs a write, without changing what it accepts", () => {
  let database: TestDatabase;
  let tenant: Tenant;

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await tenantWithDistrict(database.db, "costs", 5);
  });
  afterAll(() => database.close());

  it("accepts and refuses exactly the sourcedIds of the OneRoster pattern {1,255}", async () => {
    const candidates = sourcedIdCandidates();
    const pattern = new RegExp(SOURCED_ID_PATTERN);
    expect(candidates.filter((v) => pattern.test(v)).length).toBeGreaterThan(20);
    expect(candidates.filter((v) => !pattern.test(v)).length).toBeGreaterThan(50);
    const stored = await withTenant(database.db, tenant.id, async (tx) => {
      const kept: string[] = [];
      for (const [i, value] of candidates.entries()) {
        const accepted = await tx
          .transaction((savepoint) =>
            savepoint
              .insert(orgs)
              .values({ tenantId: tenant.id, sourcedId: value, name: `c${i}`, type: "school" }),
          )
          .then(
            () => true,
            () => false,
          );
        if (accepted) kept.push(value);
      }
      return kept;
    });
    expect(stored).toEqual(candidates.filter((v) => pattern.test(v)));
    // The database's own reading of the old rule agrees too (its regex engine, its lengths).
    const [old] = await queryRows<{ accepted: string[] }>(
      database.db,
      sql`select coalesce(array_agg(v order by n), '{}') as accepted
          from unnest(${sql.param(candidates)}::text[]) with ordinality as c (v, n)
          where v ~ '^[0-9A-Za-z./@_-]{1,255}$'`,
    );
    expect(old?.accepted).toEqual(stored);
  });

  it("stores nothing for a tenant that does not exist: the context stays empty", async () => {
    const ghost = randomUUID();
    await expectRefusal(
      withTenant(database.db, ghost, (tx) =>
        tx.insert(orgs).values({ tenantId: ghost, sourcedId: "ghost", name: "G", type: "school" }),
      ),
      /row-level security/,
    );
    const [context] = await withTenant(database.db, ghost, (tx) =>
      queryRows<{ tenant: string | null; orgs: number }>(
        tx,
        sql`select current_tenant_id()::text as tenant, (select count(*)::int from orgs) as orgs`,
      ),
    );
    expect(context).toEqual({ tenant: null, orgs: 0 });
  });

  it.each([
    "users",
    "results",
    "assessment_results",
    "course_grades",
    "financial_accounts",
    "transactions",
  ])(
    "%s: the application's count reads the end user once per statement, not per row",
    async (table) => {
      const plan = await withTenant(database.db, tenant.id, async (tx) => {
        const rows = await queryRows<{ "QUERY PLAN": string }>(
          tx,
          sql`explain (costs off) select count(*) from ${sql.identifier(table)}`,
        );
        return rows.map((row) => row["QUERY PLAN"]);
      });
      const perRow = plan.filter((line) => /Filter:/.test(line) && !/One-Time Filter/.test(line));
      expect(perRow.length).toBeGreaterThan(0);
      for (const filter of perRow) expect(filter).not.toMatch(/app\.user_id/);
      expect(plan.some((line) => /InitPlan/.test(line))).toBe(true);
    },
  );
});
