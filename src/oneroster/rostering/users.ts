import { type SQL, sql } from "drizzle-orm";
import type { QueryField } from "../query/index.ts";
import {
  columnsOf,
  defineReadModel,
  flag,
  json,
  list,
  ref,
  refs,
  secret,
  text,
} from "../read/index.ts";
import { resourceRefs } from "./linked-refs.ts";
import {
  hasRole,
  holdsRole,
  roleFilter,
  rolesField,
  USER_KEY,
  userProfilesField,
} from "./user-roles.ts";

const u = columnsOf("u");

/** A filter over one key of the `userIds` items (`userIds.type`, `userIds.identifier`). */
const userIdFilter = (key: "type" | "identifier"): QueryField => ({
  kind: "string",
  many: (predicate: (expr: SQL) => SQL) =>
    // Guarded so a stored value that is not an array cannot make the query fail.
    sql`exists (select 1 from jsonb_array_elements(case when jsonb_typeof(${u("user_ids")}) = 'array'
      then ${u("user_ids")} else '[]'::jsonb end) as item
      where ${predicate(sql`(item ->> ${key})`)})`,
});

export const userReadModel = defineReadModel({
  entity: "user",
  table: "users",
  alias: "u",
  fields: {
    userMasterIdentifier: text("user_master_identifier"),
    username: text("username"),
    userIds: json("user_ids"),
    enabledUser: flag("enabled_user"),
    givenName: text("given_name"),
    familyName: text("family_name"),
    middleName: text("middle_name"),
    preferredFirstName: text("preferred_first_name"),
    preferredMiddleName: text("preferred_middle_name"),
    preferredLastName: text("preferred_last_name"),
    pronouns: text("pronouns"),
    primaryOrg: ref("org", "primary_org_sourced_id"),
    identifier: text("identifier"),
    email: text("email"),
    sms: text("sms"),
    phone: text("phone"),
    agents: refs("user", "agent_sourced_ids"),
    grades: list("grades"),
    password: secret("password"),
  },
  filters: {
    "roles.role": roleFilter("enum", "role"),
    "roles.roleType": roleFilter("enum", "role_type"),
    "roles.org.sourcedId": roleFilter("string", "org_sourced_id"),
    "roles.beginDate": roleFilter("date", "begin_date"),
    "roles.endDate": roleFilter("date", "end_date"),
    "userIds.type": userIdFilter("type"),
    "userIds.identifier": userIdFilter("identifier"),
  },
  nested: [rolesField, userProfilesField, resourceRefs("user_resources", "user_sourced_id")],
  subsets: { student: hasRole("student"), teacher: hasRole("teacher") },
  // Users of the client's schools: anyone holding a role (of any status) at one of them.
  restrict: (orgs) => holdsRole(USER_KEY, sql`r.org_sourced_id = any(${orgs})`),
});
