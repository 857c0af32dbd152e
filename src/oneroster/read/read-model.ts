import { type SQL, sql } from "drizzle-orm";
import type { Transaction } from "../../db/client.ts";
import type { FieldMap, QueryField } from "../query/index.ts";
import type { Subset } from "../routes/index.ts";
import { ENTITY_WIRE, type EntityName } from "../wire/envelopes.ts";
import type { FieldSpec } from "./field-specs.ts";
import { guidRef, type WireContext } from "./guid-refs.ts";

export type Row = Record<string, unknown>;
export type WireRecord = Record<string, unknown>;

/** Values of nested fields for one page: field name → owner sourcedId → value. */
export type NestedValues = ReadonlyMap<string, ReadonlyMap<string, unknown>>;

/**
 * A wire field held in other rows (a user's roles, an org's children): loaded for a whole
 * page in one query, never once per row, and only when the field is asked for.
 */
export interface NestedField {
  name: string;
  load(
    tx: Transaction,
    tenantId: string,
    owners: readonly string[],
    context: WireContext,
  ): Promise<Map<string, unknown>>;
}

export interface ReadModelSpec {
  entity: EntityName;
  table: string;
  alias: string;
  /** Wire fields besides sourcedId, status, dateLastModified and metadata. */
  fields: Readonly<Record<string, FieldSpec>>;
  /** Filterable paths that are not a column of the row, such as `roles.role`. */
  filters?: FieldMap;
  nested?: readonly NestedField[];
  /** Which rows a subset collection (`/schools`, `/students`…) serves. */
  subsets?: Partial<Record<Subset, SQL>>;
  /**
   * The rows a client restricted to `orgs` (a bound text[] of org sourcedIds) may see.
   * Absent: the entity is not org-bound (academic sessions).
   */
  restrict?: (orgs: SQL) => SQL;
}

/** Everything the generic handlers need to read one entity. */
export interface ReadModel {
  entity: EntityName;
  table: string;
  /** `users u`: the table under its alias. */
  from: SQL;
  /** A column under the model's alias, for relations between models. */
  column(name: string): SQL;
  select: SQL;
  /** The sourcedId column, unique per tenant: by-id reads and the tiebreak of every order. */
  key: SQL;
  tenant: SQL;
  metadata: SQL;
  fields: FieldMap;
  /** Names the `fields` parameter accepts: exactly the properties of the official schema. */
  selectable: readonly string[];
  nested: readonly NestedField[];
  subsets: Partial<Record<Subset, SQL>>;
  restrict: ((orgs: SQL) => SQL) | undefined;
  /** The wire object of a row: `keys` in that order, absent values left out (never null). */
  toWire(row: Row, context: WireContext, nested: NestedValues, keys: readonly string[]): WireRecord;
}

// Quoted, because some OneRoster names are SQL keywords (enrollments."primary").
const qualified = (alias: string, column: string) => `${alias}."${column}"`;

/**
 * Column references under a table alias, for filters, subsets and relations.
 *
 * @example
 * const u = columnsOf("u");
 * sql`${u("family_name")} = ${name}` // u."family_name" = $1
 */
export const columnsOf =
  (alias: string) =>
  (column: string): SQL =>
    sql.raw(qualified(alias, column));

type Convert = (row: Row, context: WireContext, nested: NestedValues) => unknown;

const DATE_TIME_FORMAT = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** Formatting in SQL gives the same strings on both drivers and every server DateStyle. */
function selectItem(alias: string, name: string, spec: FieldSpec): string {
  const column = qualified(alias, spec.column);
  return spec.type === "date"
    ? `to_char(${column}, 'YYYY-MM-DD') as "${name}"`
    : `${column} as "${name}"`;
}

function converter(name: string, spec: FieldSpec): Convert {
  switch (spec.type) {
    case "text":
      return spec.required ? (row) => row[name] ?? "" : (row) => row[name];
    case "date":
    case "list":
    case "json":
      return (row) => row[name];
    case "flag":
      return (row) => (typeof row[name] === "boolean" ? String(row[name]) : undefined);
    case "ref":
      return (row, context) => {
        const id = row[name];
        return typeof id === "string" ? guidRef(context, spec.to, id) : undefined;
      };
    case "refs":
      return (row, context) => {
        const ids = row[name];
        return Array.isArray(ids) ? ids.map((id) => guidRef(context, spec.to, id)) : undefined;
      };
  }
}

