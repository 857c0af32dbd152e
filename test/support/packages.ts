import { createWriteStream, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FILE_NAMES, type FileName } from "../../src/csv/catalogue.ts";
import type { FileMode } from "../../src/csv/lifecycle.ts";
import { createPackageWriter } from "../../src/csv/write-package.ts";
import type { CsvRecord } from "../../src/entities/csv-record.ts";
import { GENERATED_METADATA_COLUMNS, generateDistrict } from "../../src/generate/index.ts";

export type PackageFiles = Partial<
  Record<FileName, { mode: FileMode; records: readonly CsvRecord[] }>
>;

/** A fresh temporary folder for one test file's packages. */
export const scratchDir = () => mkdtempSync(join(tmpdir(), "tsa-packages-"));

/** Every file of a generated district as bulk records (held in memory: keep the district small). */
export function districtFiles(students: number, seed = 7): PackageFiles {
  const files = generateDistrict({ students, seed });
  const out: PackageFiles = {};
  for (const name of FILE_NAMES) {
    const records = [...files[name]()];
    if (records.length > 0) out[name] = { mode: "bulk", records };
  }
  return out;
}

/** Writes a package zip from records, with the metadata columns they carry. */
export async function writePackage(path: string, files: PackageFiles): Promise<string> {
  const writer = createPackageWriter(createWriteStream(path), { systemName: "test" });
  for (const name of FILE_NAMES) {
    const file = files[name];
    if (!file) continue;
    const metadata = new Set<string>(GENERATED_METADATA_COLUMNS[name] ?? []);
    for (const record of file.records)
      for (const key of Object.keys(record.metadata)) metadata.add(key);
    await writer.addFile(name, file.mode, file.records, [...metadata]);
  }
  await writer.finish();
  return path;
}

/** A delta record: the same values with a status and a modification time. */
export function asDelta(
  record: CsvRecord,
  status: "active" | "tobedeleted",
  at = new Date(),
): CsvRecord {
  return { ...record, values: { ...record.values, status, dateLastModified: at.toISOString() } };
}
