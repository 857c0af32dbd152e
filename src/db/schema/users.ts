import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { ROLE_TYPES, SEXES } from "../../csv/catalogue.ts";
import { entityColumns, entityConstraints, extensibleEnum, refersTo } from "./columns.ts";
import { orgs } from "./organizations.ts";
import { tenants } from "./tenants.ts";

export interface UserIdentifier {
  type: string;
  identifier: string;
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
    extensibleEnum("user_roles_role_check", t.role, ROLE_TYPES),
    check(
      "user_roles_dates_check",
      sql`${t.endDate} is null or ${t.beginDate} is null or ${t.endDate} >= ${t.beginDate}`,
    ),
  ],
);

/** Parents, guardians and other agents of a user, in the order the source gave them. */
export const userAgents = pgTable(
  "user_agents",
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    userSourcedId: text().notNull(),
    agentSourcedId: text().notNull(),
    position: integer().notNull(),
  },
  (t) => [
    primaryKey({ name: "user_agents_pkey", columns: [t.tenantId, t.userSourcedId, t.agentSourcedId] }),
    ...refersTo("user_agents_user", t.tenantId, t.userSourcedId, users),
    ...refersTo("user_agents_agent", t.tenantId, t.agentSourcedId, users),
  ],
);


/** Credentials of a user profile; `extra` keeps the additional keys the REST binding allows. */
export const userCredentials = pgTable(
  "user_credentials",
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    profileSourcedId: text().notNull(),
    position: integer().notNull(),
    type: text().notNull(),
    username: text().notNull(),
    password: text(),
    extra: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ name: "user_credentials_pkey", columns: [t.tenantId, t.profileSourcedId, t.position] }),
    ...refersTo("user_credentials_profile", t.tenantId, t.profileSourcedId, userProfiles),
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
    extensibleEnum("demographics_sex_check", t.sex, SEXES),
  ],
);
