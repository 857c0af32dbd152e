import { basename } from "node:path";
import { FILE_NAMES, type FileName, LOAD_ORDER } from "./catalogue.ts";
import type { CsvVersion } from "./layouts.ts";
import type { FileMode } from "./lifecycle.ts";
import { type Manifest, readManifest } from "./manifest.ts";
import { DEFAULT_PACKAGE_LIMITS, type PackageLimits } from "./package-limits.ts";
import { openPackageSource, type PackageSource } from "./package-source.ts";
import { checkMisnamedHeader, type ReadRow, readRecords } from "./read-records.ts";
import {
  addProblem,
  createReport,
  DEFAULT_REPORT_OPTIONS,
  type ImportReport,
  type ReportCollector,
  type ReportOptions,
} from "./report.ts";

export interface OpenPackageOptions {
  limits?: Partial<PackageLimits>;
  report?: Partial<ReportOptions>;
}

/** A data file the manifest sends and the package holds. */
export interface PackageFile {
  name: FileName;
  mode: FileMode;
}

/** An opened package: its listing and manifest checked, its data files not read yet. */
export interface OneRosterPackage {
  readonly collector: ReportCollector;
  readonly report: ImportReport;
  /** Undefined when the path could not be opened at all (reported). */
  readonly source: PackageSource | undefined;
  readonly manifest: Manifest | undefined;
  readonly version: CsvVersion;
  /** The files to read, in load order. */
  readonly files: readonly PackageFile[];
  close(): Promise<void>;
}

export interface PackageRow extends ReadRow {
  /** The file the row was read from (`record.file` may be a file derived from it). */
  file: FileName;
  mode: FileMode;
}

/**
 * Opens a zip or folder package: lists and checks its entries (limits, names), reads the
 * manifest and checks it against the entries. Never throws for a bad package; every problem is
 * in `report`, which is "rejected" as soon as there is an error.
 *
 * @example
 * const pkg = await openOneRosterPackage("district.zip");
 * for await (const row of readPackage(pkg)) stage(row.record);
 * await pkg.close();
 * console.log(formatReport(pkg.report));
 */
export async function openOneRosterPackage(
  path: string,
  options: OpenPackageOptions = {},
): Promise<OneRosterPackage> {
  const limits = { ...DEFAULT_PACKAGE_LIMITS, ...options.limits };
  const collector = createReport(basename(path), {
    ...DEFAULT_REPORT_OPTIONS,
    ...options.report,
  });
  const source = await openPackageSource(path, collector, limits);
  const manifest = source === undefined ? undefined : await readManifest(source, collector);
  const version = manifest?.version ?? "1.2";
  const files: PackageFile[] = [];
  if (source !== undefined && manifest !== undefined) {
    checkDeclarations(source, manifest, collector);
    for (const [entry, meant] of source.misnamed) {
      if (meant !== "manifest") await checkMisnamedHeader(source, entry, meant, version, collector);
    }
    for (const name of LOAD_ORDER) {
      const mode = manifest.modes.get(name);
      if (source.files.has(name) && (mode === "bulk" || mode === "delta"))
        files.push({ name, mode });
    }
  }
  return {
    collector,
    report: collector.report,
    source,
    manifest,
    version,
    files,
    close: async () => source?.close(),
  };
}

/**
 * Streams every valid record of the package, file by file in load order.
 *
 * @example
 * for await (const { file, mode, line, record } of readPackage(pkg)) loader.add(record);
 */
export async function* readPackage(pkg: OneRosterPackage): AsyncGenerator<PackageRow> {
  if (pkg.source === undefined) return;
  for (const { name, mode } of pkg.files) {
    const rows = readRecords(pkg.source, name, { mode, version: pkg.version }, pkg.collector);
    for await (const row of rows) yield { file: name, mode, ...row };
  }
}

/**
 * Reads a whole package without keeping anything and returns its report (a dry run).
 *
 * @example
 * const report = await validatePackage("district.zip");
 * report.status; // "accepted" | "rejected"
 */
export async function validatePackage(
  path: string,
  options: OpenPackageOptions = {},
): Promise<ImportReport> {
  const pkg = await openOneRosterPackage(path, options);
  try {
    for await (const _row of readPackage(pkg)) {
      // Records are only checked here; loading them is the loader's business.
    }
  } finally {
    await pkg.close();
  }
  return pkg.report;
}

/** A file sent must be declared bulk or delta, and a file declared so must be sent. */
function checkDeclarations(source: PackageSource, manifest: Manifest, collector: ReportCollector) {
  for (const name of FILE_NAMES) {
    if (manifest.undecided.has(name)) continue;
    const mode = manifest.modes.get(name) ?? "absent";
    const entry = `${name}.csv`;
    if (mode !== "absent" && !source.files.has(name)) {
      const misnamed = [...source.misnamed].find(([, meant]) => meant === name)?.[0];
      addProblem(collector, {
        file: entry,
        rule: "package.missing_file",
        message:
          `manifest.csv marks ${entry} ${mode}, but the package does not hold it` +
          (misnamed === undefined ? "." : ` (it holds ${misnamed}; names are case-sensitive).`),
      });
    } else if (mode === "absent" && source.files.has(name)) {
      addProblem(collector, {
        file: entry,
        rule: "package.undeclared_file",
        message: `${entry} is in the package, but manifest.csv marks it absent (or does not list it), so it would be ignored.`,
      });
    }
  }
}
