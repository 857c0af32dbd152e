import { setTimeout as sleep } from "node:timers/promises";
import type { Database } from "../../../src/db/client.ts";
import {
  academicSessions,
  classes,
  courses,
  enrollments,
  orgs,
  userRoles,
  users,
} from "../../../src/db/schema/index.ts";
import { withTenant } from "../../../src/db/tenant-context.ts";
import type { Tenant } from "../../../src/tenants/tenants.ts";

/**
 * A district small enough to know by heart, loaded in two imports so that delta filters
 * have a moment to split on:
 *
 * first import: district `dist` with schools `sch-a` and `sch-b`; Ann O'Brien (student at
 * sch-a, grade 09, home language spa, SIS id S-1), Ben Park (teacher at sch-a), Cy Park
 * (student at sch-b, disabled, to be deleted); sessions y-1 (school year), t-1 (term),
 * s-2 (semester); course c-1; classes k-1 (sch-a, t-1) and k-2 (sch-b, t-1 and s-2);
 * Ann's and Ben's enrollments in k-1 (Ben's primary, from 2024-08-15).
 *
 * second import: Dee Lee 50% (teacher at sch-a, aide at sch-b).
 */
export async function loadSmallSchool(db: Database, tenant: Tenant): Promise<{ between: string }> {
  const tenantId = tenant.id;
  await withTenant(db, tenantId, async (tx) => {
    await tx.insert(orgs).values([
      { tenantId, sourcedId: "dist", name: "Small District", type: "district", identifier: "SD" },
      {
        tenantId,
        sourcedId: "sch-a",
        name: "School A",
        type: "school",
        identifier: "A",
        parentSourcedId: "dist",
      },
      {
        tenantId,
        sourcedId: "sch-b",
        name: "School B",
        type: "school",
        identifier: "B",
        parentSourcedId: "dist",
      },
    ]);
    await tx.insert(academicSessions).values([
      {
        tenantId,
        sourcedId: "y-1",
        title: "2024-2025",
        type: "schoolYear",
        startDate: "2024-08-01",
        endDate: "2025-06-30",
        schoolYear: "2025",
      },
      {
        tenantId,
        sourcedId: "t-1",
        title: "Fall",
        type: "term",
        startDate: "2024-08-01",
        endDate: "2024-12-20",
        schoolYear: "2025",
        parentSourcedId: "y-1",
      },
      {
        tenantId,
        sourcedId: "s-2",
        title: "Spring",
        type: "semester",
        startDate: "2025-01-06",
        endDate: "2025-06-30",
        schoolYear: "2025",
        parentSourcedId: "y-1",
      },
    ]);
    await tx.insert(users).values([
      {
        tenantId,
        sourcedId: "u-ann",
        givenName: "Ann",
        familyName: "O'Brien",
        grades: ["09"],
        primaryOrgSourcedId: "sch-a",
        metadata: { homeLanguage: "spa" },
        userIds: [{ type: "SIS", identifier: "S-1" }],
      },
      {
        tenantId,
        sourcedId: "u-ben",
        givenName: "Ben",
        familyName: "Park",
        primaryOrgSourcedId: "sch-a",
      },
      {
        tenantId,
        sourcedId: "u-cy",
        givenName: "Cy",
        familyName: "Park",
        grades: ["10"],
        enabledUser: false,
        status: "tobedeleted",
      },
    ]);
    await tx.insert(userRoles).values([
      {
        tenantId,
        sourcedId: "r-ann",
        userSourcedId: "u-ann",
        orgSourcedId: "sch-a",
        roleType: "primary",
        role: "student",
      },
      {
        tenantId,
        sourcedId: "r-ben",
        userSourcedId: "u-ben",
        orgSourcedId: "sch-a",
        roleType: "primary",
        role: "teacher",
      },
      {
        tenantId,
        sourcedId: "r-cy",
        userSourcedId: "u-cy",
        orgSourcedId: "sch-b",
        roleType: "primary",
        role: "student",
        status: "tobedeleted",
      },
    ]);
    await tx
      .insert(courses)
      .values([
        { tenantId, sourcedId: "c-1", title: "Algebra", courseCode: "ALG", orgSourcedId: "sch-a" },
      ]);
    await tx.insert(classes).values([
      {
        tenantId,
        sourcedId: "k-1",
        title: "Algebra A",
        courseSourcedId: "c-1",
        schoolSourcedId: "sch-a",
        termSourcedIds: ["t-1"],
      },
      {
        tenantId,
        sourcedId: "k-2",
        title: "Algebra B",
        courseSourcedId: "c-1",
        schoolSourcedId: "sch-b",
        termSourcedIds: ["t-1", "s-2"],
      },
    ]);
    await tx.insert(enrollments).values([
      {
        tenantId,
        sourcedId: "e-ann",
        userSourcedId: "u-ann",
        classSourcedId: "k-1",
        schoolSourcedId: "sch-a",
        role: "student",
      },
      {
        tenantId,
        sourcedId: "e-ben",
        userSourcedId: "u-ben",
        classSourcedId: "k-1",
        schoolSourcedId: "sch-a",
        role: "teacher",
        primary: true,
        beginDate: "2024-08-15",
      },
    ]);
  });
  // Far enough apart that the two imports' timestamps (millisecond precision) differ.
  await sleep(20);
  const between = new Date().toISOString();
  await sleep(20);
  await withTenant(db, tenantId, async (tx) => {
    await tx.insert(users).values([
      {
        tenantId,
        sourcedId: "u-dee",
        givenName: "Dee",
        familyName: "Lee 50%",
        primaryOrgSourcedId: "sch-a",
      },
    ]);
    await tx.insert(userRoles).values([
      {
        tenantId,
        sourcedId: "r-dee-1",
        userSourcedId: "u-dee",
        orgSourcedId: "sch-a",
        roleType: "primary",
        role: "teacher",
      },
      {
        tenantId,
        sourcedId: "r-dee-2",
        userSourcedId: "u-dee",
        orgSourcedId: "sch-b",
        roleType: "primary",
        role: "aide",
      },
    ]);
  });
  return { between };
}
