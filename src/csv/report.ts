import { printable } from "./control-characters.ts";
import { RULES, type RuleCode, type Severity } from "./rules.ts";

/** One thing wrong (error) or tolerated (warning) in a package, located as precisely as known. */
export interface Problem {
  severity: Severity;
  /** Entry name (`users.csv`), or the package name for problems of the package as a whole. */
  file: string;
  /** 1-based line of the file where the row starts. */
  line?: number;
  column?: string;
  rule: RuleCode;
  /** The offending text, cut to {@link MAX_VALUE_LENGTH}; never set for password columns. */
  value?: string;
  message: string;
  fix: string;
}

/** Rows seen per file; the loader fills the last four. */
export interface FileCounters {
  read: number;
  rejected: number;
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

export interface RuleCount {
  severity: Severity;
  /** All occurrences, including those not kept in `problems`. */
  count: number;
}

/** The whole outcome of reading a package: plain data, safe to `JSON.stringify`. */
export interface ImportReport {
  package: string;
  status: "accepted" | "rejected";
  errors: number;
  warnings: number;
  /** At most {@link ReportOptions.maxProblemsPerRule} per file and rule, in the order found. */
  problems: Problem[];
  /** Occurrences per file, then per rule. */
  counts: Record<string, Record<string, RuleCount>>;
  files: Record<string, FileCounters>;
}

export interface ReportOptions {
  maxProblemsPerRule: number;
}

export const DEFAULT_REPORT_OPTIONS: ReportOptions = { maxProblemsPerRule: 100 };
export const MAX_VALUE_LENGTH = 80;

/** What a caller states about a problem; severity and the default fix come from the rule. */
export interface ProblemInput {
  file: string;
  rule: RuleCode;
  message: string;
  line?: number;
  column?: string;
  value?: string;
  fix?: string;
}

/** A report being filled, with the cap that keeps it small however many rows are bad. */
export interface ReportCollector {
  readonly report: ImportReport;
  readonly options: ReportOptions;
}

/**
 * Starts an empty report for one package.
 *
 * @example
 * const collector = createReport("district.zip");
 * collector.report.status; // "accepted"
 */
export function createReport(
  packageName: string,
  options: ReportOptions = DEFAULT_REPORT_OPTIONS,
): ReportCollector {
  return {
    options,
    report: {
      package: packageName,
      status: "accepted",
      errors: 0,
      warnings: 0,
      problems: [],
      counts: {},
      files: {},
    },
  };
}

/**
 * Records a problem: always counted, kept in full only while its file and rule are under the cap.
 * Returns the severity so a caller can tell whether the row is rejected.
 *
 * @example
 * addProblem(collector, { file: "users.csv", line: 4, column: "enabledUser", rule: "cell.boolean_case",
 *   value: "TRUE", message: '"TRUE" was read as true.' }); // "warning"
 */
export function addProblem(collector: ReportCollector, raw: ProblemInput): Severity {
  const { report, options } = collector;
  const input = printableProblem(raw);
  const { severity, fix } = RULES[input.rule];
  const perFile = report.counts[input.file] ?? {};
  report.counts[input.file] = perFile;
  const tally = perFile[input.rule] ?? { severity, count: 0 };
  perFile[input.rule] = tally;
  tally.count += 1;
  if (severity === "error") {
    report.errors += 1;
    report.status = "rejected";
  } else {
    report.warnings += 1;
  }
  if (tally.count <= options.maxProblemsPerRule) {
    report.problems.push({
      severity,
      file: input.file,
      ...(input.line === undefined ? {} : { line: input.line }),
      ...(input.column === undefined ? {} : { column: input.column }),
      rule: input.rule,
      ...(input.value === undefined ? {} : { value: truncate(input.value) }),
      message: input.message,
      fix: input.fix ?? fix,
    });
  }
  return severity;
}

/** File names, headers and cells quoted in a problem come from the upload and may hold anything. */
function printableProblem(input: ProblemInput): ProblemInput {
  const { file, message, column, value, fix } = input;
  return {
    ...input,
    file: printable(file),
    message: printable(message),
    ...(column === undefined ? {} : { column: printable(column) }),
    ...(value === undefined ? {} : { value: printable(value) }),
    ...(fix === undefined ? {} : { fix: printable(fix) }),
  };
}

/**
 * The row counters of one file, created on first use.
 *
 * @example
 * fileCounters(collector, "users.csv").read += 1;
 */
export function fileCounters(collector: ReportCollector, file: string): FileCounters {
  const existing = collector.report.files[file];
  if (existing !== undefined) return existing;
  const counters = { read: 0, rejected: 0, inserted: 0, updated: 0, unchanged: 0, deleted: 0 };
  collector.report.files[file] = counters;
  return counters;
}

function truncate(value: string): string {
  return value.length <= MAX_VALUE_LENGTH ? value : `${value.slice(0, MAX_VALUE_LENGTH - 1)}…`;
}

/**
 * Renders a report for a terminal: a verdict, then each file's counters (rows read and rejected,
 * then what the import inserted, updated, left unchanged and marked `tobedeleted`) and problems as
 * `line:column  severity  rule  message` with the fix under it.
 *
 * @example
 * console.log(formatReport(report));
 * // district.zip: REJECTED (2 errors, 1 warning)
 * //
 * // users.csv: 6 rows read, 6 rejected | 0 inserted, 0 updated, 0 unchanged, 0 marked tobedeleted
 * //   3:dateLastModified  error  cell.invalid_datetime  "1/05/2023" is not a date-time…
 * //       fix: Write the date-time as YYYY-MM-DDTHH:MM:SS.sssZ in UTC, …
 */
export function formatReport(report: ImportReport): string {
  const verdict = report.status === "rejected" ? "REJECTED" : "ACCEPTED";
  const lines = [
    `${report.package}: ${verdict} (${plural(report.errors, "error")}, ${plural(report.warnings, "warning")})`,
  ];
  for (const file of filesInOrder(report)) {
    lines.push("", fileTitle(file, report.files[file]));
    for (const problem of report.problems.filter((p) => p.file === file)) {
      const where = [problem.line, problem.column].filter((part) => part !== undefined).join(":");
      const shown = problem.value === undefined || problem.message.includes(problem.value);
      const value = shown ? "" : ` [${JSON.stringify(problem.value)}]`;
      lines.push(
        `  ${where || "-"}  ${problem.severity}  ${problem.rule}  ${problem.message}${value}`,
      );
      lines.push(`      fix: ${problem.fix}`);
    }
    for (const [rule, tally] of Object.entries(report.counts[file] ?? {})) {
      const hidden =
        tally.count - report.problems.filter((p) => p.file === file && p.rule === rule).length;
      if (hidden > 0) lines.push(`  … and ${plural(hidden, `more ${rule} problem`)}`);
    }
  }
  return lines.join("\n");
}

/** The package itself, then its manifest, then the files in the order they were read. */
function filesInOrder(report: ImportReport): string[] {
  const names = new Set([
    report.package,
    "manifest.csv",
    ...Object.keys(report.files),
    ...Object.keys(report.counts),
  ]);
  return [...names].filter((name) => name in report.counts || name in report.files);
}

function fileTitle(file: string, counters: FileCounters | undefined): string {
  if (counters === undefined) return `${file}:`;
  const { read, rejected, inserted, updated, unchanged, deleted } = counters;
  const changes = `${count(inserted)} inserted, ${count(updated)} updated, ${count(unchanged)} unchanged, ${count(deleted)} marked tobedeleted`;
  return `${file}: ${plural(read, "row")} read, ${count(rejected)} rejected | ${changes}`;
}

function plural(n: number, noun: string): string {
  return `${count(n)} ${noun}${n === 1 ? "" : "s"}`;
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}
