import { type SQL, sql } from "drizzle-orm";
import type { Transaction } from "../db/client.ts";
import { queryRows } from "../db/query-rows.ts";
import { aliasColumns, type Entity } from "../entities/index.ts";
import type { WriterScope } from "./writer-scope.ts";

/** A row a restricted writer changed although it is not, or was not, the writer's. */
export interface ForeignChange {
  line: number;
  sourcedId: string;
}

/**
 * The condition, over `entity`'s table under `alias`, that a row is not the writer's. Callers
 * record it for the rows a write will touch before writing, since a change can also move a
 * row into the writer's subtree (a role added at the writer's school).
 */
export function notOwned(entity: Entity, scope: WriterScope, alias: string): SQL | undefined {
  if (scope.orgs === undefined) return undefined;
  const owned = scope.ownedBy(entity, aliasColumns(entity.table, alias));
  return owned === undefined ? undefined : sql`not (${owned})`;
}

/**
 * Rows of a write that changed (their change sequence moved past `sinceSeq`) and are not the
 * writer's now or were not before (`written.foreign_before`), set-based.
 *
 * @example
 * const { changes } = await foreignChanges(tx, userEntity, lines, scope, startSeq);
 */
export async function foreignChanges(
  tx: Transaction,
  entity: Entity,
  written: SQL,
  scope: WriterScope,
  sinceSeq: number,
  limit = 100,
): Promise<{ changes: ForeignChange[]; total: number }> {
  const foreignNow = notOwned(entity, scope, "t");
  if (foreignNow === undefined) return { changes: [], total: 0 };
  const rows = await queryRows<{ line: number; sourced_id: string; total: number }>(
    tx,
    sql`select w.line, t.sourced_id, count(*) over ()::int as total
        from ${sql.identifier(entity.tableName)} t
        join ${written} w on w.sourced_id = t.sourced_id
        where t.change_seq > ${sinceSeq} and (w.foreign_before or ${foreignNow})
        order by w.line
        limit ${limit}`,
  );
  return {
    changes: rows.map((row) => ({ line: row.line, sourcedId: row.sourced_id })),
    total: rows[0]?.total ?? 0,
  };
}

/** The newest change-sequence number: rows changed after this point have a larger one. */
export async function currentChangeSeq(tx: Transaction): Promise<number> {
  const [row] = await queryRows<{ seq: string }>(tx, sql`select nextval('change_seq') as seq`);
  return Number(row?.seq ?? 0);
}
