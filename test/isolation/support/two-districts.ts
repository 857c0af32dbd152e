import { type SQL, sql } from "drizzle-orm";
import { ALL_SCOPES } from "../../../src/auth/index.ts";
import type { Database } from "../../../src/db/client.ts";
import { queryRows } from "../../../src/db/query-rows.ts";
import { academicSessions, demographics } from "../../../src/db/schema/index.ts";
import { withTenant } from "../../../src/db/tenant-context.ts";
import { ENTITIES } from "../../../src/entities/index.ts";
import { maintain } from "../../../src/platform/index.ts";
import type { Tenant } from "../../../src/tenants/tenants.ts";
import { demoIds, type PathIds } from "../../oneroster/support/demo-ids.ts";
import { type Gateway, startGateway } from "../../oneroster/support/gateway.ts";
import { gradebookIds } from "../../oneroster/support/gradebook-ids.ts";
import { loadSmallSchool } from "../../oneroster/support/small-school.ts";
import { scratchDir } from "../../support/packages.ts";
import { restrictedGradebookIds, southOnlyGradebook } from "./gradebook-records.ts";

/** Every scope a client can hold: OneRoster reads and writes of every service, the gateway's own. */
export const EVERY_SCOPE = ALL_SCOPES;

/** The sourcedIds a client may be served, per entity (`user`, `org`, …). */
export type Visible = ReadonlyMap<string, ReadonlySet<string>>;

/** What a client is, for the checks: its token and the records it may see. */
export interface Viewer {
  name: string;
  auth: string;
  visible: Visible;
  /** What a GUIDRef inside a record it is served may name, per type (`org`, `user`, …). */
  referable: Visible;
  /** Every sourcedId of its tenant. */
  tenantIds: ReadonlySet<string>;
}

export interface TwoDistricts {
  gateway: Gateway;
  north: Tenant;
  south: Tenant;
  /** North's whole district, unrestricted, every scope. */
  northAdmin: Viewer;
  /** North, restricted to one school. */
  restricted: Viewer;
  /** South's whole district, every scope. */
  southAdmin: Viewer;
  /** Ids in north's district at a school other than the restricted client's. */
  northIds: PathIds;
  /** Ids at the restricted client's own school. */
  restrictedIds: PathIds;
  /** Ids that exist only in south (the small school loaded beside its district). */
  southOnly: PathIds;
  /** Every sourcedId only south holds. */
  southOnlyIds: ReadonlySet<string>;
}

/** Every sourcedId of the tenant per entity, read under its row-level security. */
async function tenantRecords(db: Database, tenant: Tenant): Promise<Map<string, Set<string>>> {
  return withTenant(db, tenant.id, async (tx) => {
    const byEntity = new Map<string, Set<string>>();
    for (const entity of ENTITIES) {
      const rows = await queryRows<{ id: string }>(
        tx,
        sql`select sourced_id as id from ${sql.identifier(entity.tableName)}`,
      );
      byEntity.set(entity.name, new Set(rows.map((row) => row.id)));
    }
    return byEntity;
  });
}

/**
 * What a client restricted to `school` may be served, worked out here from the rows
 * themselves rather than by the gateway's own scoping: the school's subtree, the users rostered
 * there, its courses, classes and enrollments, and the district-wide calendar.
 */
