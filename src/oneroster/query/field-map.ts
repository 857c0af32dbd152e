import { type SQL, sql } from "drizzle-orm";

/**
 * How a field's values compare. `date` expects a SQL `date` expression, `datetime` a
 * `timestamptz`, `number` a numeric one, `boolean` a `boolean`, `stringList` a `text[]`
 * (grades, subjects); `enum` may be a Postgres enum and is compared as its text.
 */
export type FieldKind =
  | "string"
  | "enum"
  | "date"
  | "datetime"
  | "number"
  | "boolean"
  | "stringList";

/**
 * A filterable field. `expr` is a column (or parenthesised expression) of the main row.
 * `many` is a one-to-many path such as `roles.role`: it receives a predicate over the related
 * column and returns the `exists (…)` that holds when some related row satisfies it.
 */
export type QueryField =
  | { kind: FieldKind; expr: SQL }
  | { kind: FieldKind; many: (predicate: (expr: SQL) => SQL) => SQL };

/** Filterable fields of one entity, keyed by their OneRoster (dotted) names. */
export type FieldMap = Readonly<Record<string, QueryField>>;

const METADATA_PREFIX = "metadata.";
const METADATA_KEY = /^[A-Za-z0-9._-]+$/;

/**
 * Finds a field by name: an entry of the map, or `metadata.<key>` read from the jsonb column
 * when one is given (the key travels as a bound parameter). Returns undefined when unknown.
 *
 * @example
 * lookupField("metadata.edu.natural_key", {}, sql`u.metadata`)
 * // { kind: "string", expr: sql`(u.metadata ->> $1)` } with $1 = "edu.natural_key"
 */
export function lookupField(
  name: string,
  fields: FieldMap,
  metadataColumn: SQL | undefined,
): QueryField | undefined {
  // hasOwn keeps names such as "constructor" from reaching Object.prototype.
  if (Object.hasOwn(fields, name)) return fields[name];
  if (metadataColumn === undefined || !name.startsWith(METADATA_PREFIX)) return undefined;
  const key = name.slice(METADATA_PREFIX.length);
  if (!METADATA_KEY.test(key)) return undefined;
  return { kind: "string", expr: sql`(${metadataColumn} ->> ${key})` };
}

/**
 * The names a client may use, for error messages; `metadata.<key>` is listed when metadata
 * is queryable. `include` narrows the list (e.g. to fields that can be sorted).
 *
 * @example
 * fieldNames({ status: { kind: "enum", expr: sql`u.status` } }, sql`u.metadata`) // "status, metadata.<key>"
 */
export function fieldNames(
  fields: FieldMap,
  metadataColumn: SQL | undefined,
  include: (field: QueryField) => boolean = () => true,
): string {
  const names = Object.entries(fields)
    .filter(([, field]) => include(field))
    .map(([name]) => name);
  if (metadataColumn !== undefined) names.push(`${METADATA_PREFIX}<key>`);
  return names.join(", ");
}

/**
 * The expression to compare or sort on: enums as text, so a value that is not a label cannot
 * make Postgres fail the cast and so enums sort by name rather than by declaration order.
 *
 * @example
 * comparable("enum", sql`u.status`) // sql`(u.status)::text`
 */
export function comparable(kind: FieldKind, expr: SQL): SQL {
  return kind === "enum" ? sql`(${expr})::text` : expr;
}
