import { z } from "@hono/zod-openapi";
import {
  getTableColumns,
  getTableName,
  type InferInsertModel,
  type InferSelectModel,
  SQL,
} from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { columnName } from "./column-name.ts";
import {
  type ColumnFormat,
  type ColumnSpec,
  type FileGroup,
  type FileName,
  LIFECYCLE_COLUMNS,
} from "./csv-columns.ts";
import type { CsvRecord, CsvValue } from "./csv-record.ts";
import type { ColumnOf, CsvCodec, CsvValues, FieldDef, FieldKind } from "./field.ts";
import { GUID_REF_SCHEMAS, type GuidRefType } from "./guid-refs.ts";
import {
  baseFields,
  dateSchema,
  dateTimeSchema,
  extensibleEnum,
  floatSchema,
  trueFalseSchema,
} from "./wire-primitives.ts";

/** A table of OneRoster records: the lifecycle columns of `entityColumns()` and its own. */
export type EntityTable = PgTable & {
  $inferSelect: {
    tenantId: string;
    sourcedId: string;
    status: "active" | "tobedeleted";
    dateLastModified: Date;
    sourceDateLastModified: Date | null;
    metadata: Record<string, unknown> | null;
  };
};

export type SelectRow<T extends EntityTable> = InferSelectModel<T>;
export type InsertRow<T extends EntityTable> = InferInsertModel<T>;
export type WireRecord = Record<string, unknown>;

/** Makes the absolute parts of wire values: GUIDRef hrefs. */
export interface WireLinks {
  ref(type: GuidRefType, sourcedId: string): unknown;
}

/** One field of an entity with every default applied. */
export type Field = FieldKind & {
  /** The wire (JSON) name: the key the entity declares it under. */
  name: string;
  /** The table column's Drizzle property and its SQL name; absent for nested fields. */
  column: string | undefined;
  sqlName: string | undefined;
  wire: boolean;
  wireRequired: boolean;
  /** How it reads from and writes to CSV cells; absent when the CSV binding has no column. */
  csv: CsvCodec | undefined;
};

export interface FileSpec {
  /** Entity name as used in the manifest: `file.<name>` and `<name>.csv`. */
  name: FileName;
  group: FileGroup;
  /** Every column in the order the binding fixes, the three lifecycle columns first. */
  columns: readonly ColumnSpec[];
}

export interface Entity<T extends EntityTable = EntityTable> {
  name: string;
  table: T;
  tableName: string;
  /** Fields in wire order (the official schema's), CSV-only ones included. */
  fields: readonly Field[];
  /** The CSV file this entity is read from and written to, if the binding has one. */
  file: FileSpec | undefined;
  /** The REST schema: top-level entities carry sourcedId, status, dateLastModified, metadata. */
  wireSchema: z.ZodObject | undefined;
  /** The Drizzle column of a field's or lifecycle property. */
  column(property: string): PgColumn;
  /** A CSV record of this entity's file as the row to upsert for `tenantId`. */
  fromCsv(tenantId: string, record: CsvRecord): InsertRow<T>;
  /** A stored row as the CSV record an export writes (its own modification time as lifecycle). */
  toCsv(row: SelectRow<T>): CsvRecord;
  /** A stored row as REST JSON: absent values left out, never null. */
  toWire(row: SelectRow<T>, links: WireLinks, nested?: (name: string) => unknown): WireRecord;
  /** A REST record as the columns it sets (lifecycle and tenant not included). */
  fromWire(record: WireRecord): Partial<InsertRow<T>>;
}

interface EntitySpec<T extends EntityTable, F extends Record<string, FieldDef>> {
  name: string;
  table: T;
  /** REST binding: the component name; `topLevel` entities carry the four base fields. */
  wire?: { component: string; topLevel: boolean };
  /** CSV binding: the file, its group and its columns in binding order (by CSV column name). */
  file?: { name: FileName; group: FileGroup; order: readonly string[] };
  fields: F & CheckedColumns<T, F>;
}

