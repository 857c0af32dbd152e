import { type SQL, sql } from "drizzle-orm";
import { userEntity } from "../../entities/index.ts";
import type { QueryField } from "../query/index.ts";
import { defineReadModel } from "../read/index.ts";
import { resourceRefs } from "./linked-refs.ts";
import { hasRole, roleFilter, rolesField, userProfilesField } from "./user-roles.ts";

export const userReadModel = defineReadModel({
  entity: userEntity,
  alias: "u",
  filters: (u) => {
    /** A filter over one key of the `userIds` items (`userIds.type`, `userIds.identifier`). */
    const userIdFilter = (key: "type" | "identifier"): QueryField => ({
      kind: "string",
      many: (predicate: (expr: SQL) => SQL) =>
        // Guarded so a stored value that is not an array cannot make the query fail.
        sql`exists (select 1 from jsonb_array_elements(case when jsonb_typeof(${u("userIds")}) = 'array'
          then ${u("userIds")} else '[]'::jsonb end) as item
          where ${predicate(sql`(item ->> ${key})`)})`,
    });
    return {
      "roles.role": roleFilter("enum", "role"),
      "roles.roleType": roleFilter("enum", "roleType"),
      "roles.org.sourcedId": roleFilter("string", "orgSourcedId"),
      "roles.beginDate": roleFilter("date", "beginDate"),
      "roles.endDate": roleFilter("date", "endDate"),
      "userIds.type": userIdFilter("type"),
      "userIds.identifier": userIdFilter("identifier"),
    };
  },
  nested: [rolesField, userProfilesField, resourceRefs("user")],
  subsets: () => ({ student: hasRole("student"), teacher: hasRole("teacher") }),
});
