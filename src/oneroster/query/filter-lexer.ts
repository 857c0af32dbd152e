import type { FilterOperator } from "./filter-ast.ts";
import { QueryError } from "./query-error.ts";

/** One lexeme of a filter; `position` is the 1-based character where it starts. */
export type FilterToken =
  | { kind: "word"; text: string; position: number }
  | { kind: "operator"; operator: FilterOperator; position: number }
  | { kind: "value"; value: string; position: number };

// Longest match first so ">=" is not read as ">" followed by "=".
const OPERATORS: readonly FilterOperator[] = ["!=", ">=", "<=", "=", ">", "<", "~"];
const OPERATOR_START = /[=!<>~]/;
const WHITESPACE = /\s/;

/**
 * Splits a filter into words (field names, AND, OR), operators and quoted values. Words are
 * loose runs of characters so the parser can explain a bad field name instead of failing on
 * its first odd character.
 *
 * @example
 * tokenizeFilter("givenName='O''Brien'")
 * // [{ kind: "word", text: "givenName", position: 1 },
 * //  { kind: "operator", operator: "=", position: 10 },
 * //  { kind: "value", value: "O'Brien", position: 11 }]
 */
export function tokenizeFilter(input: string): FilterToken[] {
  const tokens: FilterToken[] = [];
  let index = 0;
  while (index < input.length) {
    const char = input.charAt(index);
    if (WHITESPACE.test(char)) {
      index += 1;
    } else if (char === "'") {
      const { value, end } = readQuoted(input, index);
      tokens.push({ kind: "value", value, position: index + 1 });
      index = end;
    } else if (OPERATOR_START.test(char)) {
      const operator = OPERATORS.find((candidate) => input.startsWith(candidate, index));
      if (operator === undefined) {
        throw new QueryError(
          "invalid_filter_field",
          `Unexpected '${char}' at character ${index + 1} of the filter. The operators are =, !=, >, >=, <, <= and ~ (contains).`,
        );
      }
      tokens.push({ kind: "operator", operator, position: index + 1 });
      index += operator.length;
    } else {
      const start = index;
      while (index < input.length && !isWordBoundary(input.charAt(index))) index += 1;
      tokens.push({ kind: "word", text: input.slice(start, index), position: start + 1 });
    }
  }
  return tokens;
}

function isWordBoundary(char: string): boolean {
  return char === "'" || WHITESPACE.test(char) || OPERATOR_START.test(char);
}

/** Reads a single-quoted value starting at `start`; `''` inside it stands for one quote. */
function readQuoted(input: string, start: number): { value: string; end: number } {
  let value = "";
  let index = start + 1;
  while (index < input.length) {
    const next = input.indexOf("'", index);
    if (next === -1) break;
    value += input.slice(index, next);
    if (input.charAt(next + 1) !== "'") return { value, end: next + 1 };
    value += "'";
    index = next + 2;
  }
  throw new QueryError(
    "invalid_filter_field",
    `The value starting at character ${start + 1} of the filter has no closing quote. Put values in single quotes and write a quote inside a value as two quotes, e.g. familyName='O''Brien'.`,
  );
}
