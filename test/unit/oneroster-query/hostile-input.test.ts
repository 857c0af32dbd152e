import { type SQL, sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CollectionQueryParams,
  compileFilter,
  parseCollectionQuery,
  parseFilter,
  QueryError,
} from "../../../src/oneroster/query/index.ts";
import { render, userFields, userMetadata, userSelectable } from "./example-fields.ts";

// Every generated value carries this marker, so finding it in SQL text means client text leaked.
const MARKER = "Zq7";

const attacks = [
  "'; DROP TABLE users; --",
  "' OR '1'='1",
  "'' OR ''1''=''1",
  "1; select pg_sleep(10)",
  "$1",
  "\\",
  "%_",
  "'",
  "''",
  "\u0000",
  "\uD800",
  "😀",
  "é",
  "Ｓｔａｔｕｓ",
  "AND",
  "OR",
  ")",
  "--",
  "/*",
  "2024-01-31T08:00:00Z",
  "true",
  "-2.5",
];

const anyText = fc.oneof(
  fc.constantFrom(...attacks),
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
);

const markedText = anyText.map((text) => `${MARKER}${text}`);

/** Mostly well-formed choices, so the success path is exercised as often as the error paths. */
const mostly = <T>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: usual, weight: 4 }, { arbitrary: odd, weight: 1 });

const fieldName = mostly(
  fc.oneof(
    fc.constantFrom(...Object.keys(userFields)),
    fc.stringMatching(/^[A-Za-z0-9._-]{1,6}$/).map((key) => `metadata.${MARKER}${key}`),
  ),
  fc.oneof(fc.constantFrom("foo", "constructor", "__proto__", "roles..role", "metadata."), anyText),
);

const operator = mostly(
  fc.constantFrom("=", "!=", ">", ">=", "<", "<=", "~"),
  fc.constantFrom("==", "<>", "!", "", "=~"),
);

/** A value written the way a client would, with its quotes doubled, or now and then not. */
const quotedValue = fc
  .tuple(markedText, mostly(fc.constant(true), fc.constant(false)))
  .map(([text, doubled]) => `'${doubled ? text.replaceAll("'", "''") : text}'`);

const comparison = fc
  .tuple(fieldName, fc.constantFrom("", " ", "\t"), operator, quotedValue)
  .map(([field, space, op, value]) => `${field}${space}${op}${space}${value}`);

const filter = mostly(
  fc.oneof(
    comparison,
    fc
      .tuple(comparison, fc.constantFrom(" AND ", " OR ", "\nAND\t"), comparison)
      .map((parts) => parts.join("")),
  ),
  fc.oneof(
    fc
      .tuple(comparison, fc.constantFrom(" and ", " ", "AND", " && "), comparison)
      .map((parts) => parts.join("")),
    fc.tuple(comparison, comparison, comparison).map((parts) => parts.join(" AND ")),
    anyText,
  ),
);

const whole = mostly(
  fc.integer({ min: 0, max: 5000 }).map(String),
  fc.oneof(fc.integer().map(String), anyText),
);
const selectable = fc.constantFrom(...userSelectable);

const params: fc.Arbitrary<CollectionQueryParams> = fc.record(
  {
    filter,
    sort: fieldName,
    orderBy: mostly(fc.constantFrom("asc", "desc"), anyText),
    fields: mostly(
      fc.oneof(
        selectable,
        fc.array(selectable, { minLength: 1 }).map((names) => names.join(",")),
      ),
      fc.oneof(anyText, fc.array(fc.oneof(selectable, anyText))),
    ),
    limit: whole,
    offset: whole,
  },
  { requiredKeys: [] },
);

const options = {
  fields: userFields,
  selectable: userSelectable,
  defaultLimit: 100,
  maxLimit: 1000,
  tiebreak: sql`u.sourced_id`,
  metadataColumn: userMetadata,
};

/** What the database would receive: the text must be ours alone, the client's text only bound. */
function expectOnlyBoundClientText(query: SQL): void {
  const { sql: text, params: bound } = render(query);
  expect(text).not.toContain(MARKER);
  // The only literal we ever write is the LIKE escape character.
  expect(text.replaceAll("escape '\\'", "")).not.toContain("'");
  const placeholders = new Set(text.match(/\$\d+/g));
  expect(placeholders.size).toBe(bound.length);
}

describe("hostile query parameters", () => {
  it("either parse or fail with a short QueryError, and never reach the SQL text", () => {
    fc.assert(
      fc.property(params, (input) => {
        let query: ReturnType<typeof parseCollectionQuery>;
        try {
          query = parseCollectionQuery(input, options);
        } catch (error) {
          expect(error).toBeInstanceOf(QueryError);
          expect((error as QueryError).message.length).toBeLessThan(600);
          return;
        }
        if (query.where !== undefined) expectOnlyBoundClientText(query.where);
        expectOnlyBoundClientText(sql.join(query.orderBy, sql`, `));
        expect(query.limit).toBeGreaterThanOrEqual(1);
        expect(query.limit).toBeLessThanOrEqual(options.maxLimit);
        expect(Number.isSafeInteger(query.offset) && query.offset >= 0).toBe(true);
        for (const name of query.fields ?? []) expect(userSelectable).toContain(name);
      }),
      { numRuns: 3000 },
    );
  });

  it("bind any value, quotes doubled, exactly as the client meant it", () => {
    fc.assert(
      fc.property(anyText, (value) => {
        const filterText = `familyName='${value.replaceAll("'", "''")}'`;
        const compiled = render(compileFilter(parseFilter(filterText), userFields));
        expect(compiled).toEqual({ sql: "u.family_name = $1", params: [value] });
      }),
      { numRuns: 1000 },
    );
  });

  it("bind any metadata key as a parameter", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9._-]{1,20}$/), markedText, (key, value) => {
        const ast = { type: "comparison", field: `metadata.${key}`, operator: "=", value } as const;
        const compiled = render(compileFilter(ast, userFields, userMetadata));
        expect(compiled).toEqual({ sql: "(u.metadata ->> $1) = $2", params: [key, value] });
      }),
    );
  });
});
