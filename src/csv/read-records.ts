import type { CsvRecord } from "../entities/csv-record.ts";
import type { FileName } from "./catalogue.ts";
import { readCsvRows } from "./csv-rows.ts";
import { checkHeader, type HeaderPlan } from "./header.ts";
import { type CsvVersion, layoutsFor } from "./layouts.ts";
import { type FileMode, newLifecycleMemory } from "./lifecycle.ts";
import type { PackageSource } from "./package-source.ts";
import { addProblem, fileCounters, type ReportCollector } from "./report.ts";
import { readRow } from "./row.ts";

/** A record and the line of the file it comes from. */
export interface ReadRow {
  line: number;
  record: CsvRecord;
}

export interface ReadOptions {
  mode: FileMode;
  version: CsvVersion;
}

/**
 * Streams the valid records of one data file, checking its header and then each row on its own
 * (memory does not grow with the file). Problems go to the report and the file's `read` and
 * `rejected` counters; a row with an error is not yielded, and no row is yielded at all when the
 * header is wrong. `record.file` may differ from `file`: a 1.1 `users.csv` also yields `roles`
 * records, and a pre-1.2.1 one `userResources` records, right after the user they come from.
 *
 * @example
 * for await (const { line, record } of readRecords(source, "users", { mode: "bulk", version: "1.2" }, collector)) {
 *   stage(record);
 * }
 */
export async function* readRecords(
  source: PackageSource,
  file: FileName,
  options: ReadOptions,
  collector: ReportCollector,
): AsyncGenerator<ReadRow> {
  const entry = source.files.get(file);
  if (entry === undefined) throw new Error(`${file}.csv is not in package ${source.name}`);
  const counters = fileCounters(collector, entry);
  const memory = newLifecycleMemory();
  const csv = readCsvRows(await source.open(entry), entry, collector);
  let plan: HeaderPlan | undefined;
  for await (const row of csv.rows) {
    if (plan === undefined) {
      plan = checkHeader(row.cells, layoutsFor(file, options.version), entry, collector);
      if (plan.unreadable) break;
      continue;
    }
    counters.read += 1;
    const records = readRow(row, { entry, ...options, plan, collector, memory });
    if (records === undefined) {
      counters.rejected += 1;
      continue;
    }
    for (const record of records) yield { line: row.line, record };
  }
  if (csv.aborted || plan?.unreadable) return;
  if (plan === undefined) {
    addProblem(collector, { file: entry, rule: "file.empty", message: `${entry} is empty.` });
  } else if (counters.read === 0) {
    addProblem(collector, {
      file: entry,
      line: 1,
      rule: "file.no_data_rows",
      message: `${entry} has a header but no data rows; a file with nothing to send must be marked absent in the manifest.`,
    });
  }
}

/**
 * Checks only the header of an entry refused for its name's letter case, against the file it was
 * meant to be, so the person learns of both problems in one report.
 *
 * @example
 * await checkMisnamedHeader(source, "userprofiles.csv", "userProfiles", "1.2", collector);
 */
export async function checkMisnamedHeader(
  source: PackageSource,
  entry: string,
  meant: FileName,
  version: CsvVersion,
  collector: ReportCollector,
): Promise<void> {
  const csv = readCsvRows(await source.open(entry), entry, collector);
  for await (const row of csv.rows) {
    checkHeader(row.cells, layoutsFor(meant, version), entry, collector);
    break;
  }
}
