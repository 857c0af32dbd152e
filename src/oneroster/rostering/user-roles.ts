import { type SQL, sql } from "drizzle-orm";
import type { QueryField } from "../query/index.ts";
import { columnsOf, guidRef, nestedField, userProfileUri, withoutAbsent } from "../read/index.ts";

/** A user row (or one sharing its sourcedId, like demographics) to correlate roles with. */
export interface UserKey {
  tenant: SQL;
  key: SQL;
}

/**
 * Whether the user holds a role (alias `r` in `condition`) meeting `condition`.
 *
 * @example
 * holdsRole(user, sql`r.role = 'teacher'`)
 */
export const holdsRole = (user: UserKey, condition: SQL): SQL =>
  sql`exists (select 1 from user_roles r
    where r.tenant_id = ${user.tenant} and r.user_sourced_id = ${user.key} and ${condition})`;

const u = columnsOf("u");
export const USER_KEY: UserKey = { tenant: u("tenant_id"), key: u("sourced_id") };

/**
 * A role counts while it is active; a deleted user keeps the roles it had, so a delta
 * consumer still finds it among the students it must delete.
 */
const ROLE_COUNTS = sql`(r.status = 'active' or ${u("status")} = 'tobedeleted')`;

/** Users holding a counted `role`, optionally at one org. */
export const hasRole = (role: string, orgSourcedId?: string): SQL =>
  holdsRole(
    USER_KEY,
    orgSourcedId === undefined
      ? sql`r.role = ${role} and ${ROLE_COUNTS}`
      : sql`r.role = ${role} and r.org_sourced_id = ${orgSourcedId} and ${ROLE_COUNTS}`,
  );

/** A filter field over a column of the user's counted roles (`roles.role`, `roles.org.sourcedId`). */
export const roleFilter = (kind: QueryField["kind"], column: string): QueryField => ({
  kind,
  many: (predicate) =>
    holdsRole(USER_KEY, sql`${ROLE_COUNTS} and ${predicate(sql.raw(`r."${column}"`))}`),
});

interface RoleRow {
  owner: string;
  status: string;
  role_type: string;
  role: string;
  org_sourced_id: string;
  user_profile_sourced_id: string | null;
  begin_date: string | null;
  end_date: string | null;
}

/** `roles`: the active roles, primary first; a user with none shows the roles it had. */
export const rolesField = nestedField<RoleRow>(
  "roles",
  ({ tenantId, owners }) =>
    sql`select r.user_sourced_id as owner, r.status, r.role_type, r.role, r.org_sourced_id,
          r.user_profile_sourced_id, to_char(r.begin_date, 'YYYY-MM-DD') as begin_date,
          to_char(r.end_date, 'YYYY-MM-DD') as end_date
        from user_roles r
        where r.tenant_id = ${tenantId} and r.user_sourced_id = any(${owners})
        order by r.user_sourced_id, r.role_type, r.sourced_id`,
  (rows, context) => {
    const active = rows.filter((row) => row.status === "active");
    return (active.length > 0 ? active : rows).map((row) =>
      withoutAbsent({
        roleType: row.role_type,
        role: row.role,
        org: guidRef(context, "org", row.org_sourced_id),
        userProfile: row.user_profile_sourced_id && userProfileUri(row.user_profile_sourced_id),
        beginDate: row.begin_date,
        endDate: row.end_date,
      }),
    );
  },
);

interface ProfileRow {
  owner: string;
  sourced_id: string;
  profile_type: string;
  vendor_id: string;
  application_id: string | null;
  description: string | null;
  credentials: unknown;
}

/** `userProfiles`: the user's active accounts with applications and vendors. */
export const userProfilesField = nestedField<ProfileRow>(
  "userProfiles",
  ({ tenantId, owners }) =>
    sql`select p.user_sourced_id as owner, p.sourced_id, p.profile_type, p.vendor_id,
          p.application_id, p.description, p.credentials
        from user_profiles p
        where p.tenant_id = ${tenantId} and p.user_sourced_id = any(${owners})
          and p.status = 'active'
        order by p.user_sourced_id, p.sourced_id`,
  (rows) =>
    rows.map((row) =>
      withoutAbsent({
        profileId: userProfileUri(row.sourced_id),
        profileType: row.profile_type,
        vendorId: row.vendor_id,
        applicationId: row.application_id,
        description: row.description,
        credentials:
          Array.isArray(row.credentials) && row.credentials.length > 0
            ? row.credentials
            : undefined,
      }),
    ),
);
