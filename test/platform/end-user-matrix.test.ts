import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Transaction } from "../../src/db/client.ts";
import { queryRows } from "../../src/db/query-rows.ts";
import { financialAccounts, transactions, users } from "../../src/db/schema/index.ts";
import { APP_ROLE, withTenant } from "../../src/db/tenant-context.ts";
import { withUser } from "../../src/platform/index.ts";
import type { Tenant } from "../../src/tenants/tenants.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { databaseMessage } from "../support/violations.ts";
import { EXPECTATIONS, PEOPLE, type Person } from "./support/end-user-expectations.ts";
import { createNetwork } from "./support/network.ts";

type Outcome = "allowed" | "refused";
type Session = (
  db: Database,
  tenantId: string,
  person: Person,
  work: (tx: Transaction) => Promise<unknown>,
) => Promise<unknown>;

/**
 * Two ways an end user's work can reach the database: the product path (withUser, as the
 * end-user role), and the application role with only the end user named, which proves that
 * the row-level rules hold by themselves, without the end-user role's narrower privileges.
 */
const SESSIONS: [string, Session][] = [
  ["in an end user's session (withUser)", withUser],
  [
    `as ${APP_ROLE} with only the end user named (row-level rules alone)`,
    (db, tenantId, person, work) =>
      withTenant(db, tenantId, async (tx) => {
        await tx.execute(sql`select set_config('app.user_id', ${person}, true)`);
        return work(tx);
      }),
  ],
];

/** Marks a transaction for rollback once its outcome is known, so every cell starts alike. */
class RolledBack extends Error {
  constructor(readonly outcome: Outcome) {
    super("rolled back on purpose");
  }
}

const REFUSAL = /permission denied|row-level security|may change only their own profile/;

/** Runs one statement and rolls it back: allowed when it touched a row, refused otherwise. */
async function attempt(
  run: (work: (tx: Transaction) => Promise<unknown>) => Promise<unknown>,
  statement: SQL,
): Promise<Outcome> {
  try {
    await run(async (tx) => {
      const touched = await queryRows(
        tx,
        sql`with touched as (${statement} returning 1) select 1 from touched`,
      );
      throw new RolledBack(touched.length > 0 ? "allowed" : "refused");
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.outcome;
    if (REFUSAL.test(databaseMessage(error))) return "refused";
    throw error;
  }
  throw new Error("unreachable: every attempt rolls back");
}

describe("end users × tables × SELECT/INSERT/UPDATE/DELETE", () => {
  let database: TestDatabase;
  let north: Tenant;

  beforeAll(async () => {
    database = await createTestDatabase();
    north = await createNetwork(database.db, "north");
    await createNetwork(database.db, "south");
    await withTenant(database.db, north.id, async (tx) => {
      // A member of alpha no other row refers to, so that the application may delete them.
      await tx.insert(users).values({
        tenantId: north.id,
        sourcedId: "visitor-a",
        givenName: "Visiting",
        familyName: "Parent",
        primaryOrgSourcedId: "alpha",
      });
      await tx.insert(financialAccounts).values(
        (
          [
            ["acct-a1", "student", "student-a1"],
            ["acct-a1-savings", "student", "student-a1"],
            ["acct-parent", "family", "parent-a1"],
            ["acct-coach-a", "coach", "coach-a"],
            ["acct-platform", "platform", null],
          ] as const
        ).map(([sourcedId, accountType, holderUserSourcedId]) => ({
          tenantId: north.id,
          sourcedId,
          accountType,
          name: sourcedId,
          holderUserSourcedId,
        })),
      );
      await tx.insert(transactions).values({
        tenantId: north.id,
        sourcedId: "tx-tuition-a1",
        transactionType: "tuition",
        amount: 500,
        payerAccountSourcedId: "acct-parent",
        studentAccountSourcedId: "acct-a1",
        coachAccountSourcedId: "acct-coach-a",
        platformAccountSourcedId: "acct-platform",
        studentShare: 100,
        coachShare: 350,
        platformShare: 50,
      });
    });
  });
  afterAll(() => database.close());

  const asApplication = (work: (tx: Transaction) => Promise<unknown>) =>
    withTenant(database.db, north.id, work);

  for (const { table, key, reads, writes } of EXPECTATIONS) {
    describe(table, () => {
      for (const [sessionName, session] of SESSIONS) {
        describe(sessionName, () => {
          for (const [person, description] of Object.entries(PEOPLE) as [Person, string][]) {
            const expected = reads[person];
            it(`SELECT: ${person} (${description}) sees ${expected === "nothing" ? "nothing" : expected.join(", ")}`, async () => {
              const seen = await session(database.db, north.id, person, (tx) =>
                queryRows<{ key: string }>(
                  tx,
                  sql`select distinct ${sql.identifier(key)}::text as key from ${sql.identifier(table)} order by 1`,
                ).then((rows) => rows.map((row) => row.key)),
              ).catch((error: unknown) => {
                if (REFUSAL.test(databaseMessage(error))) return [];
                throw error;
              });
              expect(seen).toEqual(expected === "nothing" ? [] : expected);
            });
          }
          for (const write of writes) {
            const expected: Outcome = write.allowed === "everyone" ? "allowed" : "refused";
            for (const person of Object.keys(PEOPLE) as Person[]) {
              it(`${write.command}: ${person} tries to ${write.attempt}: ${expected}`, async () => {
                const outcome = await attempt(
                  (work) => session(database.db, north.id, person, work),
                  write.statement(north.id, person),
                );
                expect(outcome).toBe(expected);
              });
            }
          }
        });
      }

      // Each write above is one the application itself may make, so an end user's refusal is
      // the end-user rule's doing, not a constraint's.
      for (const write of writes) {
        const expected = write.application ?? "allowed";
        it(`${write.command} by the application itself, to ${write.attempt}: ${expected}`, async () => {
          expect(await attempt(asApplication, write.statement(north.id, "student-a1"))).toBe(
            expected,
          );
        });
      }
    });
  }
});
