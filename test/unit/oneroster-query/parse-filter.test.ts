import { describe, expect, it } from "vitest";
import {
  type FilterComparison,
  type FilterNode,
  type FilterOperator,
  parseFilter,
} from "../../../src/oneroster/query/index.ts";
import { catchQueryError } from "./catch-query-error.ts";

const comparison = (field: string, operator: FilterOperator, value: string): FilterComparison => ({
  type: "comparison",
  field,
  operator,
  value,
});

describe("parseFilter reads the OneRoster filter grammar", () => {
  const valid: [string, string, FilterNode][] = [
    ["a single comparison", "status='active'", comparison("status", "=", "active")],
    ["spaces around the operator", "status  =  'active'", comparison("status", "=", "active")],
    [
      "a doubled quote as a literal quote",
      "familyName='O''Brien'",
      comparison("familyName", "=", "O'Brien"),
    ],
    ["a value made only of a quote", "familyName=''''", comparison("familyName", "=", "'")],
    ["an empty value", "middleName=''", comparison("middleName", "=", "")],
    ["not equal", "status!='tobedeleted'", comparison("status", "!=", "tobedeleted")],
    ["greater than", "score>'80'", comparison("score", ">", "80")],
    ["greater or equal", "score>='80'", comparison("score", ">=", "80")],
    ["less than", "score<'80'", comparison("score", "<", "80")],
    ["less or equal", "score<='80'", comparison("score", "<=", "80")],
    ["contains", "givenName~'ann'", comparison("givenName", "~", "ann")],
    ["a dotted field", "roles.role='teacher'", comparison("roles.role", "=", "teacher")],
    [
      "a two-level dotted field",
      "roles.org.sourcedId='org-12'",
      comparison("roles.org.sourcedId", "=", "org-12"),
    ],
    [
      "a metadata key with dots",
      "metadata.edu.natural_key='STU-1'",
      comparison("metadata.edu.natural_key", "=", "STU-1"),
    ],
    [
      "operators and AND inside a value",
      "title='A>=B AND C'",
      comparison("title", "=", "A>=B AND C"),
    ],
    ["unicode in a value", "givenName='Zoë 😀'", comparison("givenName", "=", "Zoë 😀")],
    [
      "a date-time value",
      "dateLastModified>'2024-01-01T00:00:00Z'",
      comparison("dateLastModified", ">", "2024-01-01T00:00:00Z"),
    ],
    [
      "two comparisons joined by AND",
      "status='active' AND dateLastModified>'2024-01-01'",
      {
        type: "logical",
        operator: "AND",
        left: comparison("status", "=", "active"),
        right: comparison("dateLastModified", ">", "2024-01-01"),
      },
    ],
    [
      "two comparisons joined by OR across tabs and newlines",
      "roles.role='teacher'\t\nOR\n roles.role='aide'",
      {
        type: "logical",
        operator: "OR",
        left: comparison("roles.role", "=", "teacher"),
        right: comparison("roles.role", "=", "aide"),
      },
    ],
    [
      "AND written straight after a closing quote",
      "status='active'AND givenName='Ann'",
      {
        type: "logical",
        operator: "AND",
        left: comparison("status", "=", "active"),
        right: comparison("givenName", "=", "Ann"),
      },
    ],
  ];

  it.each(valid)("accepts %s", (_, input, expected) => {
    expect(parseFilter(input)).toEqual(expected);
  });
});

describe("parseFilter rejects malformed filters with invalid_filter_field and a hint", () => {
  const invalid: [string, string, RegExp][] = [
    ["an empty filter", "", /filter is empty/],
    ["a blank filter", "   ", /filter is empty/],
    ["an unquoted value", "status=active", /single quotes.*status='active'/],
    ["a double-quoted value", 'status="active"', /single quotes/],
    ["a missing value", "status=", /single quotes.*end of the filter/],
    ["a missing operator", "status 'active'", /Expected an operator after 'status'/],
    ["a field alone", "status", /Expected an operator/],
    ["an unterminated value", "familyName='O'Brien'", /no closing quote/],
    ["a value without a field", "='active'", /Expected a field name at character 1/],
    ["a lone exclamation mark", "status!'x'", /Unexpected '!'/],
    ["a doubled equals sign", "status=='active'", /single quotes.*the operator '='/],
    ["SQL-style not equal", "status<>'active'", /single quotes.*the operator '>'/],
    ["parentheses", "(status='active')", /not a field name.*parentheses/],
    ["a field starting with a digit", "1status='active'", /not a field name/],
    ["an empty path segment", "roles..role='teacher'", /not a field name/],
    ["a lower-case and", "status='active' and givenName='Ann'", /upper case/],
    ["a dangling AND", "status='active' AND", /ends after AND/],
    ["another comparison without AND/OR", "status='active' givenName='Ann'", /Expected AND or OR/],
    [
      "three comparisons",
      "status='active' AND givenName='Ann' AND familyName='Lee'",
      /at most two comparisons/,
    ],
    ["mixed AND and OR", "status='active' AND givenName='Ann' OR familyName='Lee'", /at most two/],
    ["SQL injection after a value", "status='active'; DROP TABLE users; --", /Expected AND or OR/],
  ];

  it.each(invalid)("rejects %s", (_, input, message) => {
    const error = catchQueryError(() => parseFilter(input));
    expect(error.codeMinor).toBe("invalid_filter_field");
    expect(error.message).toMatch(message);
  });

  it("shortens a huge field name it quotes back", () => {
    const error = catchQueryError(() => parseFilter("x".repeat(5000)));
    expect(error.message.length).toBeLessThan(300);
  });
});
