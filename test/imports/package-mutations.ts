import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import type { PackageBytes } from "./package-bytes.ts";

/**
 * What can go wrong with a package between a district's SIS and the gateway, as plain data so
 * that fast-check prints and shrinks a failing case. Entries, rows, columns and positions are
 * picked by index modulo what the package has, so every mutation applies to every package.
 */
export type Mutation =
  | { kind: "dropColumn" | "duplicateColumn"; entry: number; column: number }
  | { kind: "swapColumns"; entry: number; column: number; other: number }
  | { kind: "dropRow" | "duplicateRow"; entry: number; row: number }
  | { kind: "swapRows"; entry: number; row: number; other: number }
  | { kind: "setCell"; entry: number; row: number; column: number; value: string }
  | { kind: "insertText"; entry: number; at: number; text: string }
  | { kind: "truncate"; entry: number; at: number }
  | { kind: "encode"; entry: number; as: "latin1" | "utf16le" | "utf16-bom" | "invalid-byte" }
  | { kind: "dropEntry"; entry: number }
  | { kind: "renameEntry"; entry: number; name: string }
  | { kind: "addEntry"; name: string; text: string };

/** Damage to the zip itself, after its entries were written. */
export type ZipDamage = { kind: "flipByte" | "truncateZip"; at: number };

const CONTROL = [..."\u0000\u0001\u0007\u0008\u000b\u000c\u001b\u001f\u007f"];

/** Values a cell should never hold, or holds only in other files, and values that stress a reader. */
const HOSTILE_VALUES = [
  "",
  " ",
  "abc",
  "2023-13-45",
  "2024-02-30",
  "1/05/2023",
  "2023-05-01T25:00:00Z",
  "0000-01-01",
  "-1",
  "1e400",
  "NaN",
  "99999999999999999999",
  "TRUE",
  "yes",
  "tobedeleted",
  "inactive",
  "Bulk",
  "delta",
  "absent",
  "1.1",
  "ext:thing",
  "{LDAP}",
  "{A:90-100},{B}",
  "09,,10",
  "org-school-1",
  "user-stu-1",
  "class-1",
  "nobody-here",
  "héllo wörld",
  "😀",
  "\uFFFD",
  "\t",
  '"quoted"',
  "a,b",
  "a\nb",
  "a\r\nb",
  "a\rb",
  "'); drop table users; --",
  "x".repeat(70_000),
  "y".repeat(1_100_000),
  ...CONTROL.map((c) => `a${c}b`),
];

/** Raw text dropped into a file: quotes, separators, line breaks, a byte-order mark. */
const HOSTILE_TEXT = ['"', '""', ",", ";", "\n", "\r", "\r\n", "\uFEFF", "\\", ...CONTROL];

const ENTRY_NAMES = [
  "users.csv",
  "Users.csv",
  "userprofiles.csv",
  "enrolments.csv",
  "manifest.csv",
  "README.txt",
  "notes.csv",
  "__MACOSX/._users.csv",
  "district/orgs.csv",
  "extra/",
];

const index = fc.nat({ max: 10_000 });
const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);
const text = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  fc.string({ unit: "binary", maxLength: 8 }),
);

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom("dropColumn" as const, "duplicateColumn" as const),
    entry: index,
    column: index,
  }),
  fc.record({
    kind: fc.constant("swapColumns" as const),
    entry: index,
    column: index,
    other: index,
  }),
  fc.record({
    kind: fc.constantFrom("dropRow" as const, "duplicateRow" as const),
    entry: index,
    row: index,
  }),
  fc.record({ kind: fc.constant("swapRows" as const), entry: index, row: index, other: index }),
  fc.record({
    kind: fc.constant("setCell" as const),
    entry: index,
    row: index,
    column: index,
    value,
  }),
  fc.record({ kind: fc.constant("insertText" as const), entry: index, at: index, text }),
  fc.record({ kind: fc.constant("truncate" as const), entry: index, at: index }),
  fc.record({
    kind: fc.constant("encode" as const),
    entry: index,
    as: fc.constantFrom(
      "latin1" as const,
      "utf16le" as const,
      "utf16-bom" as const,
      "invalid-byte" as const,
    ),
  }),
  fc.record({ kind: fc.constant("dropEntry" as const), entry: index }),
  fc.record({
    kind: fc.constant("renameEntry" as const),
    entry: index,
    name: fc.constantFrom(...ENTRY_NAMES),
  }),
  fc.record({
    kind: fc.constant("addEntry" as const),
    name: fc.constantFrom(...ENTRY_NAMES),
    text: fc.string({ maxLength: 40 }),
  }),
);

