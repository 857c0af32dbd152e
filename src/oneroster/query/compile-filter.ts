import { type SQL, sql } from "drizzle-orm";
import { comparable, type FieldKind, type FieldMap, fieldNames, lookupField } from "./field-map.ts";
import type { FilterComparison, FilterNode, FilterOperator } from "./filter-ast.ts";
import {
  booleanValue,
  containsPattern,
  dateTimeValue,
  dateValue,
  numberValue,
} from "./filter-values.ts";
import { echo, QueryError } from "./query-error.ts";

const ALL: readonly FilterOperator[] = ["=", "!=", ">", ">=", "<", "<=", "~"];
const ORDERED: readonly FilterOperator[] = ["=", "!=", ">", ">=", "<", "<="];

const OPERATORS_BY_KIND: Readonly<Record<FieldKind, readonly FilterOperator[]>> = {
  string: ALL,
  enum: ALL,
  date: ORDERED,
  datetime: ORDERED,
  number: ORDERED,
  boolean: ["=", "!="],
  stringList: ["=", "!=", "~"],
};

const KIND_LABEL: Readonly<Record<FieldKind, string>> = {
  string: "a text field",
  enum: "a code field",
  date: "a date field",
  datetime: "a date-time field",
  number: "a number field",
  boolean: "a true/false field",
  stringList: "a list field",
};

// "!=" keeps rows whose value is absent: a user without a middle name has no middle name 'Lee'.
const SQL_OPERATOR: Readonly<Record<Exclude<FilterOperator, "~">, SQL>> = {
  "=": sql`=`,
  "!=": sql`is distinct from`,
  ">": sql`>`,
  ">=": sql`>=`,
  "<": sql`<`,
  "<=": sql`<=`,
};

/**
 * Turns a parsed filter into a parenthesised SQL condition over `fields`. Every client value
 * (and every metadata key) is a bound parameter; the SQL text comes only from the field map.
 * Dates and date-times compare chronologically, `~` is a case-insensitive "contains", and on
 * list fields `=` / `!=` mean "contains" / "does not contain".
 *
 * @throws QueryError `invalid_filter_field` for an unknown field, an operator the field's kind
 * does not support, or a value of the wrong shape.
 * @example
 * compileFilter(parseFilter("status='active'"), { status: { kind: "enum", expr: sql`u.status` } })
 * // sql`(u.status)::text = $1` with $1 = "active"
 */
export function compileFilter(ast: FilterNode, fields: FieldMap, metadataColumn?: SQL): SQL {
  if (ast.type === "comparison") return compileComparison(ast, fields, metadataColumn);
  const left = compileComparison(ast.left, fields, metadataColumn);
  const right = compileComparison(ast.right, fields, metadataColumn);
  // Parenthesised so an OR cannot escape the tenant scoping the caller ANDs around it.
  return ast.operator === "AND" ? sql`(${left} and ${right})` : sql`(${left} or ${right})`;
}

function compileComparison(
  comparison: FilterComparison,
  fields: FieldMap,
  metadataColumn: SQL | undefined,
): SQL {
  const { field: name, operator } = comparison;
  const field = lookupField(name, fields, metadataColumn);
  if (field === undefined) {
    throw new QueryError(
      "invalid_filter_field",
      `Unknown filter field ${echo(name)}. Filterable fields: ${fieldNames(fields, metadataColumn)}.`,
    );
  }
  const allowed = OPERATORS_BY_KIND[field.kind];
  if (!allowed.includes(operator)) {
    throw new QueryError(
      "invalid_filter_field",
      `The operator '${operator}' does not apply to ${name}, ${KIND_LABEL[field.kind]}. Use one of ${allowed.join(" ")}.`,
    );
  }
  const operand = operandFor(field.kind, comparison);
  const build = (op: FilterOperator, expr: SQL) => predicate(field.kind, op, operand, expr);
  if ("expr" in field) return build(operator, field.expr);
  // Across a one-to-many path "!=" means no related row has the value (a user who is not a
  // teacher), not that some related row differs from it.
  if (operator === "!=") return sql`not ${field.many((expr) => build("=", expr))}`;
  return field.many((expr) => build(operator, expr));
}

/** The bound value, validated and cast for the field's kind. */
function operandFor(kind: FieldKind, { field, operator, value }: FilterComparison): SQL {
  switch (kind) {
    case "date":
      return sql`${dateValue(value, field)}::date`;
    case "datetime":
      return sql`${dateTimeValue(value, field)}::timestamptz`;
    case "number":
      return sql`${numberValue(value, field)}::numeric`;
    case "boolean":
      return sql`${booleanValue(value, field)}::boolean`;
    case "string":
    case "enum":
    case "stringList":
      return sql`${operator === "~" ? containsPattern(value) : value}`;
  }
}

function predicate(kind: FieldKind, operator: FilterOperator, operand: SQL, expr: SQL): SQL {
  if (kind === "stringList") {
    if (operator === "~") {
      return sql`exists (select 1 from unnest(${expr}) as item where item ilike ${operand} escape '\\')`;
    }
    const contains = sql`${operand} = any(${expr})`;
    return operator === "=" ? contains : sql`not coalesce(${contains}, false)`;
  }
  const target = comparable(kind, expr);
  if (operator === "~") return sql`${target} ilike ${operand} escape '\\'`;
  return sql`${target} ${SQL_OPERATOR[operator]} ${operand}`;
}
