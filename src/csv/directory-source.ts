import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import type { Readable } from "node:stream";
import { admitEntries, type RawEntry } from "./admit-entries.ts";
import { createByteLimit, type InflateBudget, type PackageLimits } from "./package-limits.ts";
import type { PackageSource } from "./package-source.ts";
import type { ReportCollector } from "./report.ts";

/**
 * Reads a folder of CSV files as a package, under the same name and size rules as a zip
 * (sub-folders count as directory entries; sizes come from the disk).
 *
 * @example
 * const source = await openDirectorySource("fixtures/csv/valid-bulk-1.2", collector, limits);
 */
export async function openDirectorySource(
  path: string,
  collector: ReportCollector,
  limits: PackageLimits,
): Promise<PackageSource> {
  const name = basename(path);
  const listing: RawEntry[] = [];
  for (const dirent of await readdir(path, { withFileTypes: true })) {
    const directory = dirent.isDirectory();
    const size = directory ? 0 : (await stat(join(path, dirent.name))).size;
    listing.push({ name: directory ? `${dirent.name}/` : dirent.name, directory, size });
  }
  listing.sort((a, b) => a.name.localeCompare(b.name));
  const admitted = admitEntries(name, listing, collector, limits);
  const readable = new Set([...admitted.files.values(), ...admitted.misnamed.keys()]);
  const budget: InflateBudget = { inflated: 0, limit: limits.maxInflatedBytes };
  return {
    name,
    files: admitted.files,
    misnamed: admitted.misnamed,
    bytesTotal: admitted.bytes,
    get bytesRead() {
      return budget.inflated;
    },
    async open(entryName: string): Promise<Readable> {
      if (!readable.has(entryName))
        throw new Error(`${entryName} is not an admitted entry of ${name}`);
      // A file can grow after it was listed, so the limits are enforced while reading as well.
      const counted = createByteLimit(entryName, undefined, limits, budget);
      const file = createReadStream(join(path, entryName));
      file.on("error", (reason) => counted.destroy(reason));
      counted.on("close", () => file.destroy());
      return file.pipe(counted);
    },
    async close() {},
  };
}
