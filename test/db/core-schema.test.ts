import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query-rows.ts";
import { academicSessions, classes, enrollments, orgs, users } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import { createTenant, type Tenant } from "../../src/tenants/tenants.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { expectRefusal } from "../support/violations.ts";

const CORE_TABLES = [
  "tenants",
  "orgs",
  "users",
  "user_roles",
  "user_agents",
  "user_profiles",
  "demographics",
  "academic_sessions",
  "courses",
  "classes",
  "class_terms",
  "enrollments",
  "resources",
  "class_resources",
  "course_resources",
  "user_resources",
  "calendars",
  "calendar_dates",
  "school_attendance_events",
  "class_attendance_events",
  "categories",
  "score_scales",
  "line_items",
  "line_item_score_scales",
  "line_item_learning_objectives",
  "results",
  "result_score_scales",
  "result_learning_objectives",
  "assessment_line_items",
  "assessment_results",
  "course_grades",
  "audit_logs",
  "api_clients",
  "import_jobs",
];

describe("core schema", () => {
  let database: TestDatabase;
  let north: Tenant;
  let south: Tenant;

  beforeAll(async () => {
    database = await createTestDatabase();
    north = await createTenant(database.db, "north", "North District");
    south = await createTenant(database.db, "south", "South District");
    await withTenant(database.db, south.id, (tx) =>
      tx
        .insert(orgs)
        .values({ tenantId: south.id, sourcedId: "sch-1", name: "South High", type: "school" }),
    );
  });
  afterAll(() => database.close());

  it("has every table of the organizations, users, academic, attendance, grades and audit parts", async () => {
    const rows = await queryRows<{ tablename: string }>(
      database.db,
      sql`select tablename from pg_tables where schemaname = 'public'`,
    );
    const present = new Set(rows.map((r) => r.tablename));
    expect(CORE_TABLES.filter((t) => !present.has(t))).toEqual([]);
  });

  it("keys every tenant table by (tenant_id, id) and its sourcedId unique per tenant", async () => {
    const rows = await queryRows<{ table: string; keys: string }>(
      database.db,
      sql`select c.conrelid::regclass::text as table, pg_get_constraintdef(c.oid) as keys
          from pg_constraint c where c.contype = 'p' and c.conrelid::regclass::text in ('orgs', 'users', 'enrollments', 'results')`,
    );
    expect(rows.map((r) => r.keys)).toEqual(Array(4).fill("PRIMARY KEY (tenant_id, id)"));
    await expectRefusal(
      withTenant(database.db, south.id, (tx) =>
        tx
          .insert(orgs)
          .values({ tenantId: south.id, sourcedId: "sch-1", name: "Copy", type: "school" }),
      ),
      /orgs_sourced_id_key/,
    );
  });

  it("lets two tenants use the same sourcedId for unrelated records", async () => {
    await withTenant(database.db, north.id, (tx) =>
      tx.insert(orgs).values({
        tenantId: north.id,
        sourcedId: "sch-1",
        name: "North Elementary",
        type: "school",
      }),
    );
    const names = await withTenant(database.db, north.id, (tx) =>
      tx.select({ name: orgs.name }).from(orgs),
    );
    expect(names).toEqual([{ name: "North Elementary" }]);
  });

  it("refuses sourcedIds with characters the OneRoster binding does not allow", async () => {
    await expectRefusal(
      withTenant(database.db, north.id, (tx) =>
        tx.insert(orgs).values({
          tenantId: north.id,
          sourcedId: "bad id,with comma",
          name: "X",
          type: "school",
        }),
      ),
      /orgs_sourced_id_check/,
    );
  });

  it("refuses unknown vocabulary but accepts ext: extensions", async () => {
    await expectRefusal(
      withTenant(database.db, north.id, (tx) =>
        tx.insert(orgs).values({ tenantId: north.id, sourcedId: "o-x", name: "X", type: "campus" }),
      ),
      /orgs_type_check/,
    );
    await withTenant(database.db, north.id, (tx) =>
      tx
        .insert(orgs)
        .values({ tenantId: north.id, sourcedId: "o-ext", name: "X", type: "ext:microschool" }),
    );
  });

  it("refuses a reference to a record that does not exist in the same tenant", async () => {
    // South has sch-2, North does not: North's class may not point at it.
    await withTenant(database.db, south.id, (tx) =>
      tx
        .insert(orgs)
        .values({ tenantId: south.id, sourcedId: "sch-2", name: "South Middle", type: "school" }),
    );
    await expectRefusal(
      withTenant(database.db, north.id, (tx) =>
        tx.insert(users).values({
          tenantId: north.id,
          sourcedId: "u-1",
          givenName: "A",
          familyName: "B",
          primaryOrgSourcedId: "sch-2",
        }),
      ),
      /users_primary_org_fkey/,
    );
  });

  it("refuses sessions that end before they start and enrollments with an unknown class", async () => {
    await expectRefusal(
      withTenant(database.db, north.id, (tx) =>
        tx.insert(academicSessions).values({
          tenantId: north.id,
          sourcedId: "y",
          title: "Y",
          type: "schoolYear",
          startDate: "2026-08-01",
          endDate: "2025-06-01",
          schoolYear: "2026",
        }),
      ),
      /academic_sessions_dates_check/,
    );
    await withTenant(database.db, north.id, (tx) =>
      tx
        .insert(users)
        .values({ tenantId: north.id, sourcedId: "u-2", givenName: "A", familyName: "B" }),
    );
    await expectRefusal(
      withTenant(database.db, north.id, (tx) =>
        tx.insert(enrollments).values({
          tenantId: north.id,
          sourcedId: "e-1",
          userSourcedId: "u-2",
          classSourcedId: "nope",
          schoolSourcedId: "sch-1",
          role: "student",
        }),
      ),
      /enrollments_class_fkey/,
    );
  });

  it("mirrors a class's terms into class_terms, with a reference to each term", async () => {
    await withTenant(database.db, north.id, async (tx) => {
      await tx.insert(academicSessions).values([
        {
          tenantId: north.id,
          sourcedId: "t1",
          title: "Fall",
          type: "term",
          startDate: "2025-08-15",
          endDate: "2025-12-20",
          schoolYear: "2026",
        },
        {
          tenantId: north.id,
          sourcedId: "t2",
          title: "Spring",
          type: "term",
          startDate: "2026-01-05",
          endDate: "2026-06-01",
          schoolYear: "2026",
        },
      ]);
      await tx.execute(
        sql`insert into courses (tenant_id, sourced_id, title) values (${north.id}, 'c1', 'Math')`,
      );
      await tx.insert(classes).values({
        tenantId: north.id,
        sourcedId: "k1",
        title: "Math 1",
        courseSourcedId: "c1",
        schoolSourcedId: "sch-1",
        termSourcedIds: ["t1", "t2"],
      });
      await tx.update(classes).set({ termSourcedIds: ["t2"] });
    });
    const terms = await withTenant(database.db, north.id, (tx) =>
      queryRows<{ term_sourced_id: string }>(tx, sql`select term_sourced_id from class_terms`),
    );
    expect(terms).toEqual([{ term_sourced_id: "t2" }]);
    await expectRefusal(
      withTenant(database.db, north.id, (tx) =>
        tx.update(classes).set({ termSourcedIds: ["t-missing"] }),
      ),
      /class_terms_term_fkey/,
    );
  });
});
