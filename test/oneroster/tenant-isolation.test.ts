import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import {
  academicSessions,
  classes,
  courses,
  demographics,
  enrollments,
  orgs,
  userRoles,
  users,
} from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import { ROSTERING_OPERATIONS } from "../../src/oneroster/routes/index.ts";
import type { Tenant } from "../../src/tenants/tenants.ts";
import { demoIds, type PathIds, pathFor } from "./support/demo-ids.ts";
import { type Gateway, startGateway } from "./support/gateway.ts";
import { statusInfoOf } from "./support/status-info.ts";

const ENTITY_TABLES = [
  "orgs",
  "academic_sessions",
  "courses",
  "classes",
  "users",
  "user_roles",
  "enrollments",
  "demographics",
];

/** Tags every record of the tenant, so a record served to the wrong tenant shows itself. */
async function tagRecords(db: Database, tenant: Tenant, tag: string, roleBegins: string) {
  await withTenant(db, tenant.id, async (tx) => {
    for (const table of ENTITY_TABLES) {
      await tx.execute(
        sql`update ${sql.raw(table)} set metadata = ${JSON.stringify({ tenant: tag })}::jsonb`,
      );
    }
    await tx.execute(sql`update user_roles set begin_date = ${roleBegins}`);
  });
}

/** Records only the south tenant has: one of everything a path can name. */
async function addSouthOnlyRecords(db: Database, tenant: Tenant): Promise<PathIds> {
  const tenantId = tenant.id;
  await withTenant(db, tenantId, async (tx) => {
    await tx.insert(orgs).values({
      tenantId,
      sourcedId: "sch-south",
      name: "South Only",
      type: "school",
      identifier: "SO",
      parentSourcedId: "org-district",
    });
    await tx.insert(academicSessions).values([
      {
        tenantId,
        sourcedId: "term-south",
        title: "South term",
        type: "term",
        startDate: "2025-08-01",
        endDate: "2025-12-19",
        schoolYear: "2026",
      },
      {
        tenantId,
        sourcedId: "gp-south",
        title: "South period",
        type: "gradingPeriod",
        startDate: "2025-08-01",
        endDate: "2025-10-01",
        schoolYear: "2026",
        parentSourcedId: "term-south",
      },
    ]);
    await tx.insert(courses).values({
      tenantId,
      sourcedId: "crs-south",
      title: "South course",
      courseCode: "SC",
      orgSourcedId: "sch-south",
    });
    await tx.insert(classes).values({
      tenantId,
      sourcedId: "cls-south",
      title: "South class",
      courseSourcedId: "crs-south",
      schoolSourcedId: "sch-south",
      termSourcedIds: ["term-south"],
    });
    await tx.insert(users).values([
      { tenantId, sourcedId: "stu-south", givenName: "Sol", familyName: "South" },
      { tenantId, sourcedId: "tch-south", givenName: "Tia", familyName: "South" },
    ]);
    await tx.insert(userRoles).values([
      {
        tenantId,
        sourcedId: "rol-stu-south",
        userSourcedId: "stu-south",
        orgSourcedId: "sch-south",
        roleType: "primary",
        role: "student",
      },
      {
        tenantId,
        sourcedId: "rol-tch-south",
        userSourcedId: "tch-south",
        orgSourcedId: "sch-south",
        roleType: "primary",
        role: "teacher",
      },
    ]);
    await tx.insert(enrollments).values([
      {
        tenantId,
        sourcedId: "enr-south",
        userSourcedId: "stu-south",
        classSourcedId: "cls-south",
        schoolSourcedId: "sch-south",
        role: "student",
      },
      {
        tenantId,
        sourcedId: "enr-south-t",
        userSourcedId: "tch-south",
        classSourcedId: "cls-south",
        schoolSourcedId: "sch-south",
        role: "teacher",
      },
    ]);
    await tx.insert(demographics).values({ tenantId, sourcedId: "stu-south", sex: "female" });
  });
  return {
    params: {
      schoolSourcedId: "sch-south",
      classSourcedId: "cls-south",
      courseSourcedId: "crs-south",
      studentSourcedId: "stu-south",
      teacherSourcedId: "tch-south",
      userSourcedId: "stu-south",
      termSourcedId: "term-south",
    },
    objects: {
      academicSessions: "term-south",
      classes: "cls-south",
      courses: "crs-south",
      demographics: "stu-south",
      enrollments: "enr-south",
      gradingPeriods: "gp-south",
      orgs: "sch-south",
      schools: "sch-south",
      students: "stu-south",
      teachers: "tch-south",
      terms: "term-south",
      users: "stu-south",
    },
  };
}

/** Every object and GUIDRef array in a body, to look for leaked records and duplicates. */
function* walk(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) for (const item of value) yield* walk(item);
  else if (typeof value === "object" && value !== null) {
    yield value as Record<string, unknown>;
    for (const item of Object.values(value)) yield* walk(item);
  }
}

describe("two tenants with identical sourcedIds", () => {
  let gateway: Gateway;
  let north: Tenant;
  let south: Tenant;
  let northToken: string;
  let southToken: string;
  let northIds: PathIds;
  let southOnly: PathIds;

  beforeAll(async () => {
    gateway = await startGateway({ tenants: ["north", "south"], students: 20 });
    [north, south] = gateway.tenants as [Tenant, Tenant];
    await tagRecords(gateway.database.db, north, "north", "2025-08-11");
    await tagRecords(gateway.database.db, south, "south", "2000-01-01");
    southOnly = await addSouthOnlyRecords(gateway.database.db, south);
    northToken = await gateway.token({ tenant: north });
    southToken = await gateway.token({ tenant: south });
    northIds = await demoIds(gateway, northToken);
  });
  afterAll(() => gateway?.close());

  it.each(ROSTERING_OPERATIONS.map((operation) => [operation.operationId, operation] as const))(
    "%s serves north only north's records, nested values included",
    async (_, operation) => {
      const response = await gateway.get(`${pathFor(operation, northIds)}?limit=1000`, northToken);
      expect(response.status).toBe(200);
      const body = await response.json();
      const objects = [...walk(body)];
      const tags = objects.flatMap((o) =>
        o.metadata ? [(o.metadata as { tenant: string }).tenant] : [],
      );
      expect(tags.length).toBeGreaterThan(0);
      expect(new Set(tags)).toEqual(new Set(["north"]));
      expect(objects.filter((o) => o.beginDate === "2000-01-01")).toEqual([]);
      expect(
        objects.some((o) => typeof o.sourcedId === "string" && o.sourcedId.includes("south")),
      ).toBe(false);
      for (const object of objects) {
        for (const list of Object.values(object).filter(Array.isArray)) {
          const refs = list.flatMap((item) => (item?.href ? [item.href] : []));
          expect(new Set(refs).size).toBe(refs.length);
        }
      }
    },
  );

  const byId = ROSTERING_OPERATIONS.filter((operation) => operation.kind !== "collection");

  it.each(byId.map((operation) => [operation.operationId, operation] as const))(
    "%s answers 404 unknownobject to north for south's ids, and 200 to south",
    async (_, operation) => {
      const path = pathFor(operation, southOnly);
      const foreign = await gateway.get(path, northToken);
      expect(foreign.status).toBe(404);
      expect((await statusInfoOf(foreign)).codeMinor).toBe("unknownobject");
      expect((await gateway.get(path, southToken)).status).toBe(200);
    },
  );
});
