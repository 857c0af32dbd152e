import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { PackageSource } from "./admitted-source.ts";
import { openDirectorySource } from "./directory-source.ts";
import type { PackageLimits } from "./package-limits.ts";
import { addProblem, type ReportCollector } from "./report.ts";
import { openZipSource } from "./zip-source.ts";

export type { PackageSource };

/**
 * Opens a zip file or a folder as a package. Problems (unreadable zip, refused entries, limits)
 * go to the report; `undefined` comes back only when nothing at all can be read.
 *
 * @example
 * const source = await openPackageSource("district.zip", collector, DEFAULT_PACKAGE_LIMITS);
 * source?.files.get("users"); // "users.csv"
 */
export async function openPackageSource(
  path: string,
  collector: ReportCollector,
  limits: PackageLimits,
): Promise<PackageSource | undefined> {
  const name = basename(path);
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) {
    addProblem(collector, {
      file: name,
      rule: "package.unreadable",
      message: `${name} does not exist or cannot be read.`,
    });
    return undefined;
  }
  return info.isDirectory()
    ? openDirectorySource(path, collector, limits)
    : openZipSource(path, collector, limits);
}
