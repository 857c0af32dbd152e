import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { Readable } from "node:stream";
import { openDirectorySource } from "./directory-source.ts";
import type { BindingFile } from "./entry-names.ts";
import type { PackageLimits } from "./package-limits.ts";
import { addProblem, type ReportCollector } from "./report.ts";
import { openZipSource } from "./zip-source.ts";

/** A zip file or a folder, listed and checked, whose entries can be streamed one at a time. */
export interface PackageSource {
  /** Name shown in the report for problems of the package as a whole. */
  readonly name: string;
  /** The binding files present and admitted, mapped to their entry names. */
  readonly files: ReadonlyMap<BindingFile, string>;
  /** Entries refused only for their letter case, mapped to the file they were meant to be. */
  readonly misnamed: ReadonlyMap<string, BindingFile>;
  /** Bytes inflated (zip) or read (folder) so far: zero until an entry is opened. */
  readonly bytesRead: number;
  /** Inflated bytes of all admitted entries: what `bytesRead` reaches when all is read. */
  readonly bytesTotal: number;
  /** Streams one admitted entry (or a misnamed one, for its header check). */
  open(entryName: string): Promise<Readable>;
  close(): Promise<void>;
}

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
