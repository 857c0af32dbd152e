import { sql } from "drizzle-orm";
import type { FileName } from "../csv/catalogue.ts";
import type { Transaction } from "../db/client.ts";
import { queryRows } from "../db/query-rows.ts";

/**
 * The import's own index of what it has applied: one row per (file, sourcedId) with the line
 * it came from. It lives in the database (a temporary table dropped at commit), so memory does
 * not grow with the package, and it lets duplicate, reference and bulk-removal checks run as
 * set-based SQL that still reports the line of each problem.
 */
export async function createStaging(tx: Transaction): Promise<void> {
  await tx.execute(sql`
    create temporary table import_lines (
      file text not null,
      sourced_id text not null,
      line integer not null,
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
