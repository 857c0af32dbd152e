import { getTableName, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { FileName } from "../csv/catalogue.ts";
import type { Transaction } from "../db/client.ts";
import { queryRows } from "../db/query-rows.ts";

export async function countActive(tx: Transaction, table: PgTable): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from ${sql.identifier(getTableName(table))} where status = 'active'`,
  );
  return row?.n ?? 0;
}

/**
 * A bulk file is the complete set of its records: what the tenant holds but the file does not
 * is marked `tobedeleted` (kept, so delta consumers learn of the deletion).
 */
export async function markMissingAsDeleted(
  tx: Transaction,
  file: FileName,
  table: PgTable,
): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`with gone as (
          update ${sql.identifier(getTableName(table))} t set status = 'tobedeleted'
          where t.status = 'active'
            and not exists (select 1 from import_lines l where l.file = ${file} and l.sourced_id = t.sourced_id)
          returning 1)
        select count(*)::int as n from gone`,
  );
  return rows[0]?.n ?? 0;
}
