import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Transaction } from "../../src/db/client.ts";
import {
  courseGrades,
  financialAccounts,
  results,
  transactions,
  users,
} from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import { withUser } from "../../src/platform/index.ts";
import type { Tenant } from "../../src/tenants/tenants.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { expectRefusal } from "../support/violations.ts";
import { createNetwork } from "./support/network.ts";

describe("what an end user sees, on top of tenant isolation", () => {
  let database: TestDatabase;
  let north: Tenant;
  let south: Tenant;

  const sourcedIds = async (rows: Promise<{ sourcedId: string }[]>) =>
    (await rows).map((r) => r.sourcedId).sort();
  const as = <T>(user: string, work: (tx: Transaction) => Promise<T>) =>
    withUser(database.db, north.id, user, work);

  beforeAll(async () => {
    database = await createTestDatabase();
    north = await createNetwork(database.db, "north");
    // Same sourcedIds in another tenant: an end-user rule must never reach across tenants.
    south = await createNetwork(database.db, "south");
    await withTenant(database.db, north.id, async (tx) => {
      await tx.insert(financialAccounts).values([
        {
          tenantId: north.id,
          sourcedId: "acct-a1",
          accountType: "student",
          name: "A1 learning funds",
          holderUserSourcedId: "student-a1",
        },
        {
          tenantId: north.id,
          sourcedId: "acct-parent",
          accountType: "family",
          name: "A1 family",
          holderUserSourcedId: "parent-a1",
        },
        {
          tenantId: north.id,
          sourcedId: "acct-coach-a",
          accountType: "coach",
          name: "Coach A earnings",
          holderUserSourcedId: "coach-a",
        },
        {
          tenantId: north.id,
          sourcedId: "acct-b1",
          accountType: "student",
          name: "B1 learning funds",
          holderUserSourcedId: "student-b1",
        },
        {
          tenantId: north.id,
          sourcedId: "acct-platform",
          accountType: "platform",
          name: "Platform fees",
        },
      ]);
      await tx.insert(transactions).values([
        {
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
        },
        {
          tenantId: north.id,
          sourcedId: "tx-fee-b1",
          transactionType: "fee",
          amount: 20,
          payerAccountSourcedId: "acct-b1",
          platformAccountSourcedId: "acct-platform",
          platformShare: 20,
        },
      ]);
    });
  });
  afterAll(() => database.close());

  it("leaves the application, with no end user set, seeing its whole tenant", async () => {
    const everyone = await withTenant(database.db, north.id, (tx) =>
      sourcedIds(tx.select({ sourcedId: users.sourcedId }).from(users)),
    );
    expect(everyone).toHaveLength(7);
    const grades = await withTenant(database.db, north.id, (tx) => tx.select().from(results));
    expect(grades).toHaveLength(3);
  });

  describe("people", () => {
    it("shows a student themself and the members of their school, not another school's", async () => {
      const seen = await as("student-a1", (tx) =>
        sourcedIds(tx.select({ sourcedId: users.sourcedId }).from(users)),
      );
      expect(seen).toEqual(["coach-a", "parent-a1", "student-a1", "student-a2"]);
    });

    it("shows a district administrator the district's members only, not the schools below it", async () => {
      const seen = await as("staff-d", (tx) =>
        sourcedIds(tx.select({ sourcedId: users.sourcedId }).from(users)),
      );
      expect(seen).toEqual(["staff-d"]);
    });

    it("shows someone with no role anywhere only themself", async () => {
      await withTenant(database.db, north.id, (tx) =>
        tx.insert(users).values({
          tenantId: north.id,
          sourcedId: "visitor",
          givenName: "Visiting",
          familyName: "Person",
        }),
      );
      const seen = await as("visitor", (tx) =>
        sourcedIds(tx.select({ sourcedId: users.sourcedId }).from(users)),
      );
      expect(seen).toEqual(["visitor"]);
    });

    it("never shows another tenant's people, though they share the same sourcedIds", async () => {
      const tenantsSeen = await as("student-a1", (tx) =>
        tx.selectDistinct({ tenantId: users.tenantId }).from(users),
      );
      expect(tenantsSeen).toEqual([{ tenantId: north.id }]);
    });

    it("lets no one change a person they cannot see", async () => {
      await expectRefusal(
        as("student-b1", (tx) =>
          tx
            .update(users)
            .set({ givenName: "Changed" })
            .where(eq(users.sourcedId, "student-a1"))
            .returning({ sourcedId: users.sourcedId }),
        ),
        /permission denied for table users/,
      );
      const [kept] = await withTenant(database.db, north.id, (tx) =>
        tx
          .select({ givenName: users.givenName })
          .from(users)
          .where(eq(users.sourcedId, "student-a1")),
      );
      expect(kept?.givenName).toBe("student-a1");
    });
  });

  describe("money", () => {
    it("shows account holders their own accounts only", async () => {
      const seenBy = (user: string) =>
        as(user, (tx) =>
          sourcedIds(tx.select({ sourcedId: financialAccounts.sourcedId }).from(financialAccounts)),
        );
      expect(await seenBy("student-a1")).toEqual(["acct-a1"]);
      expect(await seenBy("parent-a1")).toEqual(["acct-parent"]);
      expect(await seenBy("coach-a")).toEqual(["acct-coach-a"]);
      expect(await seenBy("staff-d")).toEqual([]);
    });

    it("shows each party the transactions one of their accounts takes part in", async () => {
      const seenBy = (user: string) =>
        as(user, (tx) =>
          sourcedIds(tx.select({ sourcedId: transactions.sourcedId }).from(transactions)),
        );
      expect(await seenBy("parent-a1")).toEqual(["tx-tuition-a1"]);
      expect(await seenBy("student-a1")).toEqual(["tx-tuition-a1"]);
      expect(await seenBy("coach-a")).toEqual(["tx-tuition-a1"]);
      expect(await seenBy("student-b1")).toEqual(["tx-fee-b1"]);
      expect(await seenBy("coach-b")).toEqual([]);
      expect(await seenBy("student-a2")).toEqual([]);
    });
  });

  describe("grades", () => {
    const resultsSeenBy = (user: string) =>
      as(user, (tx) => sourcedIds(tx.select({ sourcedId: results.sourcedId }).from(results)));
    const courseGradesSeenBy = (user: string) =>
      as(user, (tx) =>
        sourcedIds(tx.select({ sourcedId: courseGrades.sourcedId }).from(courseGrades)),
      );

    it("shows students their own grades", async () => {
      expect(await resultsSeenBy("student-a1")).toEqual(["result-student-a1"]);
      expect(await courseGradesSeenBy("student-b1")).toEqual(["grade-student-b1"]);
    });

    it("shows parents and guardians their children's grades", async () => {
      expect(await resultsSeenBy("parent-a1")).toEqual(["result-student-a1"]);
      expect(await courseGradesSeenBy("parent-a1")).toEqual(["grade-student-a1"]);
    });

    it("shows coaches the grades of the classes they teach, including results filed under the line item's class", async () => {
      expect(await resultsSeenBy("coach-a")).toEqual(["result-student-a1", "result-student-a2"]);
      expect(await courseGradesSeenBy("coach-b")).toEqual(["grade-student-b1"]);
    });

    it("shows everyone else no grades at all", async () => {
      expect(await resultsSeenBy("staff-d")).toEqual([]);
      expect(await courseGradesSeenBy("staff-d")).toEqual([]);
      expect(await resultsSeenBy("student-a2")).toEqual(["result-student-a2"]);
    });

    it("keeps a student from changing a classmate's grade", async () => {
      await expectRefusal(
        as("student-a2", (tx) =>
          tx
            .update(results)
            .set({ score: 100 })
            .where(eq(results.sourcedId, "result-student-a1"))
            .returning({ sourcedId: results.sourcedId }),
        ),
        /permission denied for table results/,
      );
      const [kept] = await withTenant(database.db, north.id, (tx) =>
        tx
          .select({ score: results.score })
          .from(results)
          .where(eq(results.sourcedId, "result-student-a1")),
      );
      expect(kept?.score).toBe(90);
    });
  });

  it("cannot be widened by naming a user of another tenant: the south tenant's student sees nothing of north", async () => {
    const seen = await withUser(database.db, south.id, "student-a1", (tx) =>
      tx.select({ tenantId: results.tenantId }).from(results),
    );
    expect(seen).toEqual([{ tenantId: south.id }]);
    const withoutTenant = await database.db.transaction(async (tx) => {
      await tx.execute(
        sql`select set_config('role', 'tsa_app', true), set_config('app.user_id', 'student-a1', true)`,
      );
      return tx.select().from(results);
    });
    expect(withoutTenant).toEqual([]);
  });
});
