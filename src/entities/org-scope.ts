import { getTableColumns, getTableName, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Transaction } from "../db/client.ts";
import { queryRows } from "../db/query-rows.ts";
import { classes, courses, lineItems, results } from "../db/schema/index.ts";
import { columnName } from "./column-name.ts";

/** A column of the row being scoped, by Drizzle property, under the alias its query gives it. */
export type ColumnRef = (property: string) => SQL;

/**
 * The columns of `table` under `alias`, by Drizzle property; an unknown property throws.
 *
 * @example
 * const u = aliasColumns(users, "u");
 * sql`${u("familyName")} = ${name}` // u."family_name" = $1
 */
export function aliasColumns(table: PgTable, alias: string): ColumnRef {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  return (property) => {
    const column = columns[property];
    if (column === undefined) throw new Error(`${getTableName(table)} has no column ${property}`);
    return sql.raw(`${alias}."${columnName(column)}"`);
  };
}

/**
 * Whether a row belongs to one of `orgs` (a bound text[] of org sourcedIds): the rule a client
 * restricted to an org subtree is held to, when it reads, exports and writes.
 */
export type OrgScope = (row: ColumnRef, orgs: SQL) => SQL;

/**
 * Whether the user (or a row sharing its sourcedId) holds a role, of any status, at one of
 * `orgs`: a user belongs to the schools it has ever been rostered at.
 */
export const userAtOrgs = (tenant: SQL, user: SQL, orgs: SQL): SQL =>
  sql`exists (select 1 from user_roles r
    where r.tenant_id = ${tenant} and r.user_sourced_id = ${user} and r.org_sourced_id = any(${orgs}))`;

const orgColumn =
  (property: string): OrgScope =>
  (row, orgs) =>
    sql`${row(property)} = any(${orgs})`;

const userColumn =
  (property: string): OrgScope =>
  (row, orgs) =>
    userAtOrgs(row("tenantId"), row(property), orgs);

/** A row that belongs where the row it points at (in `table`, by `property`) belongs. */
const through = (property: string, table: PgTable, alias: string, scope: OrgScope): OrgScope => {
  const target = aliasColumns(table, alias);
  return (row, orgs) =>
    sql`exists (select 1 from ${sql.raw(`"${getTableName(table)}" ${alias}`)}
      where ${target("tenantId")} = ${row("tenantId")} and ${target("sourcedId")} = ${row(property)}
        and ${scope(target, orgs)})`;
};

const classAtOrgs = orgColumn("schoolSourcedId");
const lineItemAtOrgs = orgColumn("schoolSourcedId");

/**
 * Where each entity's rows belong. Entities absent here (academic sessions, resources,
 * categories) are district-wide: every client may read them, and a restricted client may not
 * change them.
 */
export const ORG_SCOPES: Readonly<Record<string, OrgScope>> = {
  org: orgColumn("sourcedId"),
  course: orgColumn("orgSourcedId"),
  class: classAtOrgs,
  enrollment: orgColumn("schoolSourcedId"),
  user: userColumn("sourcedId"),
  demographics: userColumn("sourcedId"),
  userProfile: userColumn("userSourcedId"),
  role: orgColumn("orgSourcedId"),
  classResource: through("classSourcedId", classes, "sk", classAtOrgs),
  courseResource: through("courseSourcedId", courses, "sc", orgColumn("orgSourcedId")),
  userResource: userColumn("userSourcedId"),
  scoreScale: through("classSourcedId", classes, "sk", classAtOrgs),
  lineItem: lineItemAtOrgs,
  lineItemScoreScale: through("lineItemSourcedId", lineItems, "sl", lineItemAtOrgs),
  lineItemLearningObjective: through("lineItemSourcedId", lineItems, "sl", lineItemAtOrgs),
  result: through("lineItemSourcedId", lineItems, "sl", lineItemAtOrgs),
  resultScoreScale: through(
    "resultSourcedId",
    results,
    "sr",
    through("lineItemSourcedId", lineItems, "sl", lineItemAtOrgs),
  ),
  resultLearningObjective: through(
    "resultSourcedId",
    results,
    "sr",
    through("lineItemSourcedId", lineItems, "sl", lineItemAtOrgs),
  ),
  assessmentLineItem: through("classSourcedId", classes, "sk", classAtOrgs),
  assessmentResult: userColumn("studentSourcedId"),
};

/**
 * The orgs a client restricted to `orgSourcedId` may see: that org and all its descendants,
 * as one bound text[] to use in `= any(…)`. An org that no longer exists yields an empty set,
 * so the client sees nothing rather than everything.
 *
 * @example
 * const orgs = await allowedOrgs(tx, tenantId, "sch-0001");
 * sql`c.school_sourced_id = any(${orgs})`
 */
export async function allowedOrgs(
  tx: Transaction,
  tenantId: string,
  orgSourcedId: string,
): Promise<SQL> {
  const [row] = await queryRows<{ ids: string[] | null }>(
    tx,
    sql`with recursive subtree (sourced_id) as (
          select o.sourced_id from orgs o
          where o.tenant_id = ${tenantId} and o.sourced_id = ${orgSourcedId}
          union
          select o.sourced_id from orgs o join subtree s on o.parent_sourced_id = s.sourced_id
          where o.tenant_id = ${tenantId}
        )
        select array_agg(sourced_id) as ids from subtree`,
  );
  return sql`${sql.param(row?.ids ?? [])}::text[]`;
}
