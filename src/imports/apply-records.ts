import { getTableColumns, getTableName, sql } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { FileName } from "../csv/catalogue.ts";
import type { CsvRecord } from "../csv/record.ts";
import type { Transaction } from "../db/client.ts";
import { queryRows } from "../db/query-rows.ts";
import { baseRow, FILE_MAPPINGS } from "./record-to-row.ts";

export interface ApplyCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Columns the database fills itself (defaults and the change-tracking trigger). */
const DATABASE_FILLED = new Set(["id", "dateLastModified", "changeSeq"]);
/** The key an upsert matches on; everything else an import writes is updated. */
const KEY = new Set(["tenantId", "sourcedId"]);

interface UpsertPlan {
  keys: string[];
  /** Which of `keys` are PostgreSQL array columns (written as array literals). */
  arrays: boolean[];
  /** The statement around its `unnest(…)` arguments. */
  head: string;
  tail: string;
}

const plans = new Map<PgTable, UpsertPlan>();

/**
 * One upsert statement per table whose parameters are one text array per column, unnested
 * and cast by the database: the statement text never changes with the batch, so a batch of
 * thousands of rows costs a handful of parameters instead of one per cell.
 */
function planFor(table: PgTable): UpsertPlan {
  const known = plans.get(table);
  if (known) return known;
  const columns = Object.entries(getTableColumns(table) as Record<string, PgColumn>).filter(
    ([key]) => !DATABASE_FILLED.has(key),
  );
  const keys = columns.map(([key]) => key);
  const names = keys.map((key) => `"${toSnakeCase(key)}"`);
  const casts = columns.map(([, column], i) => `c${i}::${column.getSQLType()}`);
  const updates = keys
    .map((key, i) => (KEY.has(key) ? undefined : `${names[i]} = excluded.${names[i]}`))
    .filter(Boolean);
  const head = `insert into "${getTableName(table)}" (${names.join(", ")})
    select ${casts.join(", ")} from unnest(`;
  const tail = `) as v(${columns.map((_, i) => `c${i}`).join(", ")})
    on conflict (tenant_id, sourced_id) do update set ${updates.join(", ")}
    returning (xmax = 0) as inserted`;
  const arrays = columns.map(([, column]) => column.getSQLType().endsWith("[]"));
  const plan = { keys, arrays, head, tail };
  plans.set(table, plan);
  return plan;
}

/** A value as PostgreSQL's text input for its column: text arrays as array literals. */
function asText(value: unknown, isArray: boolean): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (isArray && Array.isArray(value)) {
    return `{${value.map((item) => `"${String(item).replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")}}`;
  }
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * Upserts one batch of records of one file as a single statement. A row whose values did not
 * change is skipped by the `touch_row` trigger, so it comes back neither as inserted nor as
 * updated and its dateLastModified stays put.
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
  const { keys, arrays, head, tail } = planFor(mapping.table);
  const columns: (string | null)[][] = keys.map(() => []);
  for (const record of records) {
    const row: Record<string, unknown> = {
      ...baseRow(tenantId, record),
      ...mapping.row(record.values),
    };
    keys.forEach((key, i) => {
      columns[i]?.push(asText(row[key], arrays[i] ?? false));
    });
  }
  const unnested = sql.join(
    columns.map((values) => sql`${sql.param(values)}::text[]`),
    sql.raw(", "),
  );
  const written = await queryRows<{ inserted: boolean }>(
    tx,
    sql`${sql.raw(head)}${unnested}${sql.raw(tail)}`,
  );
  const inserted = written.filter((row) => row.inserted).length;
  return {
    inserted,
    updated: written.length - inserted,
    unchanged: records.length - written.length,
  };
}
