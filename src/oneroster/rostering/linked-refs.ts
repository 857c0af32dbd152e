import { sql } from "drizzle-orm";
import {
  academicSessions,
  classResources,
  courseResources,
  orgs,
  userResources,
} from "../../db/schema/index.ts";
import { guidRef, nestedField } from "../read/index.ts";

type LinkRow = { owner: string; sourced_id: string };

const PARENTS = { org: orgs, academicSession: academicSessions } as const;

/**
 * `children`: the active rows whose parent is the page row, as GUIDRefs. Deleted children are
 * left out: a reference to a deleted object is stale.
 */
export const childRefs = (type: keyof typeof PARENTS) => {
  const t = PARENTS[type];
  return nestedField<LinkRow>(
    "children",
    ({ tenantId, owners }) =>
      sql`select ${t.parentSourcedId} as owner, ${t.sourcedId} as sourced_id from ${t}
          where ${t.tenantId} = ${tenantId} and ${t.parentSourcedId} = any(${owners})
            and ${t.status} = 'active'
          order by 1, 2`,
    (rows, context) => rows.map((row) => guidRef(context, type, row.sourced_id)),
  );
};

const LINKS = {
  class: { table: classResources, owner: classResources.classSourcedId },
  course: { table: courseResources, owner: courseResources.courseSourcedId },
  user: { table: userResources, owner: userResources.userSourcedId },
} as const;

/** `resources`: the active links of a class, course or user to resources, as GUIDRefs. */
export const resourceRefs = (owner: keyof typeof LINKS) => {
  const { table, owner: ownerColumn } = LINKS[owner];
  return nestedField<LinkRow>(
    "resources",
    ({ tenantId, owners }) =>
      sql`select ${ownerColumn} as owner, ${table.resourceSourcedId} as sourced_id from ${table}
          where ${table.tenantId} = ${tenantId} and ${ownerColumn} = any(${owners})
            and ${table.status} = 'active'
          order by 1, 2`,
    (rows, context) => rows.map((row) => guidRef(context, "resource", row.sourced_id)),
  );
};
