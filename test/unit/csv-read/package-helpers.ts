import { createWriteStream } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { ZipFile } from "yazl";
import type { FileName } from "../../../src/csv/catalogue.ts";
import {
  openOneRosterPackage,
  type PackageRow,
  readPackage,
} from "../../../src/csv/read-package.ts";
import type { ImportReport, Problem } from "../../../src/csv/report.ts";

export const FIXTURES = new URL("../../../fixtures/csv/", import.meta.url).pathname;

/** Everything a package gives: its report and every accepted row. */
export interface ReadResult {
  report: ImportReport;
  rows: PackageRow[];
  bytesRead: number;
}

/** Opens a package, reads every row and closes it. */
export async function readAll(path: string, options?: Parameters<typeof openOneRosterPackage>[1]) {
  const pkg = await openOneRosterPackage(path, options);
  const rows: PackageRow[] = [];
  try {
    for await (const row of readPackage(pkg)) rows.push(row);
  } finally {
    await pkg.close();
  }
  return { report: pkg.report, rows, bytesRead: pkg.source?.bytesRead ?? 0 } satisfies ReadResult;
}

/** The records of one 1.2.1 file, by sourcedId. */
export function recordsOf(rows: readonly PackageRow[], file: FileName) {
  return new Map(
    rows
      .filter((row) => row.record.file === file)
      .map((row) => [String(row.record.values.sourcedId), row.record]),
  );
}

/** The problems of one rule, in the order found. */
export function problemsOf(report: ImportReport, rule: string): Problem[] {
  return report.problems.filter((problem) => problem.rule === rule);
}

export interface ZipItem {
  name: string;
  data?: string | Buffer;
  stream?: Readable;
  directory?: boolean;
}

/** Writes a zip made with yazl, streaming entries given as streams. */
export async function writeZip(path: string, items: readonly ZipItem[]): Promise<string> {
  const zip = new ZipFile();
  for (const item of items) {
    if (item.directory === true) zip.addEmptyDirectory(item.name);
    else if (item.stream !== undefined) zip.addReadStream(item.stream, item.name);
    else zip.addBuffer(Buffer.from(item.data ?? ""), item.name);
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
  return path;
}

/** The entries of a fixture folder, as zip items. */
export async function fixtureItems(folder: string): Promise<ZipItem[]> {
  const names = (await readdir(folder, { withFileTypes: true })).filter((entry) => entry.isFile());
  return Promise.all(
    names.map(async (entry) => ({
      name: entry.name,
      data: await readFile(join(folder, entry.name)),
    })),
  );
}

/** A temporary folder for one test file, removed by the returned cleanup. */
export async function temporaryFolder(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), "csv-read-"));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
