import { sql } from "drizzle-orm";
import { type GuidRefType, guidRef, nestedField } from "../read/index.ts";

type LinkRow = { owner: string; sourced_id: string };

/**
 * `children`: the active rows of `table` whose parent is the page row, as GUIDRefs. Deleted
 * children are left out: a reference to a deleted object is stale.
 */
export const childRefs = (table: "orgs" | "academic_sessions", type: GuidRefType) =>
  nestedField<LinkRow>(
    "children",
    ({ tenantId, owners }) =>
      sql`select c.parent_sourced_id as owner, c.sourced_id from ${sql.raw(table)} c
          where c.tenant_id = ${tenantId} and c.parent_sourced_id = any(${owners})
            and c.status = 'active'
          order by c.parent_sourced_id, c.sourced_id`,
    (rows, context) => rows.map((row) => guidRef(context, type, row.sourced_id)),
  );

/** `resources`: the active links of a class, course or user to resources, as GUIDRefs. */
export const resourceRefs = (
  table: "class_resources" | "course_resources" | "user_resources",
  ownerColumn: "class_sourced_id" | "course_sourced_id" | "user_sourced_id",
) =>
  nestedField<LinkRow>(
    "resources",
    ({ tenantId, owners }) =>
      sql`select l.${sql.raw(ownerColumn)} as owner, l.resource_sourced_id as sourced_id
          from ${sql.raw(table)} l
          where l.tenant_id = ${tenantId} and l.${sql.raw(ownerColumn)} = any(${owners})
            and l.status = 'active'
          order by 1, 2`,
    (rows, context) => rows.map((row) => guidRef(context, "resource", row.sourced_id)),
  );
