import type { z } from "@hono/zod-openapi";
import type { ColumnFormat, ColumnSpec } from "./csv-columns.ts";
import type { CsvValue } from "./csv-record.ts";
import type { GuidRefType } from "./guid-refs.ts";

/**
 * How a field is stored and how it travels. Each kind fixes the column type it sits in, its
 * REST (wire) schema and its CSV cell format; `define-entity.ts` derives every conversion from it.
 */
export type FieldKind =
  /** Text; `secret` ones are served but never filtered or sorted on (no guessing a password). */
  | { kind: "text"; secret?: boolean }
  /** A vocabulary token; `extensible` ones also take `ext:` tokens. */
  | { kind: "code"; values: readonly [string, ...string[]]; extensible: boolean }
  /** A `date` column: `YYYY-MM-DD` everywhere. */
  | { kind: "date" }
  /** A `timestamptz` column that the CSV binding writes as a date (the start of that day, UTC). */
  | { kind: "dayTime" }
  /** A `YYYY` text column that the CSV binding writes as a Year. */
  | { kind: "year" }
  | { kind: "float" }
  /**
   * A boolean column; the wire sends the strings "true" and "false". `alwaysSent` ones go out as
   * "false" when unset, for strict clients that require them although the schema does not.
   */
  | { kind: "flag"; alwaysSent?: boolean }
  /** A `text[]` column (grades, subjects); `items` narrows the wire schema of one item. */
  | { kind: "list"; items?: z.ZodType }
  /** A sourcedId column sent as a GUIDRef. */
  | { kind: "ref"; to: GuidRefType }
  /** A `text[]` of sourcedIds sent as GUIDRefs in order. */
  | { kind: "refs"; to: GuidRefType }
  /** A jsonb value sent as stored. */
  | { kind: "json"; schema: z.ZodType }
  /** A sourcedId the wire sends as a URI (a user profile's `profileId`). */
  | { kind: "uri"; toUri: (sourcedId: string) => string; fromUri: (uri: string) => string }
  /** A wire field held in other rows (a user's roles): no column of its own. */
  | { kind: "nested"; schema: z.ZodType };

export type CsvValues = Record<string, CsvValue | undefined>;

/** How a field that is not one CSV cell of its kind's format reads from and writes to cells. */
export interface CsvCodec {
  columns: readonly ColumnSpec[];
  read(values: CsvValues): unknown;
  write(value: unknown): CsvValues;
}

/** Which binding requires a field: both (`true`), only REST (`"wire"`), only CSV (`"csv"`). */
export type Requiredness = boolean | "wire" | "csv";

export interface FieldOptions {
  /** The table column (Drizzle property). Default: the field's name; refs add `SourcedId(s)`. */
  column?: string;
  /** The CSV column, `false` when the CSV binding has none, or a codec over several cells. */
  csv?: string | false | CsvCodec;
  /** `false`: the field is not part of the REST binding (CSV only). */
  wire?: boolean;
  required?: Requiredness;
  /** The CSV cell format when the kind's default does not fit. */
  csvFormat?: ColumnFormat;
}

export type FieldDef = FieldKind & FieldOptions;

/** The column a field sits in, as the entity's table must have it (checked when compiling). */
export type ColumnOf<K extends string, D> = D extends { column: infer C extends string }
  ? C
  : D extends { kind: "nested" }
    ? never
    : D extends { kind: "ref" }
      ? `${K}SourcedId`
      : D extends { kind: "refs" }
        ? `${K extends `${infer One}s` ? One : K}SourcedIds`
        : K;

const field =
  <const Kind extends FieldKind["kind"]>(kind: Kind) =>
  <const O extends FieldOptions = Record<never, never>>(options?: O) =>
    ({ kind, ...options }) as { kind: Kind } & O;

export const text = field("text");
export const date = field("date");
export const dayTime = field("dayTime");
export const year = field("year");
export const float = field("float");
export const flag = <const O extends FieldOptions = Record<never, never>>(
  options?: O & { alwaysSent?: boolean },
) => ({ kind: "flag", ...options }) as { kind: "flag"; alwaysSent?: boolean } & O;

export const secret = <const O extends FieldOptions = Record<never, never>>(options?: O) =>
  ({ kind: "text", secret: true, ...options }) as { kind: "text"; secret: true } & O;

export const code = <const O extends FieldOptions = Record<never, never>>(
  values: readonly [string, ...string[]],
  options?: O & { extensible?: boolean },
) =>
  ({ kind: "code", values, extensible: options?.extensible ?? true, ...options }) as {
    kind: "code";
    values: readonly [string, ...string[]];
    extensible: boolean;
  } & O;

export const list = <const O extends FieldOptions = Record<never, never>>(
  options?: O & { items?: z.ZodType },
) => ({ kind: "list", ...options }) as { kind: "list"; items?: z.ZodType } & O;

export const ref = <const O extends FieldOptions = Record<never, never>>(
  to: GuidRefType,
  options?: O,
) => ({ kind: "ref", to, ...options }) as { kind: "ref"; to: GuidRefType } & O;

export const refs = <const O extends FieldOptions = Record<never, never>>(
  to: GuidRefType,
  options?: O,
) => ({ kind: "refs", to, ...options }) as { kind: "refs"; to: GuidRefType } & O;

export const json = <const O extends FieldOptions = Record<never, never>>(
  schema: z.ZodType,
  options?: O,
) => ({ kind: "json", schema, ...options }) as { kind: "json"; schema: z.ZodType } & O;

export const uri = <const O extends FieldOptions = Record<never, never>>(
  convert: { toUri: (sourcedId: string) => string; fromUri: (uri: string) => string },
  options?: O,
) => ({ kind: "uri", ...convert, ...options }) as Extract<FieldKind, { kind: "uri" }> & O;

export const nested = <const O extends FieldOptions = Record<never, never>>(
  schema: z.ZodType,
  options?: O,
) => ({ kind: "nested", schema, ...options }) as { kind: "nested"; schema: z.ZodType } & O;
