import { getTableName, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { aliasColumns, type ColumnRef } from "../../entities/index.ts";

/** A table under an alias: its columns by Drizzle property, and `"table" alias` to select from. */
export type Aliased = ColumnRef & { from: SQL; alias: string };

/** @example const o = on(orgEntity.table, "o"); sql`select ${o("name")} from ${o.from}` */
export function on(table: PgTable, alias: string): Aliased {
  return Object.assign(aliasColumns(table, alias), {
    from: sql.raw(`"${getTableName(table)}" ${alias}`),
    alias,
  });
}

/** `b`'s row of the same tenant whose sourcedId is `a`'s `property`: a join condition. */
export const joins = (b: Aliased, a: Aliased, property: string) =>
  sql`${b("tenantId")} = ${a("tenantId")} and ${b("sourcedId")} = ${a(property)}`;

/**
 * The integer Ed-Fi id of an org: `orgs.edfi_id` when set, else 48 bits of the MD5 of its
 * sourcedId, so it stays the same for the life of the org.
 */
export const edfiOrgId = (o: Aliased) =>
  sql`coalesce(${o("edfiId")}, ('x' || substr(md5(${o("sourcedId")}), 1, 12))::bit(48)::bigint)`;

/** A stable UUID for a document derived from several rows (or from one row and a constant). */
export const derivedId = (...parts: SQL[]) =>
  sql`md5(concat_ws('|', ${sql.join(parts, sql`, `)}))::uuid`;

/**
 * The columns every source row starts with (see `SourceRow`): the main row's id, and the
 * greatest change version, modification time and status (`tobedeleted` wins) of every row
 * the document uses.
 */
export function lifecycle(
  main: Aliased,
  others: readonly Aliased[],
  scopeOrgs: SQL,
  id: SQL = main("id"),
): SQL {
  const all = [main, ...others];
  return sql`${id} as id,
    greatest(${sql.join(
      all.map((t) => t("changeSeq")),
      sql`, `,
    )}) as change_version,
    greatest(${sql.join(
      all.map((t) => t("dateLastModified")),
      sql`, `,
    )}) as last_modified,
    greatest(${sql.join(
      all.map((t) => t("status")),
      sql`, `,
    )}) as status,
    ${scopeOrgs} as scope_orgs`;
}

/** The orgs a user holds any role at: where a person's records belong. */
export const userOrgs = (u: Aliased, property = "sourcedId") =>
  sql`(select array_agg(distinct r.org_sourced_id) from user_roles r
        where r.tenant_id = ${u("tenantId")} and r.user_sourced_id = ${u(property)})`;

/** Whether the user holds a role among `roles` (any org, any status). */
export const hasRole = (u: Aliased, roles: readonly string[], property = "sourcedId") =>
  sql`exists (select 1 from user_roles r where r.tenant_id = ${u("tenantId")}
        and r.user_sourced_id = ${u(property)} and r.role in (${sql.join(
          roles.map((role) => sql`${role}`),
          sql`, `,
        )}))`;

/** The start date of the tenant's latest school year. */
export const latestYearStart = (tenant: SQL) =>
  sql`(select y.start_date from academic_sessions y where y.tenant_id = ${tenant}
        and y.type = 'schoolYear' and y.status = 'active'
        order by y.school_year desc, y.start_date limit 1)`;

/** Weekdays from `begin` to `end`, both included. */
export const weekdays = (begin: SQL, end: SQL) =>
  sql`(select count(*)::int from generate_series(${begin}::timestamp, ${end}::timestamp, interval '1 day') d
        where extract(isodow from d) < 6)`;

/** A number that may arrive as a string (bigint) as a JSON number. */
export const num = (value: unknown) => Number(value);
/** A date column as `YYYY-MM-DD` (drivers may hand back a Date). */
export const isoDate = (value: unknown) =>
  value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
