import { sql } from "drizzle-orm";
import type { Transaction } from "../../db/client.ts";
import { queryRows } from "../../db/query-rows.ts";

/**
 * One row of `edfi_tracked_changes` (migration 0023): a hard delete, or a change of the columns
 * a natural key is built from, with the values of those columns (plus `id`, `sourced_id` and
 * `status`) before and, for a key change, after.
 */
export interface TrackedChange {
  tableName: string;
  changeVersion: number;
  rowId: string;
  oldValues: Record<string, unknown>;
  newValues: Record<string, unknown> | null;
}

export interface VersionWindow {
  minChangeVersion?: number | undefined;
  maxChangeVersion?: number | undefined;
}

/** The tracked changes of the given kinds to `tables` in the window (inclusive), oldest first. */
export async function trackedChanges(
  tx: Transaction,
  kinds: readonly ("delete" | "keyChange")[],
  tables: readonly string[],
  window: VersionWindow,
): Promise<TrackedChange[]> {
  if (tables.length === 0) return [];
  const rows = await queryRows<{
    table_name: string;
    change_version: string | number;
    row_id: string;
    old_values: Record<string, unknown>;
    new_values: Record<string, unknown> | null;
  }>(
    tx,
    sql`select table_name, change_version, row_id, old_values, new_values
        from edfi_tracked_changes
        where kind = any(${sql.param([...kinds])}::text[]) and table_name = any(${sql.param([...tables])}::text[])
          and change_version >= ${window.minChangeVersion ?? 0}
          and change_version <= ${window.maxChangeVersion ?? Number.MAX_SAFE_INTEGER}
        order by change_version, row_id`,
  );
  return rows.map((row) => ({
    tableName: row.table_name,
    changeVersion: Number(row.change_version),
    rowId: row.row_id,
    oldValues: row.old_values,
    newValues: row.new_values,
  }));
}
