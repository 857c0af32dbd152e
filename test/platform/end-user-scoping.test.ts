import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Transaction } from "../../src/db/client.ts";
import {
  courseGrades,
  enrollments,
  results,
  userAgents,
  userProfiles,
  userRoles,
  users,
} from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import { withUser } from "../../src/platform/index.ts";
import type { Tenant } from "../../src/tenants/tenants.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { expectRefusal } from "../support/violations.ts";
import { createNetwork, day } from "./support/network.ts";

describe("whom an end user sees: credentials, families and dates", () => {
  let database: TestDatabase;
  let tenant: Tenant;

  const as = <T>(user: string, work: (tx: Transaction) => Promise<T>) =>
    withUser(database.db, tenant.id, user, work);
  const asApplication = <T>(work: (tx: Transaction) => Promise<T>) =>
    withTenant(database.db, tenant.id, work);
  const peopleSeenBy = (user: string) =>
    as(user, async (tx) =>
      (await tx.select({ sourcedId: users.sourcedId }).from(users)).map((r) => r.sourcedId).sort(),
    );
  const resultsSeenBy = (user: string) =>
    as(user, async (tx) =>
      (await tx.select({ sourcedId: results.sourcedId }).from(results))
        .map((r) => r.sourcedId)
        .sort(),
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createNetwork(database.db, "east");
    await asApplication(async (tx) => {
      await tx.update(users).set({ password: "S3cret!" }).where(eq(users.sourcedId, "student-a1"));
      await tx.insert(userProfiles).values({
        tenantId: tenant.id,
        sourcedId: "profile-a1",
        userSourcedId: "student-a1",
        profileType: "lms",
        vendorId: "acme",
        credentials: [{ type: "password", username: "a1", password: "S3cret!" }],
      });
      // Two parents whose roles sit at the district, as SIS exports often have them.
      await tx.insert(users).values(
        ["parent-d1", "parent-d2"].map((sourcedId) => ({
          tenantId: tenant.id,
          sourcedId,
          givenName: sourcedId,
          familyName: "Example",
          primaryOrgSourcedId: "district",
        })),
      );
      await tx.insert(userRoles).values(
        ["parent-d1", "parent-d2"].map((sourcedId) => ({
          tenantId: tenant.id,
          sourcedId: `role-${sourcedId}`,
          userSourcedId: sourcedId,
          orgSourcedId: "district",
          roleType: "primary" as const,
          role: "parent",
        })),
      );
      await tx.insert(userAgents).values([
        { tenantId: tenant.id, userSourcedId: "student-b1", agentSourcedId: "parent-d1" },
        { tenantId: tenant.id, userSourcedId: "student-a2", agentSourcedId: "parent-d2" },
      ]);
    });
  });
  afterAll(() => database.close());

  describe("credentials", () => {
    it("are never readable in an end user's session, not even their own", async () => {
      await expectRefusal(
        as("student-a1", (tx) => tx.select({ password: users.password }).from(users)),
        /permission denied for table users/,
      );
      await expectRefusal(
        as("coach-a", (tx) =>
          tx.select({ credentials: userProfiles.credentials }).from(userProfiles),
        ),
        /permission denied for table user_profiles/,
      );
    });

    it("leave the rest of a person's record readable to those who may see them", async () => {
      const [seen] = await as("coach-a", (tx) =>
        tx
          .select({ givenName: users.givenName, email: users.email })
          .from(users)
          .where(eq(users.sourcedId, "student-a1")),
      );
      expect(seen).toEqual({ givenName: "student-a1", email: null });
    });

    it("stay readable to the application itself, which serves them to entitled API clients", async () => {
      const [row] = await asApplication((tx) =>
        tx
          .select({ password: users.password })
          .from(users)
          .where(eq(users.sourcedId, "student-a1")),
      );
      expect(row?.password).toBe("S3cret!");
    });
  });

  describe("families", () => {
    it("show a parent whose role sits at the district their child, not the district's other families", async () => {
      expect(await peopleSeenBy("parent-d1")).toEqual(["parent-d1", "student-b1"]);
    });

    it("show a parent their child's grades", async () => {
      expect(await resultsSeenBy("parent-d1")).toEqual(["result-student-b1"]);
    });

    it("show a student their own parents", async () => {
      expect(await peopleSeenBy("student-b1")).toEqual(
        expect.arrayContaining(["parent-d1", "student-b1"]),
      );
    });

    it("stop showing a parent their child once the parent's role has ended", async () => {
      await asApplication((tx) =>
        tx
          .update(userRoles)
          .set({ endDate: day(-1) })
          .where(eq(userRoles.sourcedId, "role-parent-d2")),
      );
      expect(await peopleSeenBy("parent-d2")).toEqual(["parent-d2"]);
      expect(await resultsSeenBy("parent-d2")).toEqual([]);
    });
  });

  describe("dates", () => {
    it("show a teacher no grades of their class once their role at its school has ended", async () => {
      expect(await resultsSeenBy("coach-b")).toEqual(["result-student-b1"]);
      await asApplication((tx) =>
        tx
          .update(userRoles)
          .set({ endDate: day(-1) })
          .where(eq(userRoles.sourcedId, "role-coach-b")),
      );
      expect(await resultsSeenBy("coach-b")).toEqual([]);
      expect(
        await as("coach-b", (tx) => tx.select({ id: courseGrades.sourcedId }).from(courseGrades)),
      ).toEqual([]);
    });

    it("show a teacher no grades of a class their enrollment in has ended, or not yet begun", async () => {
      const teaching = and(
        eq(enrollments.userSourcedId, "coach-a"),
        eq(enrollments.classSourcedId, "math-alpha"),
      );
      expect(await resultsSeenBy("coach-a")).toHaveLength(2);
      await asApplication((tx) =>
        tx
          .update(enrollments)
          .set({ endDate: day(-1) })
          .where(teaching),
      );
      expect(await resultsSeenBy("coach-a")).toEqual([]);
      await asApplication((tx) =>
        tx
          .update(enrollments)
          .set({ beginDate: day(10), endDate: null })
          .where(teaching),
      );
      expect(await resultsSeenBy("coach-a")).toEqual([]);
    });

    it("use the same rule for roles that have not begun as for roles that have ended", async () => {
      await asApplication((tx) =>
        tx
          .update(userRoles)
          .set({ beginDate: day(5) })
          .where(eq(userRoles.sourcedId, "role-student-a2")),
      );
      // No longer a member of alpha: themself and their own parent only, and still their own grade.
      expect(await peopleSeenBy("student-a2")).toEqual(["parent-d2", "student-a2"]);
      expect(await resultsSeenBy("student-a2")).toEqual(["result-student-a2"]);
    });
  });
});
