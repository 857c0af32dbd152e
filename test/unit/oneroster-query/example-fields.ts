import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { FieldMap } from "../../../src/oneroster/query/index.ts";

/**
 * Filterable user fields over the small schema `exampleSchema` builds, aliased
 * `u` (users) and `r` (user_roles).
 */
export const userFields: FieldMap = {
  sourcedId: { kind: "string", expr: sql`u.sourced_id` },
  status: { kind: "enum", expr: sql`u.status` },
  dateLastModified: { kind: "datetime", expr: sql`u.date_last_modified` },
  givenName: { kind: "string", expr: sql`u.given_name` },
  middleName: { kind: "string", expr: sql`u.middle_name` },
  familyName: { kind: "string", expr: sql`u.family_name` },
  enabledUser: { kind: "boolean", expr: sql`u.enabled_user` },
  birthDate: { kind: "date", expr: sql`u.birth_date` },
  grades: { kind: "stringList", expr: sql`u.grades` },
  "roles.role": {
    kind: "enum",
    many: (predicate) =>
      sql`exists (select 1 from user_roles r where r.user_sourced_id = u.sourced_id and ${predicate(sql`r.role`)})`,
  },
  "roles.org.sourcedId": {
    kind: "string",
    many: (predicate) =>
      sql`exists (select 1 from user_roles r where r.user_sourced_id = u.sourced_id and ${predicate(sql`r.org_sourced_id`)})`,
  },
};

export const userMetadata = sql`u.metadata`;

export const userSelectable = [
  "sourcedId",
  "status",
  "dateLastModified",
  "givenName",
  "familyName",
  "roles",
  "grades",
] as const;

/** Gradebook results, for the number kind. */
export const resultFields: FieldMap = {
  score: { kind: "number", expr: sql`res.score` },
  scoreDate: { kind: "date", expr: sql`res.score_date` },
};

const dialect = new PgDialect();

/** The SQL text and bound parameters a query object renders to. */
export function render(query: SQL): { sql: string; params: unknown[] } {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return { sql: text, params };
}

/** DDL for a database the example field map can run against, one statement each. */
export const exampleSchema = [
  // Declared out of alphabetical order so that sorting by label rather than position shows.
  "create type user_status as enum ('tobedeleted', 'active')",
  "create type role_type as enum ('student', 'teacher', 'aide', 'administrator')",
  `create table users (
    tenant text not null,
    sourced_id text primary key,
    status user_status not null,
    date_last_modified timestamptz not null,
    given_name text not null,
    middle_name text,
    family_name text not null,
    enabled_user boolean not null,
    birth_date date,
    grades text[],
    metadata jsonb
  )`,
  `create table user_roles (
    user_sourced_id text not null references users,
    role role_type not null,
    org_sourced_id text not null
  )`,
];
