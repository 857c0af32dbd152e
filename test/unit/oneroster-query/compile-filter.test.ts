import { describe, expect, it } from "vitest";
import {
  compileFilter,
  type FieldMap,
  parseFilter,
  type QueryCodeMinor,
} from "../../../src/oneroster/query/index.ts";
import { catchQueryError } from "./catch-query-error.ts";
import { render, resultFields, userFields, userMetadata } from "./example-fields.ts";

const compile = (filter: string, fields: FieldMap = userFields) =>
  render(compileFilter(parseFilter(filter), fields, userMetadata));

const rolesRole = (predicate: string) =>
  `exists (select 1 from user_roles r where r.user_sourced_id = u.sourced_id and ${predicate})`;

describe("compileFilter turns filters into parameterised SQL", () => {
  const cases: [string, string, string, unknown[], FieldMap?][] = [
    ["a string equality", "sourcedId='u-1'", "u.sourced_id = $1", ["u-1"]],
    [
      "a doubled quote, bound as one quote",
      "familyName='O''Brien'",
      "u.family_name = $1",
      ["O'Brien"],
    ],
    [
      "not equal, keeping absent values",
      "middleName!='Lee'",
      "u.middle_name is distinct from $1",
      ["Lee"],
    ],
    ["an enum, compared as its text", "status='active'", "(u.status)::text = $1", ["active"]],
    [
      "contains, case-insensitive",
      "givenName~'ann'",
      "u.given_name ilike $1 escape '\\'",
      ["%ann%"],
    ],
    [
      "contains with LIKE wildcards and a backslash escaped",
      "givenName~'50%_a\\b'",
      "u.given_name ilike $1 escape '\\'",
      ["%50\\%\\_a\\\\b%"],
    ],
    ["contains on an enum", "status~'ACT'", "(u.status)::text ilike $1 escape '\\'", ["%ACT%"]],
    [
      "a date-time after an instant",
      "dateLastModified>'2024-01-31T08:00:00Z'",
      "u.date_last_modified > $1::timestamptz",
      ["2024-01-31T08:00:00Z"],
    ],
    [
      "a date-time with an offset and fraction",
      "dateLastModified<'2024-01-31T08:00:00.123+05:30'",
      "u.date_last_modified < $1::timestamptz",
      ["2024-01-31T08:00:00.123+05:30"],
    ],
    [
      "a bare date on a date-time field, as midnight UTC",
      "dateLastModified>='2024-01-31'",
      "u.date_last_modified >= $1::timestamptz",
      ["2024-01-31T00:00:00Z"],
    ],
    ["a date", "birthDate<='2012-02-29'", "u.birth_date <= $1::date", ["2012-02-29"]],
    ["a boolean", "enabledUser='false'", "u.enabled_user = $1::boolean", ["false"]],
    ["a number", "score>='80'", "res.score >= $1::numeric", ["80"], resultFields],
    ["a negative decimal", "score<'-2.5'", "res.score < $1::numeric", ["-2.5"], resultFields],
    ["a list that contains a value", "grades='09'", "$1 = any(u.grades)", ["09"]],
    [
      "a list that does not contain a value",
      "grades!='09'",
      "not coalesce($1 = any(u.grades), false)",
      ["09"],
    ],
    [
      "a list with an entry containing text",
      "grades~'k'",
      "exists (select 1 from unnest(u.grades) as item where item ilike $1 escape '\\')",
      ["%k%"],
    ],
    [
      "a filter on roles.role",
      "roles.role='teacher'",
      rolesRole("(r.role)::text = $1"),
      ["teacher"],
    ],
    [
      "roles.role not equal, meaning no such role at all",
      "roles.role!='teacher'",
      `not ${rolesRole("(r.role)::text = $1")}`,
      ["teacher"],
    ],
    [
      "a two-level path",
      "roles.org.sourcedId='org-12'",
      "exists (select 1 from user_roles r where r.user_sourced_id = u.sourced_id and r.org_sourced_id = $1)",
      ["org-12"],
    ],
    [
      "a metadata key, bound as a parameter",
      "metadata.edu.natural_key='STU-1'",
      "(u.metadata ->> $1) = $2",
      ["edu.natural_key", "STU-1"],
    ],
    [
      "two comparisons joined by AND, in parentheses",
      "status='active' AND dateLastModified>'2024-01-01T00:00:00Z'",
      "((u.status)::text = $1 and u.date_last_modified > $2::timestamptz)",
      ["active", "2024-01-01T00:00:00Z"],
    ],
    [
      "two comparisons joined by OR, in parentheses",
      "roles.role='teacher' OR roles.role='aide'",
      `(${rolesRole("(r.role)::text = $1")} or ${rolesRole("(r.role)::text = $2")})`,
      ["teacher", "aide"],
    ],
    [
      "an injection attempt, kept whole as a value",
      "familyName='''; DROP TABLE users; --'",
      "u.family_name = $1",
      ["'; DROP TABLE users; --"],
    ],
  ];

  it.each(cases)("compiles %s", (_, filter, sql, params, fields) => {
    expect(compile(filter, fields)).toEqual({ sql, params });
  });
});