/** Fails to compile when a field's column (given or defaulted) is not a column of the table. */
type CheckedColumns<T extends EntityTable, F> = {
  [K in keyof F & string]: ColumnOf<K, F[K]> extends keyof InferSelectModel<T>
    ? F[K]
    : { error: `table has no column ${ColumnOf<K, F[K]>}` };
};

const defaultFormat = (kind: FieldKind): ColumnFormat | undefined => {
  switch (kind.kind) {
    case "text":
      return { kind: "string" };
    case "code":
      return { kind: "enum", values: kind.values, extensible: kind.extensible };
    case "date":
    case "dayTime":
      return { kind: "date" };
    case "year":
      return { kind: "year" };
    case "float":
      return { kind: "float" };
    case "flag":
      return { kind: "boolean" };
    case "list":
      return { kind: "list" };
    case "ref":
    case "uri":
      return { kind: "guid" };
    case "refs":
      return { kind: "guidList" };
    default:
      return undefined;
  }
};

const defaultColumn = (name: string, kind: FieldKind): string | undefined => {
  if (kind.kind === "nested") return undefined;
  if (kind.kind === "ref") return `${name}SourcedId`;
  if (kind.kind === "refs") return `${name.replace(/s$/, "")}SourcedIds`;
  return name;
};

const isBlank = (value: unknown) =>
  value === null || value === undefined || (Array.isArray(value) && value.length === 0);

const asDate = (value: unknown): string =>
  value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
const asDateTime = (value: unknown): string =>
  value instanceof Date ? value.toISOString() : String(value);

/** A stored value as the typed CSV cell; blank is absent. */
function toCell(def: FieldKind, value: unknown): CsvValue | undefined {
  if (isBlank(value)) return undefined;
  switch (def.kind) {
    case "date":
    case "dayTime":
      return asDate(value);
    case "year":
    case "float":
      return Number(value);
    case "flag":
      return Boolean(value);
    default:
      return value as CsvValue;
  }
}

/** A typed CSV cell as the stored value; blank is null. */
function fromCell(def: FieldKind, value: CsvValue | undefined): unknown {
  if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) {
    return null;
  }
  switch (def.kind) {
    case "dayTime":
      return new Date(`${String(value)}T00:00:00.000Z`);
    case "year":
      return String(value);
    case "list":
    case "refs":
    case "json":
      return (value as readonly unknown[]).slice();
    default:
      return value;
  }
}

function cellCodec(
  def: FieldKind,
  name: string,
  required: boolean,
  format: ColumnFormat,
): CsvCodec {
  return {
    columns: [{ name, required, format }],
    read: (values) => fromCell(def, values[name]),
    write: (value) => ({ [name]: toCell(def, value) }),
  };
}

function resolveField(name: string, def: FieldDef, table: EntityTable, inFile: boolean): Field {
  const column = def.column ?? defaultColumn(name, def);
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const found = column === undefined ? undefined : columns[column];
  const sqlName = found && columnName(found);
  if (column !== undefined && sqlName === undefined) {
    throw new Error(`${getTableName(table)} has no column ${column}`);
  }
  const required = def.required ?? false;
  let csv: CsvCodec | undefined;
  if (typeof def.csv === "object") csv = def.csv;
  else if (inFile && def.csv !== false && def.kind !== "nested") {
    const csvName = def.csv ?? (def.kind === "ref" || def.kind === "refs" ? column : name);
    const format = def.csvFormat ?? defaultFormat(def);
    if (csvName === undefined || format === undefined) {
      throw new Error(`${name}: say how it is written in CSV (csv, csvFormat or csv: false)`);
    }
    csv = cellCodec(def, csvName, required === true || required === "csv", format);
  }
  const { column: _c, csv: _csv, wire, required: _r, csvFormat: _f, ...kind } = def;
  return {
    ...(kind as FieldKind),
    name,
    column,
    sqlName,
    wire: wire ?? true,
    wireRequired: required === true || required === "wire",
    csv,
  };
}

