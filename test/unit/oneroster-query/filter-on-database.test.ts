import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../src/db/query-rows.ts";
import {
  type CollectionQueryParams,
  parseCollectionQuery,
} from "../../../src/oneroster/query/index.ts";
import { createEmptyDatabase, type TestDatabase } from "../../support/database.ts";
import { exampleSchema, userFields, userMetadata, userSelectable } from "./example-fields.ts";

const rows = [
  `insert into users values
    ('a', 'u1', 'active', '2024-01-30T23:59:59Z', 'Ann', null, 'O''Brien', true, '2010-05-01',
     '{09,10}', '{"edu.natural_key": "STU-1"}'),
    ('a', 'u2', 'active', '2024-01-31T08:00:00Z', '50% Sam', 'Lee', 'Park', true, '2011-03-02',
     '{11}', null),
    ('a', 'u3', 'tobedeleted', '2024-02-01T00:00:00+05:30', '500 Sam', 'Jo', 'Park', false, null,
     null, '{}'),
    ('b', 'u4', 'active', '2024-03-01T00:00:00Z', 'Bea', null, 'Stone', true, null, '{09}', null)`,
  `insert into user_roles values
    ('u1', 'student', 'org-1'), ('u2', 'teacher', 'org-1'), ('u2', 'aide', 'org-2'),
    ('u4', 'teacher', 'org-9')`,
];

let database: TestDatabase;

beforeAll(async () => {
  database = await createEmptyDatabase();
  for (const statement of [...exampleSchema, ...rows])
    await database.db.execute(sql.raw(statement));
});

afterAll(async () => {
  await database?.close();
});

/** The sourcedIds tenant a's users answer for these query parameters, in the order returned. */
async function tenantASourcedIds(params: CollectionQueryParams): Promise<string[]> {
  const query = parseCollectionQuery(params, {
    fields: userFields,
    selectable: userSelectable,
    defaultLimit: 100,
    maxLimit: 100,
    tiebreak: sql`u.sourced_id`,
    metadataColumn: userMetadata,
  });
  const found = await queryRows<{ sourced_id: string }>(
    database.db,
    sql`select u.sourced_id from users u
        where u.tenant = 'a' and ${query.where ?? sql`true`}
        order by ${sql.join(query.orderBy, sql`, `)} limit ${query.limit} offset ${query.offset}`,
  );
  return found.map((row) => row.sourced_id);
}

describe("compiled filters select the right users from a real database", () => {
  const cases: [string, string, string[]][] = [
    [
      "a bare date includes changes made on that day",
      "dateLastModified>'2024-01-31'",
      ["u2", "u3"],
    ],
    [
      "a date-time with an offset compares as an instant",
      "dateLastModified<'2024-01-31T18:00:00Z'",
      ["u1", "u2"],
    ],
    ["a date compares chronologically", "birthDate<'2011-01-01'", ["u1"]],
    ["a filter on roles.role finds teachers by their role", "roles.role='teacher'", ["u2"]],
    [
      "roles.role!= finds users without that role, roleless ones too",
      "roles.role!='teacher'",
      ["u1", "u3"],
    ],
    ["a role that is no enum label finds nobody instead of failing", "roles.role='principal'", []],
    ["a status that is no enum label finds nobody instead of failing", "status='unknown'", []],
    [
      "a filter on roles.org.sourcedId finds members of an org",
      "roles.org.sourcedId='org-2'",
      ["u2"],
    ],
    ["a list contains a grade", "grades='09'", ["u1"]],
    ["a list without a grade includes users with no grades", "grades!='09'", ["u2", "u3"]],
    ["contains treats % as a literal character", "givenName~'50%'", ["u2"]],
    ["contains ignores case", "familyName~'BRIEN'", ["u1"]],
    ["a doubled quote matches a name with an apostrophe", "familyName='O''Brien'", ["u1"]],
    ["not equal keeps users without a middle name", "middleName!='Lee'", ["u1", "u3"]],
    ["a boolean matches its value", "enabledUser='false'", ["u3"]],
    ["a metadata key with a dot reads the jsonb field", "metadata.edu.natural_key='STU-1'", ["u1"]],
    ["AND needs both sides", "status='active' AND grades='11'", ["u2"]],
    [
      "OR stays inside the caller's tenant scope",
      "status='tobedeleted' OR status='active'",
      ["u1", "u2", "u3"],
    ],
  ];

  it.each(cases)("%s", async (_, filter, expected) => {
    expect(await tenantASourcedIds({ filter })).toEqual(expected);
  });
});

describe("sorted pages of a real database", () => {
  it("walks ties on the sort field in sourcedId order without repeats or gaps", async () => {
    const page = (offset: string) =>
      tenantASourcedIds({ sort: "status", orderBy: "desc", limit: "2", offset });
    expect([await page("0"), await page("2")]).toEqual([["u3", "u2"], ["u1"]]);
  });

  it("sorts an enum by its label, not its declaration order", async () => {
    expect(await tenantASourcedIds({ sort: "status" })).toEqual(["u1", "u2", "u3"]);
  });
});
