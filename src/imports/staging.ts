import { type SQL, sql } from "drizzle-orm";
import type { FileName } from "../csv/index.ts";
import type { Transaction } from "../db/client.ts";
import { queryRows } from "../db/query-rows.ts";
import type { Entity } from "../entities/index.ts";
import { notOwned, type WriterScope } from "../writes/index.ts";

/**
 * The import's own index of what it has applied: one row per (file, sourcedId) with the line
 * it came from. It lives in the database (a temporary table dropped at commit), so memory does
 * not grow with the package, and it lets duplicate, reference and bulk-removal checks run as
 * set-based SQL that still reports the line of each problem. `foreign_before` marks the lines
 * whose record existed outside a restricted writer's subtree before the import touched it.
 */
export async function createStaging(tx: Transaction): Promise<void> {
  await tx.execute(sql`
    create temporary table import_lines (
      file text not null,
      sourced_id text not null,
      line integer not null,
      foreign_before boolean not null default false,
      primary key (file, sourced_id)
    ) on commit drop`);
}

export interface Duplicate {
  sourcedId: string;
  line: number;
  firstLine: number;
}

/**
 * Records the lines of a batch and returns the rows whose sourcedId the file already had
 * (earlier in this batch or in an earlier one); those rows must not be applied.
 */
export async function stageLines(
  tx: Transaction,
  file: FileName,
  lines: readonly { sourcedId: string; line: number }[],
): Promise<Duplicate[]> {
  if (lines.length === 0) return [];
  const ids = lines.map((l) => l.sourcedId);
  const numbers = lines.map((l) => l.line);
  const staged = await queryRows<{ sourced_id: string; line: number }>(
    tx,
    sql`insert into import_lines (file, sourced_id, line)
        select ${file}, s.sourced_id, s.line
        from unnest(${sql.param(ids)}::text[], ${sql.param(numbers)}::int[]) as s(sourced_id, line)
        on conflict do nothing
        returning sourced_id, line`,
  );
  const accepted = new Set(staged.map((row) => `${row.sourced_id}\u0000${row.line}`));
  const rejected = lines.filter((l) => !accepted.has(`${l.sourcedId}\u0000${l.line}`));
  if (rejected.length === 0) return [];
  const first = await queryRows<{ sourced_id: string; line: number }>(
    tx,
    sql`select sourced_id, line from import_lines
        where file = ${file} and sourced_id = any(${sql.param(rejected.map((r) => r.sourcedId))}::text[])`,
  );
  const firstLine = new Map(first.map((row) => [row.sourced_id, row.line]));
  return rejected.map((r) => ({ ...r, firstLine: firstLine.get(r.sourcedId) ?? r.line }));
}

/**
 * Gives the planner the staged lines' real size before the set-based checks join them with the
 * tenant's tables (a temporary table is never analyzed by autovacuum).
 */
export async function analyzeStaging(tx: Transaction): Promise<void> {
  await tx.execute(sql`analyze import_lines`);
}

/** The lines of one file as a written set for the write path (`sourced_id`, `line`, …). */
export const stagedLines = (file: FileName): SQL =>
  sql`(select sourced_id, line, foreign_before from import_lines where file = ${file})`;

/** Marks the staged lines whose record, as held before this batch, is not the writer's. */
export async function markForeignLines(
  tx: Transaction,
  file: FileName,
  entity: Entity,
  sourcedIds: readonly string[],
  scope: WriterScope,
): Promise<void> {
  const foreign = notOwned(entity, scope, "t");
  if (foreign === undefined || sourcedIds.length === 0) return;
  await tx.execute(
    sql`update import_lines l set foreign_before = true
        from ${sql.identifier(entity.tableName)} t
        where l.file = ${file} and l.sourced_id = any(${sql.param(sourcedIds)}::text[])
          and t.sourced_id = l.sourced_id and ${foreign}`,
  );
}
