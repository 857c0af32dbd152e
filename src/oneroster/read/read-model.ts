import { type SQL, sql } from "drizzle-orm";
import {
  aliasColumns,
  type ColumnRef,
  type Entity,
  type Field,
  ORG_SCOPES,
} from "../../entities/index.ts";
import type { FieldKind, FieldMap, QueryField } from "../query/index.ts";
import type { Subset } from "../routes/index.ts";
import { ENTITY_WIRE, type EntityName } from "../wire/envelopes.ts";
import { guidRef, type WireContext } from "./guid-refs.ts";

export type Row = Record<string, unknown>;
export type WireRecord = Record<string, unknown>;

/** Values of nested fields for one page: field name → owner sourcedId → value. */
export type NestedValues = ReadonlyMap<string, ReadonlyMap<string, unknown>>;

/**
 * A wire field held in other rows (a user's roles, an org's children): loaded for a whole
 * page by one subquery of the page's statement, never once per row, and only when the field
 * is asked for.
 */
export interface NestedField {
  name: string;
  /** The children of `owners`, each with an `owner` column, in wire order. */
  query(scope: { tenantId: string; owners: SQL }): SQL;
  /** The query's rows as wire values by owner sourcedId. */
  values(rows: readonly Row[], context: WireContext): Map<string, unknown>;
}

export interface ReadModelSpec {
  /** The entity module the model reads: its fields, columns and row → wire conversion. */
  entity: Entity;
  alias: string;
  /** Filterable paths that are not a column of the row (`roles.role`), over the model's columns. */
  filters?: (column: ColumnRef) => FieldMap;
  nested?: readonly NestedField[];
  /** Which rows a subset collection (`/schools`, `/students`…) serves, over the model's columns. */
  subsets?: (column: ColumnRef) => Partial<Record<Subset, SQL>>;
}

/** Everything the generic handlers need to read one entity. */
export interface ReadModel {
  entity: EntityName;
  table: string;
  /** `users u`: the table under its alias. */
  from: SQL;
  /** A column under the model's alias, by Drizzle property, for relations between models. */
  column: ColumnRef;
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
  /**
   * The rows a client restricted to `orgs` (a bound text[] of org sourcedIds) may see.
   * Absent: the entity is not org-bound (academic sessions).
   */
  restrict: ((orgs: SQL) => SQL) | undefined;
  /** The wire object of a row: `keys` in that order, absent values left out (never null). */
  toWire(row: Row, context: WireContext, nested: NestedValues, keys: readonly string[]): WireRecord;
}

const DATE_TIME_FORMAT = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * The select list of `entity` under `alias`: the lifecycle columns and every stored wire field,
 * each under its Drizzle property, so a row has the shape the entity converts. Dates are formatted in SQL, which gives the same strings on both
 * drivers and every server DateStyle.
 */
export function selectList(alias: string, entity: Entity): string {
  const item = (column: string, property: string, kind: string) => {
    const qualified = `${alias}."${column}"`;
    if (kind === "date") return `to_char(${qualified}, 'YYYY-MM-DD') as "${property}"`;
    if (kind === "dayTime") {
      return `to_char(${qualified} at time zone 'UTC', ${DATE_TIME_FORMAT}) as "${property}"`;
    }
    return `${qualified} as "${property}"`;
  };
  const lifecycle = [
    item("sourced_id", "sourcedId", "text"),
    item("status", "status", "text"),
    item("date_last_modified", "dateLastModified", "dayTime"),
    item("metadata", "metadata", "json"),
  ];
  const own = entity.fields.flatMap((field) =>
    field.wire && field.column && field.sqlName && field.column !== "sourcedId"
      ? [item(field.sqlName, field.column, field.kind)]
      : [],
  );
  return [...lifecycle, ...own].join(", ");
}

/** How each kind of field compares in a filter; absent kinds are not filterable. */
function filterKind(field: Field): FieldKind | undefined {
  switch (field.kind) {
    case "text":
      return field.secret ? undefined : "string";
    case "year":
    case "ref":
      return "string";
    case "code":
      return "enum";
    case "date":
      return "date";
    case "dayTime":
      return "datetime";
    case "float":
      return "number";
    case "flag":
      return "boolean";
    case "list":
    case "refs":
      return "stringList";
    default:
      return undefined;
  }
}

function filterFields(entity: Entity, column: ColumnRef): FieldMap {
  return Object.fromEntries(
    entity.fields.flatMap((field): [string, QueryField][] => {
      const kind = filterKind(field);
      if (!field.wire || field.column === undefined || kind === undefined) return [];
      const name =
        field.kind === "ref" || field.kind === "refs" ? `${field.name}.sourcedId` : field.name;
      return [[name, { kind, expr: column(field.column) }]];
    }),
  );
}

/**
 * Builds an entity's read model from its entity module: the select list, the filter and sort
 * fields and the row → wire mapping all follow from the entity's fields.
 *
 * @example
 * const orgModel = defineReadModel({ entity: orgEntity, alias: "o", nested: [childRefs(…)] });
 */
export function defineReadModel(spec: ReadModelSpec): ReadModel {
  const { alias, entity } = spec;
  const name = entity.name as EntityName;
  const selectable = Object.keys(ENTITY_WIRE[name].schema.shape);
  const nested = spec.nested ?? [];
  for (const field of nested) {
    if (!selectable.includes(field.name))
      throw new Error(`${name} has no wire field ${field.name}`);
  }
  const column = aliasColumns(entity.table, alias);
  const scope = ORG_SCOPES[entity.name];
  return {
    entity: name,
    table: entity.tableName,
    from: sql.raw(`"${entity.tableName}" ${alias}`),
    column,
    select: sql.raw(selectList(alias, entity)),
    key: column("sourcedId"),
    tenant: column("tenantId"),
    metadata: column("metadata"),
    fields: {
      sourcedId: { kind: "string", expr: column("sourcedId") },
      status: { kind: "enum", expr: column("status") },
      dateLastModified: { kind: "datetime", expr: column("dateLastModified") },
      ...filterFields(entity, column),
      ...spec.filters?.(column),
    },
    selectable,
    nested,
    subsets: spec.subsets?.(column) ?? {},
    restrict: scope && ((orgs) => scope(column, orgs)),
    toWire(row, context, values, keys) {
      const owner = row.sourcedId as string;
      const whole = entity.toWire(
        row as Parameters<Entity["toWire"]>[0],
        { ref: (type, id) => guidRef(context, type, id) },
        (field) => values.get(field)?.get(owner),
      );
      const wire: WireRecord = {};
      for (const key of keys) {
        if (whole[key] !== undefined) wire[key] = whole[key];
      }
      return wire;
    },
  };
}
