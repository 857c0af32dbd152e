import { once } from "node:events";
import { PassThrough } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import { ZipFile } from "yazl";

export interface JsonlZip {
  /**
   * Streams `<name>.jsonl` into the zip, one JSON document a line, and resolves with the line
   * count once the zip has taken it all. Files go one at a time; an empty file is still written.
   */
  addJsonl(name: string, documents: AsyncIterable<unknown> | Iterable<unknown>): Promise<number>;
  /** Writes `name` (a JSON document), closes the zip and resolves once `output` has every byte. */
  finish(name: string, manifest: unknown): Promise<void>;
}

// Lines go out in chunks: little stream overhead per record, memory bounded by the chunk.
const CHUNK_CHARS = 64 * 1024;
const ENTRY = { mtime: new Date(2000, 0, 1), mode: 0o100644, forceDosTimestamp: true };

/**
 * A zip of JSON Lines files written to `output` with memory that does not grow with the number of
 * records. A failure destroys `output`: a partial archive must not pass for a complete one.
 *
 * @example
 * const zip = createJsonlZip(createWriteStream("out.zip"));
 * await zip.addJsonl("students", documents());
 * await zip.finish("manifest.json", { counts });
 */
export function createJsonlZip(output: NodeJS.WritableStream): JsonlZip {
  const zip = new ZipFile();
  let failure: Error | undefined;
  let entry: PassThrough | undefined;
  const written = pipeline(zip.outputStream, output).catch((error: Error) => {
    failure ??= error;
    entry?.destroy(error);
    throw error;
  });
  written.catch(() => {});

  const abandon = async (error: Error): Promise<void> => {
    failure ??= error;
    (zip.outputStream as PassThrough).destroy(error);
    await written.catch(() => {});
  };

  return {
    async addJsonl(name, documents) {
      if (failure !== undefined) throw failure;
      const current = new PassThrough();
      current.on("error", () => {});
      entry = current;
      zip.addReadStream(current, `${name}.jsonl`, ENTRY);
      const write = async (text: string) => {
        if (failure !== undefined) throw failure;
        if (!current.write(text)) await once(current, "drain");
      };
      let count = 0;
      let chunk = "";
      try {
        for await (const document of documents) {
          count += 1;
          chunk += `${JSON.stringify(document)}\n`;
          if (chunk.length >= CHUNK_CHARS) {
            await write(chunk);
            chunk = "";
          }
        }
        if (chunk.length > 0) await write(chunk);
      } catch (error) {
        await abandon(error as Error);
        throw error;
      }
      current.end();
      await finished(current);
      entry = undefined;
      return count;
    },

    async finish(name, manifest) {
      if (failure !== undefined) throw failure;
      zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), name, ENTRY);
      zip.end();
      await written;
    },
  };
}
