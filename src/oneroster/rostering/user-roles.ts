import { type SQL, sql } from "drizzle-orm";
import { userProfiles, userRoles, users } from "../../db/schema/index.ts";
import {
  aliasColumns,
  type ColumnRef,
  roleEntity,
  userProfileEntity,
} from "../../entities/index.ts";
import type { QueryField } from "../query/index.ts";
import { guidRef, nestedField, selectList, type WireContext } from "../read/index.ts";

/** A user row (or one sharing its sourcedId, like demographics) to correlate roles with. */
export interface UserKey {
  tenant: SQL;
  key: SQL;
}

const r = aliasColumns(userRoles, "r");

/**
 * Whether the user holds a role (alias `r`, see `roleColumn`) meeting `condition`.
 *
 * @example
 * holdsRole(user, sql`${roleColumn("role")} = 'teacher'`)
 */
export const holdsRole = (user: UserKey, condition: SQL): SQL =>
  sql`exists (select 1 from ${userRoles} r
    where ${r("tenantId")} = ${user.tenant} and ${r("userSourcedId")} = ${user.key} and ${condition})`;

/** A column of the role that `holdsRole` correlates. */
export const roleColumn: ColumnRef = r;

const u = aliasColumns(users, "u");
export const USER_KEY: UserKey = { tenant: u("tenantId"), key: u("sourcedId") };

/**
 * A role counts while it is active; a deleted user keeps the roles it had, so a delta
 * consumer still finds it among the students it must delete.
 */
const ROLE_COUNTS = sql`(${r("status")} = 'active' or ${u("status")} = 'tobedeleted')`;

/** Users holding a counted `role`, optionally at one org. */
export const hasRole = (role: string, orgSourcedId?: string): SQL =>
  holdsRole(
    USER_KEY,
    orgSourcedId === undefined
      ? sql`${r("role")} = ${role} and ${ROLE_COUNTS}`
      : sql`${r("role")} = ${role} and ${r("orgSourcedId")} = ${orgSourcedId} and ${ROLE_COUNTS}`,
  );

/** A filter field over a column of the user's counted roles (`roles.role`, `roles.org.sourcedId`). */
export const roleFilter = (kind: QueryField["kind"], property: string): QueryField => ({
  kind,
  many: (predicate) => holdsRole(USER_KEY, sql`${ROLE_COUNTS} and ${predicate(r(property))}`),
});

const links = (context: WireContext) => ({
  ref: (type: Parameters<typeof guidRef>[1], id: string) => guidRef(context, type, id),
});

type OwnedRow = { owner: string; status: string } & Record<string, unknown>;

/** `roles`: the active roles, primary first; a user with none shows the roles it had. */
export const rolesField = nestedField<OwnedRow>(
  "roles",
  ({ tenantId, owners }) =>
    sql`select ${r("userSourcedId")} as owner, ${sql.raw(selectList("r", roleEntity))}
        from ${userRoles} r
        where ${r("tenantId")} = ${tenantId} and ${r("userSourcedId")} = any(${owners})
        order by ${r("userSourcedId")}, ${r("roleType")}, ${r("sourcedId")}`,
  (rows, context) => {
    const active = rows.filter((row) => row.status === "active");
    return (active.length > 0 ? active : rows).map((row) =>
      roleEntity.toWire(row as never, links(context)),
    );
  },
);

const p = aliasColumns(userProfiles, "p");

/** `userProfiles`: the user's active accounts with applications and vendors. */
export const userProfilesField = nestedField<OwnedRow>(
  "userProfiles",
  ({ tenantId, owners }) =>
    sql`select ${p("userSourcedId")} as owner, ${sql.raw(selectList("p", userProfileEntity))}
        from ${userProfiles} p
        where ${p("tenantId")} = ${tenantId} and ${p("userSourcedId")} = any(${owners})
          and ${p("status")} = 'active'
        order by ${p("userSourcedId")}, ${p("sourcedId")}`,
  (rows, context) => rows.map((row) => userProfileEntity.toWire(row as never, links(context))),
);
