import type { Readable } from "node:stream";
import { admitEntries, type RawEntry } from "./admit-entries.ts";
import type { InflateBudget, PackageLimits } from "./package-limits.ts";
import type { PackageSource } from "./package-source.ts";
import type { ReportCollector } from "./report.ts";

export interface EntryReader {
  /** Streams one entry, counting its bytes against the shared budget. */
  open(entryName: string, budget: InflateBudget): Promise<Readable>;
  close(): Promise<void>;
}

/**
 * A package source over a listing, whatever holds the entries (zip or folder): the entries
 * are admitted by the package rules, and only admitted ones may be opened.
 */
export function admittedSource(
  name: string,
  listing: readonly RawEntry[],
  collector: ReportCollector,
  limits: PackageLimits,
  reader: EntryReader,
): PackageSource {
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
      if (!readable.has(entryName)) {
        throw new Error(`${entryName} is not an admitted entry of ${name}`);
      }
      return reader.open(entryName, budget);
    },
    close: () => reader.close(),
  };
}
