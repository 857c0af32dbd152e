import type { CsvVersion } from "./layouts.ts";
import { parseCell } from "./primitives.ts";
import { type RowScope, reportRow } from "./row-scope.ts";

/** How the manifest declares a data file that is sent. */
export type FileMode = "bulk" | "delta";

export interface Lifecycle {
  status: "active" | "tobedeleted";
  dateLastModified?: string;
}

/** What one file has shown so far, to notice a bulk file that looks like a delta (O(1) state). */
export interface LifecycleMemory {
  filledRow: boolean;
  blankRow: boolean;
  mixWarned: boolean;
}

/**
 * A file's memory before its first row.
 *
 * @example
 * const memory = newLifecycleMemory(); // { filledRow: false, blankRow: false, mixWarned: false }
 */
export const newLifecycleMemory = (): LifecycleMemory => ({
  filledRow: false,
  blankRow: false,
  mixWarned: false,
});

/**
 * Applies the bulk/delta rules to a row's `status` and `dateLastModified` cells. Bulk rows are
 * active by definition: blank cells are expected, `active` and a valid date are tolerated, a
 * deletion is an error. Delta rows need both cells. Returns undefined when the row is refused.
 *
 * @example
 * readLifecycle("", "", { mode: "bulk", version: "1.2" }, scope, memory); // { status: "active" }
 * readLifecycle("tobedeleted", "2024-01-02T03:04:05.000Z", { mode: "delta", version: "1.2" }, scope, memory);
 */
export function readLifecycle(
  statusCell: string,
  dateCell: string,
  context: { mode: FileMode; version: CsvVersion },
  scope: RowScope,
  memory: LifecycleMemory,
): Lifecycle | undefined {
  const errorsBefore = scope.errors;
  const status = readStatus(statusCell.trim(), context.version, scope);
  const date = readDate(dateCell.trim(), scope);
  if (context.mode === "delta") {
    for (const [column, value] of [
      ["status", status],
      ["dateLastModified", date],
    ] as const) {
      if (value === undefined && (column === "status" ? statusCell : dateCell).trim() === "") {
        reportRow(scope, {
          column,
          rule: "lifecycle.required_in_delta",
          message: `${column} is required on every row of a delta file.`,
        });
      }
    }
  } else {
    checkBulk(statusCell, dateCell, status, scope, memory, scope.errors > errorsBefore);
  }
  if (scope.errors > errorsBefore) return undefined;
  const lifecycle: Lifecycle = { status: status ?? "active" };
  if (date !== undefined) lifecycle.dateLastModified = date;
  return lifecycle;
}

function checkBulk(
  statusCell: string,
  dateCell: string,
  status: Lifecycle["status"] | undefined,
  scope: RowScope,
  memory: LifecycleMemory,
  alreadyRefused: boolean,
): void {
  if (status === "tobedeleted") {
    reportRow(scope, {
      column: "status",
      rule: "lifecycle.delete_in_bulk",
      value: statusCell,
      message: "A bulk file lists every record that exists, so it cannot delete one.",
    });
    return;
  }
  const filled = statusCell.trim() !== "" || dateCell.trim() !== "";
  if (filled && !alreadyRefused) {
    reportRow(scope, {
      column: statusCell.trim() !== "" ? "status" : "dateLastModified",
      rule: "lifecycle.filled_in_bulk",
      message:
        "status and dateLastModified should be blank in a bulk file; the row was read as active.",
    });
  }
  memory.filledRow ||= filled;
  memory.blankRow ||= !filled;
  if (memory.filledRow && memory.blankRow && !memory.mixWarned) {
    memory.mixWarned = true;
    reportRow(scope, {
      rule: "lifecycle.mixed_in_bulk",
      message:
        "Some rows of this bulk file fill status and dateLastModified and others leave them blank.",
    });
  }
}

function readStatus(
  text: string,
  version: CsvVersion,
  scope: RowScope,
): Lifecycle["status"] | undefined {
  if (text === "") return undefined;
  if (text === "active" || text === "tobedeleted") return text;
  const lower = text.toLowerCase();
  if (lower === "active" || lower === "tobedeleted") {
    reportRow(scope, {
      column: "status",
      rule: "cell.enum_case",
      value: text,
      message: `"${text}" was read as ${lower}.`,
      fix: `Write ${lower}.`,
    });
    return lower;
  }
  if (lower === "inactive" && version === "1.1") {
    reportRow(scope, {
      column: "status",
      rule: "lifecycle.inactive_status",
      value: text,
      message: "inactive (from OneRoster 1.0) was read as tobedeleted.",
    });
    return "tobedeleted";
  }
  reportRow(scope, {
    column: "status",
    rule: "lifecycle.invalid_status",
    value: text,
    message:
      lower === "inactive"
        ? "inactive is not a OneRoster 1.2 status: it is active or tobedeleted."
        : `"${text}" is not a status: it is active or tobedeleted.`,
  });
  return undefined;
}

function readDate(text: string, scope: RowScope): string | undefined {
  if (text === "") return undefined;
  const parsed = parseCell(text, { kind: "datetime" });
  if (!parsed.ok) {
    reportRow(scope, { column: "dateLastModified", value: text, ...parsed.error });
    return undefined;
  }
  if (parsed.warning !== undefined) {
    reportRow(scope, { column: "dateLastModified", value: text, ...parsed.warning });
  }
  return String(parsed.value);
}
