import { basename } from "node:path";
import { Readable } from "node:stream";
import { type Entry, getFileNameLowLevel, openPromise, type ZipFile } from "yauzl";
import type { RawEntry } from "./admit-entries.ts";
import { admittedSource, type PackageSource } from "./admitted-source.ts";
import { createByteLimit, EntryReadError, type PackageLimits } from "./package-limits.ts";
import { addProblem, type ReportCollector } from "./report.ts";

/**
 * Lists a zip from its central directory (nothing is inflated) and admits its entries. Entry
 * streams are inflated lazily and counted byte by byte against the declared sizes and limits.
 *
 * @example
 * const source = await openZipSource("district.zip", collector, DEFAULT_PACKAGE_LIMITS);
 */
export async function openZipSource(
  path: string,
  collector: ReportCollector,
  limits: PackageLimits,
): Promise<PackageSource | undefined> {
  const name = basename(path);
  const unreadable = (reason: unknown) => {
    addProblem(collector, {
      file: name,
      rule: "zip.unreadable",
      message: `${name} cannot be read as a zip file (${reason instanceof Error ? reason.message : String(reason)}).`,
    });
    return undefined;
  };
  let zip: ZipFile;
  try {
    // Names are decoded and checked here rather than by yauzl, which would abort the whole
    // listing on the first unsafe path instead of letting every problem be reported.
    zip = await openPromise(path, {
      lazyEntries: true,
      autoClose: false,
      decodeStrings: false,
      validateEntrySizes: false,
    });
  } catch (reason) {
    return unreadable(reason);
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    addProblem(collector, {
      file: name,
      rule: "zip.too_many_entries",
      message: `${name} holds ${zip.entryCount} entries; at most ${limits.maxEntries} are accepted.`,
    });
    return undefined;
  }
  const byName = new Map<string, Entry>();
  const listing: RawEntry[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      const entryName = getFileNameLowLevel(
        entry.generalPurposeBitFlag,
        entry.fileNameRaw,
        entry.extraFields,
        false,
      );
      if (!byName.has(entryName)) byName.set(entryName, entry);
      listing.push({
        name: entryName,
        directory: entryName.endsWith("/"),
        size: entry.uncompressedSize,
        compressedSize: entry.compressedSize,
        encrypted: entry.isEncrypted(),
        // An encrypted entry is refused as such, not as an unreadable compression method.
        decodable: entry.isEncrypted() || entry.canDecodeFileData(),
      });
    }
  } catch (reason) {
    zip.close();
    return unreadable(reason);
  }
  return admittedSource(name, listing, collector, limits, {
    async open(entryName, budget) {
      const entry = byName.get(entryName);
      if (entry === undefined) throw new Error(`${entryName} is not an entry of ${name}`);
      const inflating = await zip.openReadStreamPromise(entry).catch((reason: unknown) =>
        // The central directory can be intact while an entry's own header is damaged; the
        // reader reports the failure against the entry once it starts reading.
        failingStream(
          new EntryReadError({
            file: entryName,
            rule: "zip.unreadable",
            message: `${entryName} in ${name} is damaged and cannot be inflated (${reason instanceof Error ? reason.message : String(reason)}).`,
          }),
        ),
      );
      const counted = createByteLimit(entryName, entry.uncompressedSize, limits, budget);
      // A limit error ends the counter; the inflater must stop too, or it keeps reading the zip.
      counted.on("error", () => inflating.destroy());
      counted.on("close", () => inflating.destroy());
      inflating.on("error", (reason) => counted.destroy(reason));
      return inflating.pipe(counted);
    },
    async close() {
      zip.close();
    },
  });
}

/** A stream that fails with `error` when first read, once its reader is listening. */
function failingStream(error: Error): Readable {
  return new Readable({
    read() {
      this.destroy(error);
    },
  });
}
