import { type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { FileName } from "../csv/index.ts";
import { createPackageWriter } from "../csv/index.ts";
import type { Transaction } from "../db/client.ts";
import { queryRows } from "../db/query-rows.ts";
import {
  type CsvRecord,
  columnName,
  type Entity,
  FILE_ENTITIES,
  FILE_NAMES,
} from "../entities/index.ts";
import { exportScope } from "./export-scope.ts";

const PAGE = 2000;

export interface ExportOptions {
  /** Delta package of everything changed after this instant (deletions included); else bulk. */
  since?: Date;
  /** Bound text[] of the orgs of a restricted client: only their records are exported. */
  orgs?: SQL;
  /**
   * Told the sourcedIds of each page of records before they are written (the disclosure log),
   * and whether it is the file's last page.
   */
  onRecords?: (file: FileName, sourcedIds: string[], last: boolean) => Promise<void>;
}

export type ExportCounts = Record<FileName, number>;

/** Rows of one entity in sourcedId order, a page at a time (keyset), so memory stays flat. */
async function* records(
  tx: Transaction,
  entity: Entity,
  options: ExportOptions,
): AsyncGenerator<CsvRecord> {
  const scope = exportScope(entity, options.since, options.orgs);
  const t = alias(entity.table, "t");
  const key = sql`${sql.identifier("t")}.${sql.identifier(columnName(entity.column("sourcedId")))}`;
  let after: string | undefined;
  for (;;) {
    const page = await tx
      .select()
      .from(t)
      .where(after === undefined ? scope : sql`${scope} and ${key} > ${after}`)
      .orderBy(key)
      .limit(PAGE);
    await options.onRecords?.(
      entity.file?.name as FileName,
      page.map((row) => String(row.sourcedId)),
      page.length < PAGE,
    );
    for (const row of page) yield entity.toCsv(row as Parameters<Entity["toCsv"]>[0]);
    if (page.length < PAGE) return;
    after = String((page.at(-1) as { sourcedId: string }).sourcedId);
  }
}

async function metadataKeys(tx: Transaction, entity: Entity): Promise<string[]> {
  const rows = await queryRows<{ key: string }>(
    tx,
    sql`select distinct jsonb_object_keys(metadata) as key from ${sql.identifier(entity.tableName)}
        where metadata is not null order by 1`,
  );
  return rows.map((row) => row.key);
}

/**
 * Streams the tenant's OneRoster data as a CSV package: bulk (active records) or, with
 * `since`, delta (every record changed since, deletions as `tobedeleted`). Run it inside one
 * repeatable-read transaction so the package is one consistent snapshot.
 *
 * @example
 * const counts = await withTenant(db, tenantId, (tx) => exportOneRoster(tx, out, {}), { isolation: "repeatable read" });
 */
export async function exportOneRoster(
  tx: Transaction,
  output: NodeJS.WritableStream,
  options: ExportOptions = {},
): Promise<ExportCounts> {
  const writer = createPackageWriter(output, { systemName: "TSA Coach Gateway" });
  const counts = {} as ExportCounts;
  for (const file of FILE_NAMES) {
    const entity = FILE_ENTITIES.get(file) as Entity;
    counts[file] = await writer.addFile(
      file,
      options.since ? "delta" : "bulk",
      records(tx, entity, options),
      await metadataKeys(tx, entity),
    );
  }
  await writer.finish();
  return counts;
}