async function subtreeRecords(
  db: Database,
  tenant: Tenant,
  school: string,
): Promise<{ visible: Visible; referable: Visible }> {
  const ids = (tx: Parameters<Parameters<typeof withTenant>[2]>[0], query: SQL) =>
    queryRows<{ id: string }>(tx, query).then((rows) => new Set(rows.map((row) => row.id)));
  return withTenant(db, tenant.id, async (tx) => {
    const subtree = sql`with recursive subtree (id) as (
        select sourced_id from orgs where sourced_id = ${school}
        union select o.sourced_id from orgs o join subtree s on o.parent_sourced_id = s.id)`;
    const users = await ids(
      tx,
      sql`${subtree} select distinct r.user_sourced_id as id from user_roles r
          where r.org_sourced_id in (select id from subtree)`,
    );
    const visible = new Map([
      ["org", await ids(tx, sql`${subtree} select id from subtree`)],
      ["user", users],
      ["demographics", users],
      [
        "course",
        await ids(
          tx,
          sql`${subtree} select sourced_id as id from courses where org_sourced_id in (select id from subtree)`,
        ),
      ],
      [
        "class",
        await ids(
          tx,
          sql`${subtree} select sourced_id as id from classes where school_sourced_id in (select id from subtree)`,
        ),
      ],
      [
        "enrollment",
        await ids(
          tx,
          sql`${subtree} select sourced_id as id from enrollments where school_sourced_id in (select id from subtree)`,
        ),
      ],
      ["academicSession", await ids(tx, sql`select sourced_id as id from academic_sessions`)],
      [
        "lineItem",
        await ids(
          tx,
          sql`${subtree} select sourced_id as id from line_items where school_sourced_id in (select id from subtree)`,
        ),
      ],
      [
        "result",
        await ids(
          tx,
          sql`${subtree} select r.sourced_id as id from results r join line_items l on l.sourced_id = r.line_item_sourced_id
              where l.school_sourced_id in (select id from subtree)`,
        ),
      ],
      [
        "scoreScale",
        await ids(
          tx,
          sql`${subtree} select s.sourced_id as id from score_scales s join classes c on c.sourced_id = s.class_sourced_id
              where c.school_sourced_id in (select id from subtree)`,
        ),
      ],
      [
        "assessmentLineItem",
        await ids(
          tx,
          sql`${subtree} select a.sourced_id as id from assessment_line_items a join classes c on c.sourced_id = a.class_sourced_id
              where c.school_sourced_id in (select id from subtree)`,
        ),
      ],
      [
        "assessmentResult",
        await ids(
          tx,
          sql`select sourced_id as id from assessment_results where student_sourced_id = any(${sql.param([...users])}::text[])`,
        ),
      ],
    ]);
    // A school names its parent district, and a student its guardians: references the client
    // is given with the record, though it is not served those records themselves.
    const ancestors = await ids(
      tx,
      sql`with recursive up (id, parent) as (
            select sourced_id, parent_sourced_id from orgs where sourced_id = ${school}
            union select o.sourced_id, o.parent_sourced_id from orgs o join up on o.sourced_id = up.parent)
          select id from up`,
    );
    const agents = await ids(
      tx,
      sql`select agent_sourced_id as id from user_agents where user_sourced_id = any(${sql.param([...users])}::text[])`,
    );
    const referable = new Map(visible);
    referable.set("org", new Set([...ancestors, ...(visible.get("org") ?? [])]));
    referable.set("user", new Set([...agents, ...users]));
    return { visible, referable };
  });
}

/** Tags every record's metadata with its tenant, so a record served across tenants shows itself. */
async function tagRecords(db: Database, tenant: Tenant): Promise<void> {
  await withTenant(db, tenant.id, async (tx) => {
    for (const table of [
      "orgs",
      "academic_sessions",
      "courses",
      "classes",
      "users",
      "enrollments",
      "categories",
      "score_scales",
      "line_items",
      "results",
      "assessment_line_items",
      "assessment_results",
      "resources",
    ]) {
      await tx.execute(
        sql`update ${sql.identifier(table)}
            set metadata = coalesce(metadata, '{}'::jsonb) || ${JSON.stringify({ tenant: tenant.slug })}::jsonb`,
      );
    }
  });
}

