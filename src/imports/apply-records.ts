import { getTableColumns, sql } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import type { PgTable } from "drizzle-orm/pg-core";
import type { FileName } from "../csv/catalogue.ts";
import type { CsvRecord } from "../csv/record.ts";
import type { Transaction } from "../db/client.ts";
import { baseRow, FILE_MAPPINGS } from "./record-to-row.ts";

export interface ApplyCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Columns an import never writes: keys, and what the change-tracking trigger maintains. */
const NOT_UPDATED = new Set(["tenantId", "id", "sourcedId", "dateLastModified", "changeSeq"]);

const updateSets = new Map<PgTable, Record<string, ReturnType<typeof sql>>>();

/** `SET col = excluded.col` for every column an import writes, computed once per table. */
function updateSet(table: PgTable) {
  let set = updateSets.get(table);
  if (!set) {
    set = Object.fromEntries(
      Object.keys(getTableColumns(table))
        .filter((key) => !NOT_UPDATED.has(key))
        .map((key) => [key, sql.raw(`excluded.${JSON.stringify(toSnakeCase(key))}`)]),
    );
    updateSets.set(table, set);
  }
  return set;
}

/**
 * Upserts one batch of records of one file as a single multi-row statement. A row whose
 * values did not change is skipped by the `touch_row` trigger, so it comes back neither as
 * inserted nor as updated and its dateLastModified stays put.
 *
 * @example
 * const counts = await applyRecords(tx, tenantId, "users", batch);
 */
export async function applyRecords(
  tx: Transaction,
  tenantId: string,
  file: FileName,
  records: readonly CsvRecord[],
): Promise<ApplyCounts> {
  if (records.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const mapping = FILE_MAPPINGS[file];
  const rows = records.map((record) => ({
    ...baseRow(tenantId, record),
    ...mapping.row(record.values),
  }));
  const { tenantId: tenantColumn, sourcedId: sourcedIdColumn } = getTableColumns(mapping.table);
  if (!tenantColumn || !sourcedIdColumn) throw new Error(`The ${file} table has no sourcedId key`);
  const written = await tx
    .insert(mapping.table)
    .values(rows)
    .onConflictDoUpdate({
      target: [tenantColumn, sourcedIdColumn],
      set: updateSet(mapping.table),
    })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  const inserted = written.filter((row) => row.inserted).length;
  return {
    inserted,
    updated: written.length - inserted,
    unchanged: records.length - written.length,
  };
}