const SCALAR_KINDS = { date: "date", flag: "boolean", list: "stringList" } as const;

function filterFields(alias: string, fields: ReadModelSpec["fields"]): FieldMap {
  const column = columnsOf(alias);
  return Object.fromEntries(
    Object.entries(fields).flatMap(([name, spec]): [string, QueryField][] => {
      const expr = column(spec.column);
      if (spec.type === "json" || (spec.type === "text" && spec.secret)) return [];
      if (spec.type === "text") return [[name, { kind: spec.code ? "enum" : "string", expr }]];
      if (spec.type === "ref") return [[`${name}.sourcedId`, { kind: "string", expr }]];
      if (spec.type === "refs") return [[`${name}.sourcedId`, { kind: "stringList", expr }]];
      return [[name, { kind: SCALAR_KINDS[spec.type], expr }]];
    }),
  );
}

/**
 * A copy of `value` without its null and undefined properties: the binding's optional fields
 * are absent, never null.
 *
 * @example
 * withoutAbsent({ role: "student", beginDate: null }) // { role: "student" }
 */
export function withoutAbsent<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, item]) => item !== null && item !== undefined),
  ) as Partial<T>;
}

/** `metadata` is served only as the object the binding allows, and only when it holds keys. */
const isMetadata = (value: unknown) =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length > 0;

/**
 * Builds an entity's read model from its field table.
 *
 * @example
 * const orgModel = defineReadModel({
 *   entity: "org", table: "orgs", alias: "o",
 *   fields: { name: requiredText("name"), type: code("type"), parent: ref("org", "parent_sourced_id") },
 * });
 */
export function defineReadModel(spec: ReadModelSpec): ReadModel {
  const { alias, entity } = spec;
  const selectable = Object.keys(ENTITY_WIRE[entity].schema.shape);
  const nested = spec.nested ?? [];
  for (const name of [...Object.keys(spec.fields), ...nested.map((field) => field.name)]) {
    if (!selectable.includes(name)) throw new Error(`${entity} has no wire field ${name}`);
  }
  const column = columnsOf(alias);
  const select = [
    `${alias}.sourced_id as "sourcedId"`,
    `${alias}.status as "status"`,
    `to_char(${alias}.date_last_modified at time zone 'UTC', ${DATE_TIME_FORMAT}) as "dateLastModified"`,
    `${alias}.metadata as "metadata"`,
    ...Object.entries(spec.fields).map(([name, field]) => selectItem(alias, name, field)),
  ].join(", ");

  const converters = new Map<string, Convert>([
    ["sourcedId", (row) => row.sourcedId],
    ["status", (row) => row.status],
    ["dateLastModified", (row) => row.dateLastModified],
    ["metadata", (row) => (isMetadata(row.metadata) ? row.metadata : undefined)],
    ...Object.entries(spec.fields).map(([name, field]) => [name, converter(name, field)] as const),
    ...nested.map(
      ({ name }) =>
        [
          name,
          (row: Row, _: WireContext, values: NestedValues) =>
            values.get(name)?.get(row.sourcedId as string),
        ] as const,
    ),
  ]);

  return {
    entity,
    table: spec.table,
    from: sql.raw(`${spec.table} ${alias}`),
    column,
    select: sql.raw(select),
    key: column("sourced_id"),
    tenant: column("tenant_id"),
    metadata: column("metadata"),
    fields: {
      sourcedId: { kind: "string", expr: column("sourced_id") },
      status: { kind: "enum", expr: column("status") },
      dateLastModified: { kind: "datetime", expr: column("date_last_modified") },
      ...filterFields(alias, spec.fields),
      ...spec.filters,
    },
    selectable,
    nested,
    subsets: spec.subsets ?? {},
    restrict: spec.restrict,
    toWire(row, context, values, keys) {
      const wire: WireRecord = {};
      for (const key of keys) {
        const value = converters.get(key)?.(row, context, values);
        if (value !== undefined && value !== null) wire[key] = value;
      }
      return wire;
    },
  };
}