/** South's small school, plus the grading period and demographics it lacks and Gradebook records. */
async function southOnlyRecords(gateway: Gateway, south: Tenant): Promise<PathIds> {
  const { db } = gateway.database;
  await loadSmallSchool(db, south);
  await withTenant(db, south.id, async (tx) => {
    await tx.insert(academicSessions).values({
      tenantId: south.id,
      sourcedId: "gp-1",
      title: "Fall period",
      type: "gradingPeriod",
      startDate: "2024-08-01",
      endDate: "2024-10-01",
      schoolYear: "2025",
      parentSourcedId: "t-1",
    });
    await tx.insert(demographics).values({ tenantId: south.id, sourcedId: "u-ann", sex: "female" });
  });
  const gradebook = await southOnlyGradebook(gateway, south);
  return {
    params: {
      ...gradebook.params,
      schoolSourcedId: "sch-a",
      classSourcedId: "k-1",
      courseSourcedId: "c-1",
      studentSourcedId: "u-ann",
      teacherSourcedId: "u-ben",
      userSourcedId: "u-ann",
      termSourcedId: "t-1",
    },
    objects: {
      ...gradebook.objects,
      academicSessions: "y-1",
      classes: "k-1",
      courses: "c-1",
      demographics: "u-ann",
      enrollments: "e-ann",
      gradingPeriods: "gp-1",
      orgs: "sch-a",
      schools: "sch-a",
      students: "u-ann",
      teachers: "u-ben",
      terms: "t-1",
      users: "u-ben",
    },
  };
}

const flatten = (byEntity: Visible) => new Set([...byEntity.values()].flatMap((ids) => [...ids]));

/**
 * Two tenants holding the same generated district (the same sourcedIds), south also holding a
 * small school of its own, every record tagged with its tenant; clients for north (whole
 * district, and restricted to one school) and for south.
 */
export async function twoDistricts(): Promise<TwoDistricts> {
  const gateway = await startGateway({
    tenants: ["north", "south"],
    students: 20,
    config: { DATA_DIR: scratchDir() },
  });
  const [north, south] = gateway.tenants as [Tenant, Tenant];
  const { db } = gateway.database;
  const northToken = await gateway.token({ tenant: north, scopes: EVERY_SCOPE });
  const northAuth = `Bearer ${northToken}`;
  const northGradebook = await gradebookIds(
    gateway,
    northToken,
    await demoIds(gateway, northToken),
  );
  const northIds: PathIds = {
    ...northGradebook,
    params: {
      ...northGradebook.params,
      academicSessionSourcedId: northGradebook.params.termSourcedId ?? "",
    },
  };
  const northSet = await tenantRecords(db, north);
  const southBefore = flatten(await tenantRecords(db, south));
  const southOnly = await southOnlyRecords(gateway, south);
  const southSet = await tenantRecords(db, south);
  await tagRecords(db, north);
  await tagRecords(db, south);
  await maintain(db);

  const otherSchool = [...(northSet.get("org") ?? [])].find(
    (id) => id !== northIds.params.schoolSourcedId && id.startsWith("sch-"),
  );
  if (otherSchool === undefined) throw new Error("north's district has only one school");
  const restrictedToken = await gateway.token({
    tenant: north,
    scopes: EVERY_SCOPE,
    orgSourcedId: otherSchool,
  });
  const northIdsAll = flatten(northSet);
  const restrictedSees = await subtreeRecords(db, north, otherSchool);
  return {
    gateway,
    north,
    south,
    northAdmin: {
      name: "north",
      auth: northAuth,
      visible: northSet,
      referable: northSet,
      tenantIds: northIdsAll,
    },
    restricted: {
      name: `north restricted to ${otherSchool}`,
      auth: `Bearer ${restrictedToken}`,
      ...restrictedSees,
      tenantIds: northIdsAll,
    },
    southAdmin: {
      name: "south",
      auth: `Bearer ${await gateway.token({ tenant: south, scopes: EVERY_SCOPE })}`,
      visible: southSet,
      referable: southSet,
      tenantIds: flatten(southSet),
    },
    northIds,
    restrictedIds: await restrictedGradebookIds(
      gateway,
      restrictedToken,
      await demoIds(gateway, restrictedToken),
      northIds,
    ),
    southOnly,
    southOnlyIds: new Set([...flatten(southSet)].filter((id) => !southBefore.has(id))),
  };
}
