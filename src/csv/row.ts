import type { CsvRecord, CsvValue } from "../entities/csv-record.ts";
import type { ColumnSpec } from "./catalogue.ts";
import { findControlCharacter } from "./control-characters.ts";
import { type CsvRow, widthProblem } from "./csv-rows.ts";
import type { HeaderPlan } from "./header.ts";
import type { CsvVersion } from "./layouts.ts";
import { type FileMode, type LifecycleMemory, readLifecycle } from "./lifecycle.ts";
import { parseCell } from "./primitives.ts";
import type { ReportCollector } from "./report.ts";
import { type RowScope, reportRow } from "./row-scope.ts";

/** Everything a row needs to know about its file; `memory` is the file's only state. */
export interface RowContext {
  entry: string;
  mode: FileMode;
  version: CsvVersion;
  plan: HeaderPlan;
  collector: ReportCollector;
  memory: LifecycleMemory;
}

/**
 * Checks one data row on its own and turns it into 1.2.1 records: the row's own record first,
 * then any derived from it (roles of a 1.1 user, userResources of a pre-1.2.1 user). Every
 * problem is reported; a row with any error yields nothing.
 *
 * @example
 * readRow({ line: 2, cells: ["org-1", "", "", "North", "district", "", ""] }, context);
 * // [{ file: "orgs", values: { sourcedId: "org-1", status: "active", name: "North", … }, metadata: {} }]
 */
export function readRow(row: CsvRow, context: RowContext): CsvRecord[] | undefined {
  const { plan } = context;
  const scope: RowScope = {
    collector: context.collector,
    file: context.entry,
    line: row.line,
    errors: 0,
  };
  const width = widthProblem(row.cells, plan.slots.length, row.line);
  if (width !== undefined) reportRow(scope, width);
  const values: Record<string, CsvValue | undefined> = {};
  const metadata: Record<string, string> = {};
  const lifecycleCells = { status: "", dateLastModified: "" };
  plan.slots.forEach((slot, index) => {
    const cell = row.cells[index];
    if (cell === undefined || slot.kind === "ignored") return;
    const column = slot.kind === "column" ? slot.spec.name : `metadata.${slot.key}`;
    if (!isClean(cell, column, scope)) return;
    if (slot.kind === "metadata") {
      if (cell !== "") metadata[slot.key] = cell;
    } else if (slot.spec.name === "status" || slot.spec.name === "dateLastModified") {
      lifecycleCells[slot.spec.name] = cell;
    } else {
      const value = readCell(cell, slot.spec, scope);
      if (value !== undefined)
        values[plan.layout.renames?.[slot.spec.name] ?? slot.spec.name] = value;
    }
  });
  checkSubjectCodes(values, scope);
  const lifecycle = readLifecycle(
    lifecycleCells.status,
    lifecycleCells.dateLastModified,
    context,
    scope,
    context.memory,
  );
  if (lifecycle === undefined || scope.errors > 0 || !plan.valid) return undefined;
  const record: CsvRecord = {
    file: plan.layout.file,
    values: orderLifecycle(values, lifecycle),
    metadata,
  };
  if (plan.layout.derive === undefined) return [record];
  const derived = plan.layout.derive(record);
  for (const note of derived.notes) reportRow(scope, note);
  return derived.records;
}

/** Characters that make a cell unreadable, checked in this order. */
const UNREADABLE = [
  { mark: "\n", rule: "csv.line_break_in_field", message: "The cell holds a line break." },
  {
    mark: "\r",
    rule: "csv.bare_carriage_return",
    message: "The cell holds a lone carriage return.",
  },
  {
    mark: "\uFFFD",
    rule: "cell.not_utf8",
    message:
      "The cell holds bytes that are not UTF-8 text (the file was probably saved as ANSI or Windows-1252).",
  },
] as const;

function isClean(cell: string, column: string, scope: RowScope): boolean {
  const found = UNREADABLE.find(({ mark }) => cell.includes(mark));
  if (found !== undefined) {
    reportRow(scope, { column, rule: found.rule, message: found.message });
    return false;
  }
  const control = findControlCharacter(cell);
  if (control === undefined) return true;
  reportRow(scope, {
    column,
    rule: "cell.control_character",
    message: `The cell holds the invisible control character ${control.name} at character ${control.position}.`,
  });
  return false;
}

function readCell(cell: string, spec: ColumnSpec, scope: RowScope): CsvValue | undefined {
  const text = spec.format.kind === "string" ? cell : cell.trim();
  if (text !== cell && text !== "") {
    reportRow(scope, {
      column: spec.name,
      rule: "cell.whitespace",
      value: cell,
      message: "The spaces around the value were removed.",
    });
  }
  if (text === "") {
    if (spec.required) {
      reportRow(scope, {
        column: spec.name,
        rule: "cell.required",
        message: `${spec.name} is required.`,
      });
    }
    return undefined;
  }
  const parsed = parseCell(text, spec.format);
  if (!parsed.ok) {
    reportRow(scope, { column: spec.name, value: text, ...parsed.error });
    return undefined;
  }
  if (parsed.warning !== undefined)
    reportRow(scope, { column: spec.name, value: text, ...parsed.warning });
  return parsed.value;
}

/** `subjectCodes` pairs with `subjects` item by item. */
function checkSubjectCodes(values: Record<string, CsvValue | undefined>, scope: RowScope): void {
  const { subjects, subjectCodes } = values;
  if (!Array.isArray(subjects) || !Array.isArray(subjectCodes)) return;
  if (subjects.length === subjectCodes.length) return;
  reportRow(scope, {
    column: "subjectCodes",
    rule: "cell.subject_codes_mismatch",
    message: `subjectCodes lists ${subjectCodes.length} item(s) but subjects lists ${subjects.length}.`,
  });
}

/** Keeps sourcedId, status, dateLastModified first, as in the file. */
function orderLifecycle(
  values: Record<string, CsvValue | undefined>,
  lifecycle: { status: string; dateLastModified?: string },
): Record<string, CsvValue | undefined> {
  const { sourcedId, ...rest } = values;
  return { sourcedId, ...lifecycle, ...rest };
}
