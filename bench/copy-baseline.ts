import { pipeline } from "node:stream/promises";
import { getTableColumns, getTableName } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import pg from "pg";
import copyStreams from "pg-copy-streams";
import { LOAD_ORDER } from "../src/csv/catalogue.ts";
import { entityOfFile } from "../src/entities/index.ts";

/**
 * The baseline for the import: PostgreSQL `COPY` of the same rows into the same tables (same
 * indexes, constraints and triggers), copied out of the imported tenant into a second tenant
 * of the same database. Returns rows copied and seconds.
 */
export async function copyBaseline(url: string, fromTenant: string, toTenant: string) {
  const source = new pg.Client({ connectionString: url });
  const target = new pg.Client({ connectionString: url });
  await source.connect();
  await target.connect();
  let rows = 0;
  const started = performance.now();
  try {
    await target.query("begin");
    await target.query("set constraints all deferred");
    for (const file of LOAD_ORDER) {
      const table = entityOfFile(file).table;
      const name = getTableName(table);
      const columns = Object.keys(getTableColumns(table))
        .filter((key) => key !== "id")
        .map((key) => `"${toSnakeCase(key)}"`);
      const select = columns
        .map((c) => (c === '"tenant_id"' ? `'${toTenant}'::uuid` : c))
        .join(", ");
      const out = source.query(
        copyStreams.to(
          `copy (select ${select} from ${name} where tenant_id = '${fromTenant}') to stdout`,
        ),
      );
      const into = target.query(
        copyStreams.from(`copy ${name} (${columns.join(", ")}) from stdin`),
      );
      await pipeline(out, into);
      rows += Number((into as unknown as { rowCount: number }).rowCount ?? 0);
    }
    await target.query("commit");
  } finally {
    await source.end();
    await target.end();
  }
  return { rows, seconds: (performance.now() - started) / 1000 };
}
