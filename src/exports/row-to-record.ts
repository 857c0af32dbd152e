import { type ColumnFormat, FILE_BY_NAME, type FileName } from "../csv/catalogue.ts";
import type { CsvRecord, CsvValue } from "../csv/record.ts";

type Row = Record<string, unknown>;

/** CSV columns whose value is not the same-named table column. */
const SPECIAL: Partial<Record<FileName, Record<string, (row: Row) => unknown>>> = {
  users: {
    preferredGivenName: (row) => row.preferredFirstName,
    preferredFamilyName: (row) => row.preferredLastName,
  },
  userProfiles: {
    credentialType: (row) => firstCredential(row)?.type,
    username: (row) => firstCredential(row)?.username,
    password: (row) => firstCredential(row)?.password,
  },
};

function firstCredential(row: Row): Record<string, string> | undefined {
  const credentials = row.credentials;
  return Array.isArray(credentials) ? (credentials[0] as Record<string, string>) : undefined;
}

const isoDate = (value: unknown): string | undefined =>
  value instanceof Date
    ? value.toISOString().slice(0, 10)
    : typeof value === "string"
      ? value
      : undefined;

/** A stored value in the typed form the CSV writer takes; null and empty lists are absent. */
function toCsvValue(value: unknown, format: ColumnFormat): CsvValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  switch (format.kind) {
    case "date":
      return isoDate(value);
    case "datetime":
      return value instanceof Date ? value.toISOString() : String(value);
    case "year":
      return Number(value);
    case "float":
      return Number(value);
    case "boolean":
      return Boolean(value);
    default:
      return value as CsvValue;
  }
}

/**
 * The CSV record of a stored row, for exports: the inverse of the import's mapping
 * (`src/imports/record-to-row.ts`). The lifecycle columns carry the gateway's own
 * modification time, the sync cursor delta consumers compare against.
 *
 * @example
 * const record = rowToRecord("users", row); // { file: "users", values: { sourcedId, … }, metadata }
 */
export function rowToRecord(file: FileName, row: Row): CsvRecord {
  const spec = FILE_BY_NAME.get(file);
  if (!spec) throw new Error(`unknown OneRoster file ${file}`);
  const special = SPECIAL[file] ?? {};
  const values: CsvRecord["values"] = {};
  for (const column of spec.columns) {
    const raw =
      column.name === "dateLastModified"
        ? row.dateLastModified
        : (special[column.name]?.(row) ?? row[column.name]);
    const value = toCsvValue(raw, column.format);
    if (value !== undefined) values[column.name] = value;
  }
  const metadata = Object.fromEntries(
    Object.entries((row.metadata as Record<string, unknown> | null) ?? {}).map(([k, v]) => [
      k,
      String(v),
    ]),
  );
  return { file, values, metadata };
}