function wireType(field: Field): z.ZodType {
  switch (field.kind) {
    case "text":
    case "year":
      return z.string();
    case "code":
      return field.extensible ? extensibleEnum(field.values) : z.enum(field.values);
    case "date":
      return dateSchema;
    case "dayTime":
      return dateTimeSchema;
    case "float":
      return floatSchema;
    case "flag":
      return trueFalseSchema;
    case "list":
      return z.array(field.items ?? z.string());
    case "ref":
      return GUID_REF_SCHEMAS[field.to];
    case "refs": {
      const refs = z.array(GUID_REF_SCHEMAS[field.to]);
      return field.wireRequired ? refs.min(1) : refs;
    }
    case "uri":
      return z.url();
    case "json":
    case "nested":
      return field.schema;
  }
}

/** A stored value as its wire form; null and undefined stay absent. */
function toWireValue(field: Field, value: unknown, links: WireLinks): unknown {
  if (value === null || value === undefined) {
    if (field.kind === "flag" && field.alwaysSent) return "false";
    return field.kind === "text" && field.wireRequired ? "" : undefined;
  }
  switch (field.kind) {
    case "date":
      return asDate(value);
    case "dayTime":
      return asDateTime(value);
    case "flag":
      return String(value);
    case "ref":
      return links.ref(field.to, String(value));
    case "refs":
      return (value as string[]).map((id) => links.ref(field.to, id));
    case "uri":
      return field.toUri(String(value));
    case "json":
      return Array.isArray(value) && value.length === 0 ? undefined : value;
    default:
      return value;
  }
}

const sourcedIdOf = (value: unknown): string | null =>
  typeof value === "string"
    ? value
    : typeof value === "object" && value !== null && "sourcedId" in value
      ? String((value as { sourcedId: unknown }).sourcedId)
      : null;

/** A wire value as the stored value; absent is null. */
function fromWireValue(field: Field, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (field.kind) {
    case "date":
      return String(value).slice(0, 10);
    case "dayTime":
      return new Date(String(value));
    case "flag":
      return value === true || value === "true";
    case "ref":
      return sourcedIdOf(value);
    case "refs":
      return (value as unknown[]).map(sourcedIdOf);
    case "uri":
      return field.fromUri(String(value));
    default:
      return value;
  }
}

/** A value for a column the record leaves blank: the column's default, or [] for a required list. */
function blankValue(column: PgColumn): unknown {
  if (column.hasDefault && column.default !== undefined && !(column.default instanceof SQL)) {
    return column.default;
  }
  return column.notNull && column.getSQLType().endsWith("[]") ? [] : null;
}

function csvFileSpec(
  file: NonNullable<EntitySpec<EntityTable, Record<string, FieldDef>>["file"]>,
  fields: readonly Field[],
): FileSpec {
  const byName = new Map(
    fields.flatMap((field) => field.csv?.columns.map((c) => [c.name, c] as const) ?? []),
  );
  if (byName.size !== file.order.length) {
    const missing = [...byName.keys()].filter((name) => !file.order.includes(name));
    throw new Error(`${file.name}: columns not in the file's order: ${missing.join(", ")}`);
  }
  const columns = file.order.map((name) => {
    const column = byName.get(name);
    if (column === undefined) throw new Error(`${file.name}: no field writes column ${name}`);
    return column;
  });
  return { name: file.name, group: file.group, columns: [...LIFECYCLE_COLUMNS, ...columns] };
}

const csvMetadata = (metadata: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries((metadata as Record<string, unknown> | null) ?? {}).map(([k, v]) => [
      k,
      String(v),
    ]),
  );

/**
 * Declares an entity once: its fields in wire order, each with its column, wire name, CSV
 * column, type, vocabulary and requiredness. Everything else — the CSV file's columns, the REST
 * schema, and the conversions row ↔ CSV record and row ↔ REST record — follows from it.
 *
 * @example
 * export const category = defineEntity({
 *   name: "category", table: categories,
 *   wire: { component: "CategoryDType", topLevel: true },
 *   file: { name: "categories", group: "gradebook", order: ["title", "weight"] },
 *   fields: { title: text({ required: true }), weight: float() },
 * });
 */
