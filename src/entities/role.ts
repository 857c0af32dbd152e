import { userRoles } from "../db/schema/index.ts";
import { ROLE_TYPES, USER_ROLES } from "../kernel/vocabulary.ts";
import { defineEntity } from "./define-entity.ts";
import { code, date, ref, uri } from "./field.ts";
import { PROFILE_URI } from "./user-profile.ts";

/** user × org × role, served inside its user (`roles`), with the profile it is exercised through. */
export const roleEntity = defineEntity({
  name: "role",
  table: userRoles,
  wire: { component: "RoleDType", topLevel: false },
  file: {
    name: "roles",
    group: "rostering",
    order: [
      "userSourcedId",
      "roleType",
      "role",
      "beginDate",
      "endDate",
      "orgSourcedId",
      "userProfileSourcedId",
    ],
  },
  fields: {
    roleType: code(ROLE_TYPES, { required: true, extensible: false }),
    role: code(USER_ROLES, { required: true }),
    org: ref("org", { required: true }),
    userProfile: uri(PROFILE_URI, {
      column: "userProfileSourcedId",
      csv: "userProfileSourcedId",
    }),
    beginDate: date(),
    endDate: date(),
    user: ref("user", { required: "csv", wire: false }),
  },
});
