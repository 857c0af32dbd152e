import { closeSync, createReadStream, openSync, readdirSync, readSync } from "node:fs";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import copyStreams from "pg-copy-streams";

/**
 * The physical floor of an import: the package's CSV bytes `COPY … FROM STDIN (format csv)`
 * into plain text tables (no key, no check, no index), one transaction, as `\copy` does.
 * Returns rows copied and seconds.
 */
export async function rawCopyFloor(url: string, csvDir: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const files = readdirSync(csvDir).filter((name) => name.endsWith(".csv"));
  let rows = 0;
  const started = performance.now();
  try {
    await client.query("begin");
    for (const name of files) {
      const path = join(csvDir, name);
      const header = firstLine(path);
      const table = `raw_${name.replace(/\W/g, "_")}`;
      const columns = header.split(",").map((_, i) => `c${i} text`);
      await client.query(`create table ${table} (${columns.join(", ")})`);
      const into = client.query(copyStreams.from(`copy ${table} from stdin (format csv, header)`));
      await pipeline(createReadStream(path), into);
      rows += Number((into as unknown as { rowCount: number }).rowCount ?? 0);
    }
    await client.query("commit");
  } finally {
    await client.end();
  }
  return { rows, seconds: (performance.now() - started) / 1000 };
}

/** The header line of a CSV file, read without reading the file. */
function firstLine(path: string): string {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString("utf8").split(/\r?\n/, 1)[0] ?? "";
  } finally {
    closeSync(fd);
  }
}