export function defineEntity<T extends EntityTable, const F extends Record<string, FieldDef>>(
  spec: EntitySpec<T, F>,
): Entity<T> {
  const { table } = spec;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const fields = Object.entries(spec.fields as Record<string, FieldDef>).map(([name, def]) =>
    resolveField(name, def, table, spec.file !== undefined),
  );
  const stored = fields.filter((field) => field.column !== undefined);
  const inCsv = fields.filter((field) => field.csv !== undefined);
  const onWire = fields.filter((field) => field.wire);
  const wireSchema = spec.wire
    ? z
        .strictObject({
          ...(spec.wire.topLevel ? baseFields : {}),
          ...Object.fromEntries(
            onWire.map((field) => {
              const type = wireType(field);
              return [field.name, field.wireRequired ? type : type.optional()];
            }),
          ),
        })
        .openapi(spec.wire.component)
    : undefined;

  const column = (property: string) => {
    const found = columns[property];
    if (found === undefined) throw new Error(`${getTableName(table)} has no column ${property}`);
    return found;
  };

  return {
    name: spec.name,
    table,
    tableName: getTableName(table),
    fields,
    file: spec.file ? csvFileSpec(spec.file, fields) : undefined,
    wireSchema,
    column,

    fromCsv(tenantId, record) {
      const v = record.values;
      const row: Record<string, unknown> = {
        tenantId,
        sourcedId: v.sourcedId,
        status: v.status === "tobedeleted" ? "tobedeleted" : "active",
        sourceDateLastModified:
          typeof v.dateLastModified === "string" ? new Date(v.dateLastModified) : null,
        metadata: Object.keys(record.metadata).length > 0 ? { ...record.metadata } : null,
      };
      for (const field of inCsv) {
        if (field.column === undefined) continue;
        const value = field.csv?.read(v) ?? null;
        row[field.column] = value ?? blankValue(column(field.column));
      }
      return row as InsertRow<T>;
    },

    toCsv(row) {
      const stored = row as Record<string, unknown>;
      const values: CsvValues = {
        sourcedId: String(row.sourcedId),
        status: String(row.status),
        dateLastModified: asDateTime(row.dateLastModified),
      };
      for (const field of inCsv) {
        const cells = field.csv?.write(field.column ? stored[field.column] : undefined) ?? {};
        for (const [name, cell] of Object.entries(cells)) {
          if (cell !== undefined) values[name] = cell;
        }
      }
      return { file: spec.file?.name as FileName, values, metadata: csvMetadata(row.metadata) };
    },

    toWire(row, links, nestedValue) {
      const stored = row as Record<string, unknown>;
      const wire: WireRecord = {};
      if (spec.wire?.topLevel) {
        wire.sourcedId = row.sourcedId;
        wire.status = row.status;
        wire.dateLastModified = asDateTime(row.dateLastModified);
        const metadata = row.metadata;
        // Served only as the object the binding allows, and only when it holds keys.
        if (
          metadata &&
          typeof metadata === "object" &&
          !Array.isArray(metadata) &&
          Object.keys(metadata).length > 0
        ) {
          wire.metadata = metadata;
        }
      }
      for (const field of onWire) {
        const value =
          field.column === undefined
            ? nestedValue?.(field.name)
            : toWireValue(field, stored[field.column], links);
        if (value !== undefined && value !== null) wire[field.name] = value;
      }
      return wire;
    },

    fromWire(record) {
      const row: Record<string, unknown> = {};
      for (const field of stored) {
        if (!field.wire || field.column === undefined) continue;
        const value = fromWireValue(field, record[field.name]);
        row[field.column] = value ?? blankValue(column(field.column));
      }
      if (record.metadata && typeof record.metadata === "object") row.metadata = record.metadata;
      return row as Partial<InsertRow<T>>;
    },
  };
}
