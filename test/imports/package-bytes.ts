import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buffer } from "node:stream/consumers";
import { openPromise } from "yauzl";
import { ZipFile } from "yazl";

/** A package as its entries' names and raw bytes, in archive order, for byte-level changes. */
export type PackageBytes = Map<string, Buffer>;

/** Every file of a package folder (e.g. a fixture under fixtures/csv/). */
export function readFolderBytes(folder: string): PackageBytes {
  return new Map(
    readdirSync(folder)
      .sort()
      .map((name) => [name, readFileSync(join(folder, name))]),
  );
}

/** Every entry of a zip on disk (e.g. one written by `writePackage`). */
export async function readZipBytes(path: string): Promise<PackageBytes> {
  const zip = await openPromise(path, { lazyEntries: true });
  const entries: PackageBytes = new Map();
  for await (const entry of zip.eachEntry()) {
    entries.set(entry.fileName, await buffer(await zip.openReadStreamPromise(entry)));
  }
  return entries;
}

/** A zip holding the entries as they are, names unchecked, as a client would upload it. */
export async function zipBytes(entries: PackageBytes): Promise<Buffer> {
  const zip = new ZipFile();
  const mtime = new Date(2000, 0, 1);
  for (const [name, bytes] of entries) {
    if (name.endsWith("/")) zip.addEmptyDirectory(name, { mtime });
    else zip.addBuffer(bytes, name, { mtime });
  }
  zip.end();
  return buffer(zip.outputStream);
}
