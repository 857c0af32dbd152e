import { PassThrough } from "node:stream";
import { text } from "node:stream/consumers";
import { parse } from "csv-parse/sync";
import { fromBufferPromise, openPromise, type ZipFile } from "yauzl";

/** Every entry of a zip, in archive order, with its text. */
export type ZipEntries = Map<string, string>;

/** Reads every entry of a zip held in memory. */
export async function readZipBuffer(zip: Buffer): Promise<ZipEntries> {
  return readEntries(await fromBufferPromise(zip, { lazyEntries: true }));
}

/** Reads every entry of a zip file on disk. */
export async function readZipFile(path: string): Promise<ZipEntries> {
  return readEntries(await openPromise(path, { lazyEntries: true }));
}

async function readEntries(zip: ZipFile): Promise<ZipEntries> {
  const entries: ZipEntries = new Map();
  for await (const entry of zip.eachEntry()) {
    entries.set(entry.fileName, await text(await zip.openReadStreamPromise(entry)));
  }
  return entries;
}

/** Collects everything written to a stream, to hand a writer an in-memory output. */
export function memoryOutput(): { stream: PassThrough; bytes: () => Promise<Buffer> } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  // A writer that refuses a record destroys its output; only bytes() should report that.
  ended.catch(() => {});
  const bytes = async () => {
    await ended;
    return Buffer.concat(chunks);
  };
  return { stream, bytes };
}

/** Parses a CSV entry into objects keyed by header. */
export function parseRows(csv: string): Record<string, string>[] {
  return parse(csv, { columns: true, skip_empty_lines: false });
}

/** The manifest as a property → value map. */
export function parseManifest(csv: string): Map<string, string> {
  return new Map(parseRows(csv).map((row) => [row.propertyName ?? "", row.value ?? ""]));
}
