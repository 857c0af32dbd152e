import { and, asc, eq, getTableColumns, getTableName, gt, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { FILE_NAMES, type FileName } from "../csv/catalogue.ts";
import type { CsvRecord } from "../csv/record.ts";
import { createPackageWriter } from "../csv/write-package.ts";
import type { Transaction } from "../db/client.ts";
import { queryRows } from "../db/query-rows.ts";
import { FILE_MAPPINGS } from "../imports/record-to-row.ts";
import { rowToRecord } from "./row-to-record.ts";

const PAGE = 2000;

export interface ExportOptions {
  /** Delta package of everything changed after this instant (deletions included); else bulk. */
  since?: Date;
  /**
   * Told the sourcedIds of each page of records before they are written (the disclosure log),
   * and whether it is the file's last page.
   */
  onRecords?: (file: FileName, sourcedIds: string[], last: boolean) => Promise<void>;
}

export type ExportCounts = Record<FileName, number>;

interface EntityColumns {
  sourcedId: PgColumn;
  status: PgColumn;
  dateLastModified: PgColumn;
}

function entityColumns(table: PgTable): EntityColumns {
  const { sourcedId, status, dateLastModified } = getTableColumns(table);
  if (!sourcedId || !status || !dateLastModified) {
    throw new Error(`${getTableName(table)} is not a OneRoster entity table`);
  }
  return { sourcedId, status, dateLastModified };
}

/** Rows of one file in sourcedId order, a page at a time (keyset), so memory stays flat. */
async function* records(
  tx: Transaction,
  file: FileName,
  { since, onRecords }: ExportOptions,
): AsyncGenerator<CsvRecord> {
  const table = FILE_MAPPINGS[file].table;
  const columns = entityColumns(table);
  const scope = since ? gt(columns.dateLastModified, since) : eq(columns.status, "active");
  let after: string | undefined;
  for (;;) {
    const page = (await tx
      .select()
      .from(table)
      .where(after === undefined ? scope : and(scope, gt(columns.sourcedId, after)))
      .orderBy(asc(columns.sourcedId))
      .limit(PAGE)) as Record<string, unknown>[];
    await onRecords?.(
      file,
      page.map((row) => String(row.sourcedId)),
      page.length < PAGE,
    );
    for (const row of page) yield rowToRecord(file, row);
    if (page.length < PAGE) return;
    after = String(page.at(-1)?.sourcedId);
  }
}

async function metadataKeys(tx: Transaction, table: PgTable): Promise<string[]> {
  const rows = await queryRows<{ key: string }>(
    tx,
    sql`select distinct jsonb_object_keys(metadata) as key from ${sql.identifier(getTableName(table))}
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
    const table = FILE_MAPPINGS[file].table;
    counts[file] = await writer.addFile(
      file,
      options.since ? "delta" : "bulk",
      records(tx, file, options),
      await metadataKeys(tx, table),
    );
  }
  await writer.finish();
  return counts;
}
