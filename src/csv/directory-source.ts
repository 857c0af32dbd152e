import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import type { RawEntry } from "./admit-entries.ts";
import { admittedSource, type PackageSource } from "./admitted-source.ts";
import { createByteLimit, type PackageLimits } from "./package-limits.ts";
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
  return admittedSource(name, listing, collector, limits, {
    async open(entryName, budget) {
      // A file can grow after it was listed, so the limits are enforced while reading as well.
      const counted = createByteLimit(entryName, undefined, limits, budget);
      const file = createReadStream(join(path, entryName));
      file.on("error", (reason) => counted.destroy(reason));
      counted.on("close", () => file.destroy());
      return file.pipe(counted);
    },
    async close() {},
  });
}
