import { z } from "@hono/zod-openapi";
import { users } from "../db/schema/index.ts";
import { defineEntity } from "./define-entity.ts";
import { flag, json, list, nested, ref, refs, secret, text } from "./field.ts";
import { ResourceGUIDRefDType } from "./guid-refs.ts";
import { roleEntity } from "./role.ts";
import { userProfileEntity } from "./user-profile.ts";

export const UserIdDType = z
  .strictObject({ type: z.string(), identifier: z.string() })
  .openapi("UserIdDType");

/** A user; `agents` are mirrored by trigger into `user_agents`, which holds their keys. */
export const userEntity = defineEntity({
  name: "user",
  table: users,
  wire: { component: "UserDType", topLevel: true },
  file: {
    name: "users",
    group: "rostering",
    order: [
      "enabledUser",
      "username",
      "userIds",
      "givenName",
      "familyName",
      "middleName",
      "identifier",
      "email",
      "sms",
      "phone",
      "agentSourcedIds",
      "grades",
      "password",
      "userMasterIdentifier",
      "preferredGivenName",
      "preferredMiddleName",
      "preferredFamilyName",
      "primaryOrgSourcedId",
      "pronouns",
    ],
  },
  fields: {
    userMasterIdentifier: text(),
    username: text({ required: "csv" }),
    userIds: json(z.array(UserIdDType), { csvFormat: { kind: "userIds" } }),
    enabledUser: flag({ required: true }),
    givenName: text({ required: true }),
    familyName: text({ required: true }),
    middleName: text(),
    preferredFirstName: text({ csv: "preferredGivenName" }),
    preferredMiddleName: text(),
    preferredLastName: text({ csv: "preferredFamilyName" }),
    pronouns: text(),
    roles: nested(z.array(roleEntity.wireSchema as z.ZodObject).min(1), { required: "wire" }),
    userProfiles: nested(z.array(userProfileEntity.wireSchema as z.ZodObject)),
    primaryOrg: ref("org"),
    identifier: text(),
    email: text(),
    sms: text(),
    phone: text(),
    agents: refs("user"),
    grades: list(),
    password: secret(),
    resources: nested(z.array(ResourceGUIDRefDType)),
  },
});
