import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { createPackageWriter, FILE_NAMES, type FileName } from "../csv/index.ts";
import type { CsvRecord } from "../entities/csv-record.ts";
import { GENERATED_METADATA_COLUMNS, generateDistrict } from "./district.ts";
import type { DistrictOptions } from "./plan.ts";

export interface GenerationProgress {
  file: FileName;
  /** Rows of `file` written so far. */
  fileRows: number;
  /** Rows of all files written so far. */
  totalRows: number;
}

export interface WriteDistrictOptions extends DistrictOptions {
  /** Called every 10,000 rows and at the end of each file. */
  onProgress?: (progress: GenerationProgress) => void;
}

const PROGRESS_EVERY = 10_000;

/**
 * Generates a synthetic district and streams it to `outPath` as a bulk OneRoster 1.2 package,
 * resolving with each file's row count. On failure the partial file is removed.
 *
 * @example
 * await writeGeneratedDistrict("district.zip", { students: 100_000, seed: 1 });
 */
export async function writeGeneratedDistrict(
  outPath: string,
  options: WriteDistrictOptions,
): Promise<Record<FileName, number>> {
  const files = generateDistrict(options);
  const pkg = createPackageWriter(createWriteStream(outPath), {
    systemName: "TSA Coach Gateway synthetic district",
  });
  const counts = {} as Record<FileName, number>;
  let totalRows = 0;
  const report = (file: FileName, fileRows: number) =>
    options.onProgress?.({ file, fileRows, totalRows });

  function* counted(file: FileName, records: Iterable<CsvRecord>): Generator<CsvRecord> {
    let fileRows = 0;
    for (const record of records) {
      yield record;
      fileRows += 1;
      totalRows += 1;
      if (fileRows % PROGRESS_EVERY === 0) report(file, fileRows);
    }
    report(file, fileRows);
  }

  try {
    for (const file of FILE_NAMES) {
      const records = counted(file, files[file]());
      counts[file] = await pkg.addFile(file, "bulk", records, GENERATED_METADATA_COLUMNS[file]);
    }
    await pkg.finish();
    return counts;
  } catch (error) {
    await rm(outPath, { force: true });
    throw error;
  }
}
