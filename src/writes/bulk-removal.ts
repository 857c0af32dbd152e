import { type SQL, sql } from "drizzle-orm";
import type { Transaction } from "../db/client.ts";
import { queryRows } from "../db/query-rows.ts";
import { aliasColumns, type Entity } from "../entities/index.ts";
import type { WrittenSet } from "./references.ts";
import type { WriterScope } from "./writer-scope.ts";

/** The rows of `entity` a writer answers for: all of the tenant's, or its org subtree's. */
function ownRows(entity: Entity, scope: WriterScope, alias: string): SQL {
  const row = aliasColumns(entity.table, alias);
  const owned = scope.ownedBy(entity, row);
  return owned ?? sql`true`;
}

/** How many active records of `entity` the writer answers for. */
export async function countActive(
  tx: Transaction,
  entity: Entity,
  scope: WriterScope,
): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from ${sql.identifier(entity.tableName)} t
        where t.status = 'active' and ${ownRows(entity, scope, "t")}`,
  );
  return row?.n ?? 0;
}

/**
 * A bulk file is the complete set of its records: what the tenant holds (within the writer's
 * org subtree) but the set does not is marked `tobedeleted`, and kept so delta consumers learn
 * of the deletion. A restricted writer removes nothing of what lies outside its subtree.
 */
export async function markMissingAsDeleted(
  tx: Transaction,
  entity: Entity,
  written: WrittenSet,
  scope: WriterScope,
): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`with gone as (
          update ${sql.identifier(entity.tableName)} t set status = 'tobedeleted'
          where t.status = 'active' and ${ownRows(entity, scope, "t")}
            and not exists (select 1 from ${written} w where w.sourced_id = t.sourced_id)
          returning 1)
        select count(*)::int as n from gone`,
  );
  return rows[0]?.n ?? 0;
}
