import { sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Transaction } from "../db/client.ts";
import { queryRows } from "../db/query-rows.ts";
import { columnName, type Entity, type EntityTable, type InsertRow } from "../entities/index.ts";

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** The lifecycle columns every write sets besides the entity's own fields. */
const LIFECYCLE = ["tenantId", "sourcedId", "status", "sourceDateLastModified", "metadata"];
/** The key an upsert matches on; everything else it writes is updated. */
const KEY = new Set(["tenantId", "sourcedId"]);

interface UpsertPlan {
  properties: string[];
  /** Which of `properties` are PostgreSQL array columns (written as array literals). */
  arrays: boolean[];
  /** The statement around its `unnest(…)` arguments. */
  head: string;
  tail: string;
}

const plans = new WeakMap<Entity, UpsertPlan>();

/**
 * One upsert statement per entity whose parameters are one text array per column, unnested
 * and cast by the database: the statement text never changes with the set, so a set of
 * thousands of rows costs a handful of parameters instead of one per cell. Only the entity's
 * own columns are written, so columns the platform keeps beside them (an org's NCES id) stay.
 */
function planFor(entity: Entity): UpsertPlan {
  const known = plans.get(entity);
  if (known) return known;
  const properties = [
    ...LIFECYCLE,
    ...entity.fields.flatMap((field) =>
      field.column === undefined || LIFECYCLE.includes(field.column) ? [] : [field.column],
    ),
  ];
  const columns: PgColumn[] = properties.map((property) => entity.column(property));
  const names = columns.map((column) => `"${columnName(column)}"`);
  const casts = columns.map((column, i) => `c${i}::${column.getSQLType()}`);
  const updated = names.filter((_, i) => !KEY.has(properties[i] ?? ""));
  const updates = updated.map((name) => `${name} = excluded.${name}`);
  const table = `"${entity.tableName}"`;
  const head = `insert into ${table} (${names.join(", ")})
    select ${casts.join(", ")} from unnest(`;
  // Rows whose values are all the same are left alone set-based, in the statement itself: no
  // new row version, no trigger call, no deferred reference check queued for them.
  const tail = `) as v(${columns.map((_, i) => `c${i}`).join(", ")})
    on conflict (tenant_id, sourced_id) do update set ${updates.join(", ")}
    where (${updated.map((name) => `${table}.${name}`).join(", ")})
      is distinct from (${updated.map((name) => `excluded.${name}`).join(", ")})
    returning (xmax = 0) as inserted`;
  const arrays = columns.map((column) => column.getSQLType().endsWith("[]"));
  const plan = { properties, arrays, head, tail };
  plans.set(entity, plan);
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
 * Creates or replaces a set of an entity's records as a single statement. A row whose values
 * did not change is not updated (and the `touch_row` trigger skips it too), so it comes back
 * neither as inserted nor as updated and its dateLastModified and change sequence stay put.
 *
 * @example
 * const counts = await upsertRows(tx, userEntity, records.map((r) => userEntity.fromCsv(tenantId, r)));
 */
export async function upsertRows<T extends EntityTable>(
  tx: Transaction,
  entity: Entity<T>,
  rows: readonly InsertRow<T>[],
): Promise<WriteCounts> {
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const { properties, arrays, head, tail } = planFor(entity as unknown as Entity);
  const columns: (string | null)[][] = properties.map(() => []);
  for (const row of rows as readonly Record<string, unknown>[]) {
    properties.forEach((property, i) => {
      columns[i]?.push(asText(row[property], arrays[i] ?? false));
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
    unchanged: rows.length - written.length,
  };
}
