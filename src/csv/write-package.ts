import { once } from "node:events";
import { PassThrough } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import { ZipFile } from "yazl";
import type { CsvRecord } from "../entities/csv-record.ts";
import { FILE_NAMES, type FileName } from "./catalogue.ts";
import { formatCsvLine } from "./format-line.ts";
import { createRowFormatter } from "./format-row.ts";
import type { FileMode } from "./lifecycle.ts";

export interface PackageWriterOptions {
  /** Written as `source.systemName` in the manifest. */
  systemName?: string;
  /** Written as `source.systemCode` in the manifest. */
  systemCode?: string;
  /** Modification time of every entry; fixed by default so equal input gives equal bytes. */
  modifiedAt?: Date;
}

export interface PackageWriter {
  /**
   * Streams one file into the zip and resolves with its row count once the zip has taken it all.
   * A file whose records yield no row is left out and declared `absent`. Files go one at a time.
   */
  addFile(
    file: FileName,
    mode: FileMode,
    records: AsyncIterable<CsvRecord> | Iterable<CsvRecord>,
    metadataColumns?: readonly string[],
  ): Promise<number>;
  /** Writes `manifest.csv`, closes the zip and resolves once `output` has received every byte. */
  finish(): Promise<void>;
}

// Batching rows keeps stream overhead per row low while memory stays bounded by the batch.
const CHUNK_CHARS = 64 * 1024;
const CRLF = "\r\n";
// DOS timestamps hold local wall-clock time; building the default from local parts (and writing
// no UTC extra field) keeps the bytes the same in every time zone.
const DEFAULT_MODIFIED_AT = new Date(2000, 0, 1);

/**
 * Writes a OneRoster 1.2 CSV package as a zip to `output`, one file at a time, with memory that
 * does not grow with the number of rows. Entries sit at the archive root in the order they were
 * added, `manifest.csv` last, each with the same timestamp. If a record is refused, the call
 * rejects and `output` is destroyed: a partial package must not pass for a complete one.
 *
 * @example
 * const pkg = createPackageWriter(createWriteStream("out.zip"), { systemName: "TSA Coach" });
 * await pkg.addFile("orgs", "bulk", orgRecords(), ["ncesId"]);
 * await pkg.finish();
 */
export function createPackageWriter(
  output: NodeJS.WritableStream,
  options: PackageWriterOptions = {},
): PackageWriter {
  const source = sourceRows(options);
  const modes = new Map<FileName, FileMode>();
  const entryOptions = {
    mtime: options.modifiedAt ?? DEFAULT_MODIFIED_AT,
    mode: 0o100644,
    forceDosTimestamp: true,
  };
  const zip = new ZipFile();
  let entry: PassThrough | undefined;
  let failure: Error | undefined;
  let state: "open" | "busy" | "finished" = "open";

  const written = pipeline(zip.outputStream, output).catch((error: Error) => {
    failure ??= error;
    entry?.destroy(error);
    throw error;
  });
  // Rejections surface through addFile/finish; this only stops an unobserved one crashing Node.
  written.catch(() => {});

  const abandon = async (error: Error): Promise<void> => {
    failure ??= error;
    (zip.outputStream as PassThrough).destroy(error);
    await written.catch(() => {});
  };

  const streamRows = async (
    file: FileName,
    mode: FileMode,
    records: AsyncIterable<CsvRecord> | Iterable<CsvRecord>,
    metadataColumns: readonly string[],
  ): Promise<number> => {
    const rows = createRowFormatter(file, mode, metadataColumns);
    const iterator = iterate(records);
    let step = await iterator.next();
    if (step.done) return 0;

    const current = new PassThrough();
    // A failed output destroys this entry to wake a writer waiting for drain; the error itself
    // reaches the caller through addFile.
    current.on("error", () => {});
    entry = current;
    zip.addReadStream(current, `${file}.csv`, entryOptions);
    const write = async (text: string) => {
      if (failure !== undefined) throw failure;
      if (!current.write(text)) await once(current, "drain");
    };
    let count = 0;
    let chunk = formatCsvLine(rows.header);
    try {
      while (!step.done) {
        count += 1;
        // CRLF goes before each data row, so the file ends without a line break.
        chunk += CRLF + formatCsvLine(rows.cells(step.value, count + 1));
        if (chunk.length >= CHUNK_CHARS) {
          await write(chunk);
          chunk = "";
        }
        // Awaiting only real promises spares a sync source (the usual case) a microtask per row.
        const result = iterator.next();
        step = result instanceof Promise ? await result : result;
      }
      if (chunk.length > 0) await write(chunk);
    } catch (error) {
      await iterator.return?.();
      throw error;
    }
    current.end();
    await finished(current);
    entry = undefined;
    modes.set(file, mode);
    return count;
  };

  return {
    async addFile(file, mode, records, metadataColumns = []) {
      if (failure !== undefined) throw failure;
      if (state !== "open") throw new Error(`cannot add ${file}: the writer is ${state}`);
      if (modes.has(file)) throw new Error(`${file} was already added`);
      state = "busy";
      try {
        return await streamRows(file, mode, records, metadataColumns);
      } catch (error) {
        await abandon(error as Error);
        throw error;
      } finally {
        state = "open";
      }
    },

    async finish() {
      if (failure !== undefined) throw failure;
      if (state !== "open") throw new Error(`cannot finish: the writer is ${state}`);
      state = "finished";
      const manifest = [
        ["propertyName", "value"],
        ["manifest.version", "1.0"],
        ["oneroster.version", "1.2"],
        ...FILE_NAMES.map((file) => [`file.${file}`, modes.get(file) ?? "absent"]),
        ...source,
      ];
      const text = manifest.map(formatCsvLine).join(CRLF);
      zip.addBuffer(Buffer.from(text), "manifest.csv", entryOptions);
      zip.end();
      await written;
    },
  };
}

/** The manifest's `source.*` rows, checked up front so a bad name fails before any work. */
function sourceRows(options: PackageWriterOptions): string[][] {
  const rows: string[][] = [];
  for (const [key, value] of [
    ["source.systemName", options.systemName],
    ["source.systemCode", options.systemCode],
  ] as const) {
    if (value === undefined) continue;
    if (/[\r\n]/.test(value)) throw new Error(`${key} must be a single line`);
    rows.push([key, value]);
  }
  return rows;
}

function iterate<T>(records: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in records
    ? records[Symbol.asyncIterator]()
    : (records as Iterable<T>)[Symbol.iterator]();
}
