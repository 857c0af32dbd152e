import type { CsvRecord } from "../entities/csv-record.ts";
import { type ColumnFormat, FILE_BY_NAME, type FileName } from "./catalogue.ts";
import { formatCell } from "./format-cell.ts";
import type { FileMode } from "./lifecycle.ts";
import { CsvWriteError } from "./write-error.ts";

export interface RowFormatter {
  /** Spec columns in binding order, then `metadata.<name>` for each extension column. */
  readonly header: readonly string[];
  /** The cells of one record; `line` is its line in the file, for error messages. */
  cells(record: CsvRecord, line: number): string[];
}

const LIFECYCLE = new Set(["sourcedId", "status", "dateLastModified"]);
const TEXT: ColumnFormat = { kind: "string" };
const DATETIME: ColumnFormat = { kind: "datetime" };

/**
 * Builds the record → cells step for one file, applying the lifecycle rules of its mode: bulk rows
 * leave `status` and `dateLastModified` blank and may only be active, delta rows carry both.
 * Throws a {@link CsvWriteError} for a record the binding cannot express.
 *
 * @example
 * const rows = createRowFormatter("orgs", "bulk", ["ncesId"]);
 * rows.header; // ["sourcedId", "status", "dateLastModified", "name", …, "metadata.ncesId"]
 * rows.cells({ file: "orgs", values: { sourcedId: "org-1", name: "North", type: "district" },
 *   metadata: { ncesId: "0600001" } }, 2);
 */
export function createRowFormatter(
  file: FileName,
  mode: FileMode,
  metadataColumns: readonly string[] = [],
): RowFormatter {
  const spec = FILE_BY_NAME.get(file);
  if (spec === undefined) throw new Error(`unknown OneRoster file "${file}"`);
  assertMetadataNames(metadataColumns);
  const dataColumns = spec.columns.filter((column) => !LIFECYCLE.has(column.name));
  const known = new Set(spec.columns.map((column) => column.name));
  const declared = new Set(metadataColumns);

  return {
    header: [
      ...spec.columns.map((column) => column.name),
      ...metadataColumns.map((name) => `metadata.${name}`),
    ],
    cells(record, line) {
      let column: string | undefined;
      try {
        if (record.file !== file) throw new Error(`a ${record.file} record cannot go in ${file}`);
        const { values, metadata } = record;
        for (const name in values) {
          if (!known.has(name)) throw new Error(`"${name}" is not a column of ${file}.csv`);
        }
        for (const name in metadata) {
          if (!declared.has(name)) throw new Error(`metadata.${name} was not declared`);
        }
        column = "sourcedId";
        const sourcedId = values.sourcedId;
        if (typeof sourcedId !== "string" || sourcedId === "") throw new Error("is required");
        const cells = [sourcedId];
        column = "status";
        if (mode === "bulk") {
          if (values.status !== undefined && values.status !== "active") {
            throw new Error(
              `bulk files hold active records only; leave out "${values.status}" ones`,
            );
          }
          cells.push("", "");
        } else {
          if (values.status !== "active" && values.status !== "tobedeleted") {
            throw new Error("delta rows need status active or tobedeleted");
          }
          column = "dateLastModified";
          if (values.dateLastModified === undefined) throw new Error("delta rows need it");
          cells.push(values.status, formatCell(values.dateLastModified, DATETIME));
        }
        for (const data of dataColumns) {
          column = data.name;
          cells.push(formatCell(values[data.name], data.format));
        }
        for (const name of metadataColumns) {
          column = `metadata.${name}`;
          cells.push(formatCell(metadata[name], TEXT));
        }
        return cells;
      } catch (error) {
        if (error instanceof CsvWriteError) throw error;
        throw new CsvWriteError((error as Error).message, { file, line, column }, { cause: error });
      }
    },
  };
}

function assertMetadataNames(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (name === "" || /[\r\n]/.test(name) || seen.has(name)) {
      throw new Error(`metadata column "${name}" is empty, repeated or spans lines`);
    }
    seen.add(name);
  }
}
