import type { FilterComparison, FilterLogical, FilterNode, FilterOperator } from "./filter-ast.ts";
import { type FilterToken, tokenizeFilter } from "./filter-lexer.ts";
import { echo, QueryError, shorten } from "./query-error.ts";

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/;
const SHAPE = "Write filters as field='value', optionally joined to one more with AND or OR";

/**
 * Parses a OneRoster 1.2 `filter` parameter into an AST. The grammar is the binding's:
 * one comparison, or two joined by upper-case `AND` or `OR` (so no precedence arises);
 * values are single-quoted with `''` for a quote; whitespace between tokens is free.
 *
 * @throws QueryError `invalid_filter_field` when the text does not follow that grammar.
 * @example
 * parseFilter("roles.role='teacher' AND status='active'")
 * // { type: "logical", operator: "AND",
 * //   left: { type: "comparison", field: "roles.role", operator: "=", value: "teacher" },
 * //   right: { type: "comparison", field: "status", operator: "=", value: "active" } }
 */
export function parseFilter(input: string): FilterNode {
  const tokens = tokenizeFilter(input);
  if (tokens.length === 0) {
    fail(`The filter is empty. ${SHAPE}, e.g. status='active', or leave the parameter out.`);
  }
  const cursor = new TokenCursor(tokens);
  const left = parseComparison(cursor);
  const logical = cursor.next();
  if (logical === undefined) return left;
  const operator = logicalOperator(logical);
  const right = parseComparison(cursor);
  const extra = cursor.next();
  if (extra !== undefined) {
    // The binding's form is "<predicate>" or "<predicate><logical><predicate>"; nothing longer.
    fail(
      `A filter can hold at most two comparisons joined by one AND or OR; found ${describe(extra)} after the second one at character ${extra.position}. Filter on the most selective pair and narrow the rest on your side.`,
    );
  }
  return { type: "logical", operator, left, right } satisfies FilterLogical;
}

class TokenCursor {
  private index = 0;

  constructor(private readonly tokens: readonly FilterToken[]) {}

  next(): FilterToken | undefined {
    const token = this.tokens[this.index];
    this.index += 1;
    return token;
  }
}

function parseComparison(cursor: TokenCursor): FilterComparison {
  const field = fieldName(cursor.next());
  const operator = comparisonOperator(cursor.next(), field);
  const value = quotedValue(cursor.next(), field, operator);
  return { type: "comparison", field, operator, value };
}

function fieldName(token: FilterToken | undefined): string {
  if (token === undefined) fail(`The filter ends after AND/OR. ${SHAPE}.`);
  if (token.kind !== "word") {
    fail(
      `Expected a field name at character ${token.position}, found ${describe(token)}. ${SHAPE}.`,
    );
  }
  if (!FIELD_NAME.test(token.text)) {
    fail(
      `${echo(token.text)} at character ${token.position} is not a field name. Field names use letters, digits, '_' and '-', with dots for nested fields such as roles.role; parentheses are not supported.`,
    );
  }
  return token.text;
}

function comparisonOperator(token: FilterToken | undefined, field: string): FilterOperator {
  if (token?.kind === "operator") return token.operator;
  const found = token === undefined ? "the end of the filter" : describe(token);
  return fail(
    `Expected an operator after ${echo(field)}, found ${found}. Use one of =, !=, >, >=, <, <= or ~ (contains), e.g. ${shorten(field)}='value'.`,
  );
}

function quotedValue(token: FilterToken | undefined, field: string, operator: string): string {
  if (token?.kind === "value") return token.value;
  const found = token === undefined ? "the end of the filter" : describe(token);
  const example = token?.kind === "word" ? shorten(token.text) : "value";
  return fail(
    `Expected a value in single quotes after ${echo(field + operator)}, found ${found}. Quote every value, numbers and dates too, e.g. ${shorten(field)}${operator}'${example}'.`,
  );
}

function logicalOperator(token: FilterToken): "AND" | "OR" {
  if (token.kind === "word" && (token.text === "AND" || token.text === "OR")) return token.text;
  if (token.kind === "word" && /^(and|or)$/i.test(token.text)) {
    fail(`Write ${echo(token.text)} in upper case: the logical operators are AND and OR.`);
  }
  return fail(
    `Expected AND or OR at character ${token.position}, found ${describe(token)}. ${SHAPE}.`,
  );
}

function describe(token: FilterToken): string {
  switch (token.kind) {
    case "word":
      return echo(token.text);
    case "operator":
      return `the operator ${echo(token.operator)}`;
    case "value":
      return `the quoted value ${echo(token.value)}`;
  }
}

function fail(message: string): never {
  throw new QueryError("invalid_filter_field", message);
}