describe("compileFilter rejects what the fields cannot answer", () => {
  const cases: [string, string, RegExp, FieldMap?][] = [
    [
      "an unknown field, naming the filterable ones",
      "foo='x'",
      /^Unknown filter field 'foo'\. Filterable fields: sourcedId, status, .*roles\.role, roles\.org\.sourcedId, metadata\.<key>\.$/,
    ],
    ["a field of another entity", "score>'80'", /Unknown filter field 'score'/],
    ["a prototype property name", "constructor='x'", /Unknown filter field 'constructor'/],
    ["a month that does not exist", "birthDate='2024-13-01'", /birthDate is a date.*YYYY-MM-DD/],
    ["the 30th of February", "birthDate='2024-02-30'", /'2024-02-30' is not one/],
    ["the 29th of February in a common year", "birthDate='2023-02-29'", /is not one/],
    ["year zero, which Postgres lacks", "birthDate='0000-01-01'", /is not one/],
    ["a date-time on a date field", "birthDate='2024-01-01T00:00:00Z'", /YYYY-MM-DD/],
    [
      "a date-time without a time zone",
      "dateLastModified>'2024-01-31T08:00:00'",
      /with a time zone/,
    ],
    ["an hour past 23", "dateLastModified>'2024-01-31T24:00:00Z'", /is a date-time/],
    ["an offset beyond 14 hours", "dateLastModified>'2024-01-31T08:00:00+16:00'", /is a date-time/],
    ["a relative date", "dateLastModified>'yesterday'", /is a date-time/],
    ["a word for a number", "score>'eighty'", /score is a number/, resultFields],
    ["a number with an exponent", "score>'1e3'", /score is a number/, resultFields],
    ["yes for a boolean", "enabledUser='yes'", /'true' or 'false'/],
    [
      "contains on a date-time",
      "dateLastModified~'2024'",
      /'~' does not apply to dateLastModified/,
    ],
    ["ordering on a boolean", "enabledUser>'false'", /Use one of = !=/],
    ["ordering on a list", "grades>'09'", /'>' does not apply to grades, a list field/],
  ];

  it.each(cases)("rejects %s", (_, filter, message, fields) => {
    const error = catchQueryError(() => compile(filter, fields));
    expect(error.codeMinor).toBe<QueryCodeMinor>("invalid_filter_field");
    expect(error.message).toMatch(message);
  });

  it("treats metadata.* as unknown when the entity has no metadata column", () => {
    const error = catchQueryError(() =>
      compileFilter(parseFilter("metadata.grade='9'"), userFields),
    );
    expect(error.message).toMatch(/Unknown filter field 'metadata\.grade'/);
    expect(error.message).not.toMatch(/<key>/);
  });

  it("refuses a metadata key outside letters, digits, '.', '_' and '-'", () => {
    const ast = { type: "comparison", field: "metadata.a b", operator: "=", value: "x" } as const;
    const error = catchQueryError(() => compileFilter(ast, userFields, userMetadata));
    expect(error.message).toMatch(/Unknown filter field 'metadata\.a b'/);
  });
});