export const zipDamageArbitrary: fc.Arbitrary<ZipDamage> = fc.record({
  kind: fc.constantFrom("flipByte" as const, "truncateZip" as const),
  at: index,
});

/** The package with one mutation applied; the input is left as it was. */
export function mutate(entries: PackageBytes, mutation: Mutation): PackageBytes {
  const out = new Map(entries);
  if (mutation.kind === "addEntry") {
    out.set(mutation.name, Buffer.from(mutation.text));
    return out;
  }
  const names = [...out.keys()];
  if (names.length === 0) return out;
  const name = names[mutation.entry % names.length] as string;
  const bytes = out.get(name) as Buffer;
  switch (mutation.kind) {
    case "dropEntry":
      out.delete(name);
      return out;
    case "renameEntry":
      out.delete(name);
      out.set(mutation.name, bytes);
      return out;
    case "truncate":
      out.set(name, bytes.subarray(0, mutation.at % (bytes.length + 1)));
      return out;
    case "encode":
      out.set(name, reencode(bytes, mutation.as));
      return out;
    case "insertText": {
      const source = bytes.toString("utf8");
      const at = mutation.at % (source.length + 1);
      out.set(name, Buffer.from(source.slice(0, at) + mutation.text + source.slice(at)));
      return out;
    }
    default:
      out.set(name, Buffer.from(editTable(bytes.toString("utf8"), mutation)));
      return out;
  }
}

/** The zip with its bytes damaged: one byte changed, or cut short. */
export function damage(zip: Buffer, how: ZipDamage): Buffer {
  const at = how.at % zip.length;
  if (how.kind === "truncateZip") return zip.subarray(0, at);
  const copy = Buffer.from(zip);
  copy[at] = (copy[at] ?? 0) ^ 0xff;
  return copy;
}

function reencode(bytes: Buffer, as: Extract<Mutation, { kind: "encode" }>["as"]): Buffer {
  const source = bytes.toString("utf8");
  switch (as) {
    case "latin1":
      return Buffer.from(source, "latin1");
    case "utf16le":
      return Buffer.from(source, "utf16le");
    case "utf16-bom":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(source, "utf16le")]);
    case "invalid-byte":
      return Buffer.concat([
        bytes.subarray(0, bytes.length >> 1),
        Buffer.from([0xc3]),
        bytes.subarray(bytes.length >> 1),
      ]);
  }
}

type TableEdit = Extract<
  Mutation,
  {
    kind:
      | "dropColumn"
      | "duplicateColumn"
      | "swapColumns"
      | "dropRow"
      | "duplicateRow"
      | "swapRows"
      | "setCell";
  }
>;

/** Edits a file as a table of cells; text that does not parse as CSV is left as it is. */
function editTable(source: string, edit: TableEdit): string {
  let rows: string[][];
  try {
    rows = parse(source, { relax_column_count: true, skip_empty_lines: false });
  } catch {
    return source;
  }
  if (rows.length === 0) return source;
  const eol = source.includes("\r\n") ? "\r\n" : "\n";
  const width = Math.max(...rows.map((row) => row.length), 1);
  const column = ("column" in edit ? edit.column : 0) % width;
  // Row 0 is the header; row edits keep it so that they test rows, not headers.
  const dataRow = (n: number) => (rows.length > 1 ? 1 + (n % (rows.length - 1)) : 0);
  switch (edit.kind) {
    case "dropColumn":
      rows = rows.map((row) => row.filter((_, i) => i !== column));
      break;
    case "duplicateColumn":
      rows = rows.map((row) => row.flatMap((cell, i) => (i === column ? [cell, cell] : [cell])));
      break;
    case "swapColumns": {
      const other = edit.other % width;
      rows = rows.map((row) =>
        row.map((cell, i) => (i === column ? row[other] : i === other ? row[column] : cell) ?? ""),
      );
      break;
    }
    case "dropRow":
      rows.splice(dataRow(edit.row), 1);
      break;
    case "duplicateRow": {
      const at = dataRow(edit.row);
      rows.splice(at, 0, [...(rows[at] ?? [])]);
      break;
    }
    case "swapRows": {
      const [a, b] = [dataRow(edit.row), dataRow(edit.other)];
      [rows[a], rows[b]] = [rows[b] ?? [], rows[a] ?? []];
      break;
    }
    case "setCell": {
      const row = rows[edit.row % rows.length] ?? [];
      row[column] = edit.value;
      break;
    }
  }
  return stringify(rows, { record_delimiter: eol });
}
