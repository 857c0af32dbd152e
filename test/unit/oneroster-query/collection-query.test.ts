import { type SQL, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  type CollectionQueryParams,
  parseCollectionQuery,
  type QueryCodeMinor,
} from "../../../src/oneroster/query/index.ts";
import { catchQueryError } from "./catch-query-error.ts";
import { render, userFields, userMetadata, userSelectable } from "./example-fields.ts";

const options = {
  fields: userFields,
  selectable: userSelectable,
  defaultLimit: 100,
  maxLimit: 1000,
  tiebreak: sql`u.sourced_id`,
  metadataColumn: userMetadata,
};

const parse = (params: CollectionQueryParams) => parseCollectionQuery(params, options);
const orderText = (orderBy: SQL[]) => render(sql.join(orderBy, sql`, `));

describe("parseCollectionQuery pages through a collection", () => {
  it("uses the default page, offset 0 and sourcedId order when nothing is asked", () => {
    const query = parse({});
    expect(query).toMatchObject({ limit: 100, offset: 0, where: undefined, fields: undefined });
    expect(orderText(query.orderBy)).toEqual({ sql: "u.sourced_id asc", params: [] });
  });

  it("reads limit and offset", () => {
    expect(parse({ limit: "50", offset: "200" })).toMatchObject({ limit: 50, offset: 200 });
  });

  it("caps a limit above the maximum instead of failing, as SDS asks for 5000", () => {
    expect(parse({ limit: "5000" }).limit).toBe(1000);
    expect(parse({ limit: "9".repeat(400) }).limit).toBe(1000);
  });

  it("caps a default page that is larger than the maximum", () => {
    expect(parseCollectionQuery({}, { ...options, defaultLimit: 500, maxLimit: 200 }).limit).toBe(
      200,
    );
  });

  it("accepts the largest int32 offset", () => {
    expect(parse({ offset: "2147483647" }).offset).toBe(2_147_483_647);
  });

  const badNumbers: [string, CollectionQueryParams, RegExp][] = [
    ["a zero limit", { limit: "0" }, /limit must be a whole number of at least 1/],
    ["a negative limit", { limit: "-5" }, /limit must be/],
    ["a fractional limit", { limit: "1.5" }, /limit must be/],
    ["an exponent limit", { limit: "1e3" }, /limit must be/],
    ["an empty limit", { limit: "" }, /limit must be/],
    ["a word for offset", { offset: "ten" }, /offset must be a whole number from 0 to 2147483647/],
    ["a negative offset", { offset: "-1" }, /offset must be/],
    ["an offset beyond int32", { offset: "2147483648" }, /offset must be/],
  ];

  it.each(badNumbers)("rejects %s as invaliddata", (_, params, message) => {
    const error = catchQueryError(() => parse(params));
    expect(error.codeMinor).toBe<QueryCodeMinor>("invaliddata");
    expect(error.message).toMatch(message);
  });
});

describe("parseCollectionQuery sorts with a stable tiebreak", () => {
  const sorts: [string, CollectionQueryParams, string, unknown[]][] = [
    [
      "by a field, then sourcedId",
      { sort: "familyName" },
      "u.family_name asc, u.sourced_id asc",
      [],
    ],
    [
      "descending in both keys",
      { sort: "familyName", orderBy: "desc" },
      "u.family_name desc, u.sourced_id desc",
      [],
    ],
    ["descending by sourcedId alone", { orderBy: "desc" }, "u.sourced_id desc", []],
    ["an enum by its text", { sort: "status" }, "(u.status)::text asc, u.sourced_id asc", []],
    [
      "a metadata key, bound as a parameter",
      { sort: "metadata.rank" },
      "(u.metadata ->> $1) asc, u.sourced_id asc",
      ["rank"],
    ],
  ];

  it.each(sorts)("orders %s", (_, params, text, bound) => {
    expect(orderText(parse(params).orderBy)).toEqual({ sql: text, params: bound });
  });

  it("rejects an unknown sort field, listing only sortable fields", () => {
    const error = catchQueryError(() => parse({ sort: "foo" }));
    expect(error.codeMinor).toBe<QueryCodeMinor>("invalid_selection_field");
    expect(error.message).toMatch(
      /^Unknown sort field 'foo'\. Sortable fields: sourcedId, status, /,
    );
    expect(error.message).toMatch(/metadata\.<key>\.$/);
    expect(error.message).not.toMatch(/roles\.role/);
  });

  it("rejects sorting on roles.role, which a user can hold several of", () => {
    const error = catchQueryError(() => parse({ sort: "roles.role" }));
    expect(error.codeMinor).toBe<QueryCodeMinor>("invalid_selection_field");
    expect(error.message).toMatch(/roles\.role cannot be used to sort/);
  });

  it.each(["DESC", "up", ""])("rejects orderBy=%s as invaliddata", (orderBy) => {
    const error = catchQueryError(() => parse({ orderBy }));
    expect(error.codeMinor).toBe<QueryCodeMinor>("invaliddata");
    expect(error.message).toMatch(/orderBy must be asc or desc/);
  });
});

describe("parseCollectionQuery filters and selects fields", () => {
  it("compiles the filter into the where condition", () => {
    const { where } = parse({ filter: "status='active' AND roles.role='teacher'" });
    expect(where && render(where).params).toEqual(["active", "teacher"]);
  });

  it("reports a bad filter as invalid_filter_field", () => {
    const error = catchQueryError(() => parse({ filter: "password='x'" }));
    expect(error.codeMinor).toBe<QueryCodeMinor>("invalid_filter_field");
  });

  it("reads comma-separated fields", () => {
    expect(parse({ fields: "sourcedId,givenName" }).fields).toEqual(["sourcedId", "givenName"]);
  });

  it("reads repeated fields, each possibly comma-separated", () => {
    expect(parse({ fields: ["sourcedId", "givenName,familyName"] }).fields).toEqual([
      "sourcedId",
      "givenName",
      "familyName",
    ]);
  });

  it("trims spaces and drops repeats and trailing commas", () => {
    expect(parse({ fields: " sourcedId , givenName,sourcedId," }).fields).toEqual([
      "sourcedId",
      "givenName",
    ]);
  });

  it("rejects an unknown field, listing the selectable ones", () => {
    const error = catchQueryError(() => parse({ fields: "sourcedId,password" }));
    expect(error.codeMinor).toBe<QueryCodeMinor>("invalid_selection_field");
    expect(error.message).toBe(
      "Unknown field 'password' in fields. Selectable fields: sourcedId, status, dateLastModified, givenName, familyName, roles, grades.",
    );
  });

  it("rejects an empty fields parameter", () => {
    const error = catchQueryError(() => parse({ fields: " , " }));
    expect(error.codeMinor).toBe<QueryCodeMinor>("invalid_selection_field");
    expect(error.message).toMatch(/fields is empty/);
  });
});
