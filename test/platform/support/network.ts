import type { Database, Transaction } from "../../../src/db/client.ts";
import {
  academicSessions,
  categories,
  classes,
  courseGrades,
  courses,
  enrollments,
  lineItems,
  orgs,
  results,
  userAgents,
  userRoles,
  users,
} from "../../../src/db/schema/index.ts";
import { withTenant } from "../../../src/db/tenant-context.ts";
import { createTenant, type Tenant } from "../../../src/tenants/tenants.ts";

/** Today and days around it, as ISO dates, so dashboards that look back from today see the data. */
export const day = (offset = 0) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * A small school network every platform test can reason about by name:
 *
 * - district `district` with the school `alpha` and the microschool `beta`;
 * - students `student-a1`, `student-a2` at alpha and `student-b1` at beta;
 * - `parent-a1`, parent (agent) of student-a1 only, member of alpha;
 * - coaches `coach-a` teaching `math-alpha`, `coach-b` teaching `math-beta`;
 * - `staff-d`, an administrator of the district;
 * - one homework result and one course grade per student.
 */
export async function createNetwork(db: Database, slug: string): Promise<Tenant> {
  const tenant = await createTenant(db, slug, `${slug} network`);
  await withTenant(db, tenant.id, (tx) => fillNetwork(tx, tenant.id));
  return tenant;
}

const PEOPLE = [
  { sourcedId: "student-a1", org: "alpha", role: "student" },
  { sourcedId: "student-a2", org: "alpha", role: "student" },
  { sourcedId: "student-b1", org: "beta", role: "student" },
  { sourcedId: "parent-a1", org: "alpha", role: "parent" },
  { sourcedId: "coach-a", org: "alpha", role: "teacher" },
  { sourcedId: "coach-b", org: "beta", role: "teacher" },
  { sourcedId: "staff-d", org: "district", role: "districtAdministrator" },
] as const;

const CLASS_MEMBERS = [
  { user: "student-a1", class: "math-alpha", school: "alpha", role: "student" },
  { user: "student-a2", class: "math-alpha", school: "alpha", role: "student" },
  { user: "coach-a", class: "math-alpha", school: "alpha", role: "teacher" },
  { user: "student-b1", class: "math-beta", school: "beta", role: "student" },
  { user: "coach-b", class: "math-beta", school: "beta", role: "teacher" },
] as const;

async function fillNetwork(tx: Transaction, tenantId: string): Promise<void> {
  await tx.insert(orgs).values([
    {
      tenantId,
      sourcedId: "district",
      name: "North District",
      type: "district",
      level: "district",
    },
    {
      tenantId,
      sourcedId: "alpha",
      name: "Alpha School",
      type: "school",
      level: "school",
      parentSourcedId: "district",
    },
    {
      tenantId,
      sourcedId: "beta",
      name: "Beta Microschool",
      type: "school",
      level: "microschool",
      parentSourcedId: "district",
    },
  ]);
  await tx.insert(users).values(
    PEOPLE.map((p) => ({
      tenantId,
      sourcedId: p.sourcedId,
      givenName: p.sourcedId,
      familyName: "Example",
      primaryOrgSourcedId: p.org,
    })),
  );
  await tx.insert(userRoles).values(
    PEOPLE.map((p) => ({
      tenantId,
      sourcedId: `role-${p.sourcedId}`,
      userSourcedId: p.sourcedId,
      orgSourcedId: p.org,
      roleType: "primary" as const,
      role: p.role,
    })),
  );
  await tx
    .insert(userAgents)
    .values({ tenantId, userSourcedId: "student-a1", agentSourcedId: "parent-a1" });
  await tx.insert(academicSessions).values({
    tenantId,
    sourcedId: "year",
    title: "This school year",
    type: "schoolYear",
    startDate: day(-120),
    endDate: day(240),
    schoolYear: day().slice(0, 4),
  });
  await tx.insert(courses).values({ tenantId, sourcedId: "math", title: "Math" });
  await tx.insert(classes).values(
    ["alpha", "beta"].map((school) => ({
      tenantId,
      sourcedId: `math-${school}`,
      title: `Math at ${school}`,
      termSourcedIds: ["year"],
      courseSourcedId: "math",
      schoolSourcedId: school,
    })),
  );
  await tx.insert(enrollments).values(
    CLASS_MEMBERS.map((m) => ({
      tenantId,
      sourcedId: `enrollment-${m.user}`,
      userSourcedId: m.user,
      classSourcedId: m.class,
      schoolSourcedId: m.school,
      role: m.role,
      beginDate: day(-100),
    })),
  );
  await tx.insert(categories).values({ tenantId, sourcedId: "homework", title: "Homework" });
  await tx.insert(lineItems).values(
    ["alpha", "beta"].map((school) => ({
      tenantId,
      sourcedId: `homework-${school}`,
      title: "Homework 1",
      assignDate: new Date(Date.now() - 7 * 86_400_000),
      dueDate: new Date(),
      classSourcedId: `math-${school}`,
      schoolSourcedId: school,
      categorySourcedId: "homework",
    })),
  );
  const students = CLASS_MEMBERS.filter((m) => m.role === "student");
  await tx.insert(results).values(
    students.map((m) => ({
      tenantId,
      sourcedId: `result-${m.user}`,
      lineItemSourcedId: `homework-${m.school}`,
      studentSourcedId: m.user,
      // One result leaves its class to the line item, as OneRoster allows.
      classSourcedId: m.user === "student-a2" ? null : m.class,
      scoreStatus: "fully graded",
      score: 90,
      scoreDate: day(),
    })),
  );
  await tx.insert(courseGrades).values(
    students.map((m) => ({
      tenantId,
      sourcedId: `grade-${m.user}`,
      studentSourcedId: m.user,
      courseSourcedId: "math",
      classSourcedId: m.class,
      sessionSourcedId: "year",
      finalLetterGrade: "A",
      courseAttemptResult: "Pass" as const,
    })),
  );
}
