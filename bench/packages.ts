import { execFileSync } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { join } from "node:path";
import { createPackageWriter } from "../src/csv/index.ts";
import type { CsvRecord } from "../src/entities/csv-record.ts";
import {
  GENERATED_METADATA_COLUMNS,
  generateDistrict,
  writeGeneratedDistrict,
} from "../src/generate/index.ts";

const CHANGED_AT = "2030-01-01T00:00:00.000Z";

export interface BenchPackages {
  /** The bulk package. */
  bulk: string;
  /** Its CSV files, unzipped, for the raw floor. */
  csvDir: string;
  /** A delta package changing `deltaRows` users (1 % of the bulk package's rows). */
  delta: string;
  deltaRows: number;
  /** Rows of the bulk package, all files. */
  rows: number;
}

/**
 * A generated district of `students` as a bulk package, its CSV bytes unzipped, and a delta
 * package that changes the given name of 1 % of the package's row count in users.
 */
export async function writeBenchPackages(dir: string, students: number): Promise<BenchPackages> {
  const bulk = join(dir, `district-${students}.zip`);
  const counts = await writeGeneratedDistrict(bulk, { students, seed: 1 });
  const rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const csvDir = join(dir, `district-${students}`);
  mkdirSync(csvDir, { recursive: true });
  execFileSync("unzip", ["-q", "-o", bulk, "-d", csvDir]);

  const wanted = Math.max(1, Math.round(rows / 100));
  const every = Math.max(1, Math.floor(counts.users / wanted));
  const delta = join(dir, `delta-${students}.zip`);
  let deltaRows = 0;
  function* changedUsers(): Generator<CsvRecord> {
    let i = 0;
    for (const record of generateDistrict({ students, seed: 1 }).users()) {
      if (i++ % every !== 0 || deltaRows >= wanted) continue;
      deltaRows += 1;
      const values = {
        ...record.values,
        status: "active",
        dateLastModified: CHANGED_AT,
        givenName: `${record.values.givenName}x`,
      };
      yield { ...record, values };
    }
  }
  const writer = createPackageWriter(createWriteStream(delta), { systemName: "bench delta" });
  await writer.addFile("users", "delta", changedUsers(), GENERATED_METADATA_COLUMNS.users);
  await writer.finish();
  return { bulk, csvDir, delta, deltaRows, rows };
}
