import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import copyStreams from "pg-copy-streams";
import type { Database } from "../src/db/client.ts";
import { withTenant } from "../src/db/tenant-context.ts";
import { type Entity, FILE_ENTITIES } from "../src/entities/index.ts";
import { exportOneRoster } from "../src/exports/export-oneroster.ts";

/** A sink that only counts bytes, so neither side pays for a disk. */
function byteCounter() {
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  return { sink, bytes: () => bytes };
}

/** The gateway's bulk OneRoster export of a tenant, as a zip, in seconds. */
export async function timeExport(db: Database, tenantId: string) {
  const { sink, bytes } = byteCounter();
  const started = performance.now();
  const counts = await withTenant(db, tenantId, (tx) => exportOneRoster(tx, sink), {
    isolation: "repeatable read",
  });
  const seconds = (performance.now() - started) / 1000;
  const rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return { rows, seconds, bytes: bytes() };
}

/** The export's floor: `COPY (select …) TO STDOUT` of the same tables' rows of the tenant. */
export async function copyToFloor(url: string, tenantId: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let rows = 0;
  const started = performance.now();
  try {
    await client.query("begin isolation level repeatable read");
    for (const entity of new Set<Entity>(FILE_ENTITIES.values())) {
      const { sink } = byteCounter();
      const out = client.query(
        copyStreams.to(
          `copy (select * from "${entity.tableName}" where tenant_id = '${tenantId}' and status = 'active') to stdout (format csv, header)`,
        ),
      );
      await pipeline(out, sink);
      rows += Number((out as unknown as { rowCount: number }).rowCount ?? 0);
    }
    await client.query("commit");
  } finally {
    await client.end();
  }
  return { rows, seconds: (performance.now() - started) / 1000 };
}
