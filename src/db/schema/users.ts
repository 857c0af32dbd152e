import { sql } from "drizzle-orm";
import { boolean, check, date, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { SEX_VALUES, USER_ROLES } from "../../kernel/vocabulary.ts";
import { entityColumns, entityConstraints, extensibleEnum, refersTo } from "./columns.ts";
import { orgs } from "./organizations.ts";

export interface UserIdentifier {
  type: string;
  identifier: string;
}

export interface UserCredential {
  type: string;
  username: string;
  password?: string;
  [extra: string]: unknown;
}

export const users = pgTable(
  "users",
  {
    ...entityColumns(),
    enabledUser: boolean().notNull().default(true),
    username: text(),
    userIds: jsonb().$type<UserIdentifier[]>(),
    givenName: text().notNull(),
    familyName: text().notNull(),
    middleName: text(),
    preferredFirstName: text(),
    preferredMiddleName: text(),
    preferredLastName: text(),
    pronouns: text(),
    identifier: text(),
    userMasterIdentifier: text(),
    email: text(),
    sms: text(),
    phone: text(),
    grades: text().array(),
    password: text(),
    primaryOrgSourcedId: text(),
    /** Parents, guardians and other agents in source order; `user_agents` mirrors it by trigger. */
    agentSourcedIds: text().array(),
  },
  (t) => [
    ...entityConstraints("users", t),
    ...refersTo("users_primary_org", t.tenantId, t.primaryOrgSourcedId, orgs),
  ],
);

/** A user's account with one application or vendor (1.2 `userProfiles`). */
export const userProfiles = pgTable(
  "user_profiles",
  {
    ...entityColumns(),
    userSourcedId: text().notNull(),
    profileType: text().notNull(),
    vendorId: text().notNull(),
    applicationId: text(),
    description: text(),
    /** `{type, username, password?, …}` items; extra keys are kept as the REST binding allows. */
    credentials: jsonb().$type<UserCredential[]>().notNull(),
  },
  (t) => [
    ...entityConstraints("user_profiles", t),
    ...refersTo("user_profiles_user", t.tenantId, t.userSourcedId, users),
  ],
);

/** user × org × role, with the user profile the role is exercised through. */
export const userRoles = pgTable(
  "user_roles",
  {
    ...entityColumns(),
    userSourcedId: text().notNull(),
    orgSourcedId: text().notNull(),
    roleType: text({ enum: ["primary", "secondary"] }).notNull(),
    role: text().notNull(),
    beginDate: date({ mode: "string" }),
    endDate: date({ mode: "string" }),
    userProfileSourcedId: text(),
  },
  (t) => [
    ...entityConstraints("user_roles", t),
    ...refersTo("user_roles_user", t.tenantId, t.userSourcedId, users),
    ...refersTo("user_roles_org", t.tenantId, t.orgSourcedId, orgs),
    ...refersTo("user_roles_profile", t.tenantId, t.userProfileSourcedId, userProfiles),
    check("user_roles_role_type_check", sql`${t.roleType} in ('primary','secondary')`),
    extensibleEnum("user_roles_role_check", t.role, USER_ROLES),
    check(
      "user_roles_dates_check",
      sql`${t.endDate} is null or ${t.beginDate} is null or ${t.endDate} >= ${t.beginDate}`,
    ),
  ],
);

/** One row per agent of a user, kept from `users.agent_sourced_ids` by trigger. */
export const userAgents = pgTable(
  "user_agents",
  {
    tenantId: uuid().notNull(),
    userSourcedId: text().notNull(),
    agentSourcedId: text().notNull(),
  },
  (t) => [
    primaryKey({
      name: "user_agents_pkey",
      columns: [t.tenantId, t.userSourcedId, t.agentSourcedId],
    }),
    ...refersTo("user_agents_user", t.tenantId, t.userSourcedId, users),
    ...refersTo("user_agents_agent", t.tenantId, t.agentSourcedId, users),
  ],
);

/** Demographics share the user's sourcedId, as the binding requires. */
export const demographics = pgTable(
  "demographics",
  {
    ...entityColumns(),
    birthDate: date({ mode: "string" }),
    sex: text(),
    americanIndianOrAlaskaNative: boolean(),
    asian: boolean(),
    blackOrAfricanAmerican: boolean(),
    nativeHawaiianOrOtherPacificIslander: boolean(),
    white: boolean(),
    demographicRaceTwoOrMoreRaces: boolean(),
    hispanicOrLatinoEthnicity: boolean(),
    countryOfBirthCode: text(),
    stateOfBirthAbbreviation: text(),
    cityOfBirth: text(),
    publicSchoolResidenceStatus: text(),
  },
  (t) => [
    ...entityConstraints("demographics", t),
    ...refersTo("demographics_user", t.tenantId, t.sourcedId, users),
    extensibleEnum("demographics_sex_check", t.sex, SEX_VALUES),
  ],
);
