import type { Readable } from "node:stream";
import { admitEntries, type RawEntry } from "./admit-entries.ts";
import type { BindingFile } from "./entry-names.ts";
import type { InflateBudget, PackageLimits } from "./package-limits.ts";
import type { ReportCollector } from "./report.ts";

export interface EntryReader {
  /** Streams one entry, counting its bytes against the shared budget. */
  open(entryName: string, budget: InflateBudget): Promise<Readable>;
  close(): Promise<void>;
}

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
