import type { ColumnFormat } from "./csv-columns.ts";
import type { CsvValue } from "./csv-record.ts";
import type { CsvCodec, FieldKind } from "./field.ts";

/** How each kind of field is written in and read from one CSV cell. */

export const defaultFormat = (kind: FieldKind): ColumnFormat | undefined => {
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

const isBlank = (value: unknown) =>
  value === null || value === undefined || (Array.isArray(value) && value.length === 0);

export const asDate = (value: unknown): string =>
  value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
export const asDateTime = (value: unknown): string =>
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

export function cellCodec(
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
