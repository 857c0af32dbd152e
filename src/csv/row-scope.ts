import { addProblem, type ProblemInput, type ReportCollector } from "./report.ts";

/** Where a row's problems go, and how many errors it has so far (any error rejects the row). */
export interface RowScope {
  readonly collector: ReportCollector;
  readonly file: string;
  readonly line: number;
  errors: number;
}

/** Columns whose values must never be copied into a report. */
const SECRET_COLUMNS = new Set(["password"]);

/**
 * Reports a problem of the row in scope, leaving out the value of a secret column.
 *
 * @example
 * reportRow(scope, { column: "enabledUser", rule: "cell.boolean_case", value: "TRUE",
 *   message: '"TRUE" was read as true.' });
 */
export function reportRow(scope: RowScope, input: Omit<ProblemInput, "file" | "line">): void {
  const { value, ...rest } = input;
  const secret = input.column !== undefined && SECRET_COLUMNS.has(input.column);
  const problem: ProblemInput = { file: scope.file, line: scope.line, ...rest };
  if (value !== undefined && !secret) problem.value = value;
  if (addProblem(scope.collector, problem) === "error") scope.errors += 1;
}
