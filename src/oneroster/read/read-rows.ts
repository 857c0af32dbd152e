import { type SQL, sql } from "drizzle-orm";
import type { Transaction } from "../../db/client.ts";
import { queryRows } from "../../db/query-rows.ts";
import type { CollectionQuery } from "../query/index.ts";
import type { Subset } from "../routes/index.ts";
import type { WireContext } from "./guid-refs.ts";
import type { NestedValues, ReadModel, Row, WireRecord } from "./read-model.ts";

/** Whose rows a request may read: the caller's tenant, and its org subtree when restricted. */
export interface ReadScope {
  tenantId: string;
  /** Bound text[] of the orgs a restricted client may see; undefined when unrestricted. */
  orgs: SQL | undefined;
}

/** Which rows of a model a read is about, before the client's own filter. */
export interface RowSelection {
  scope: ReadScope;
  subset?: Subset | undefined;
  /** Membership in a parent of the path, e.g. "classes of school X". */
  within?: SQL | undefined;
  /** Leave out `tobedeleted` records (see `seesDeleted` in the handlers). */
  activeOnly?: boolean;
}

/**
 * The conditions every read applies outside the client's filter, each parenthesised and
 * ANDed, so an `OR` in the filter can never widen the tenant, subset or org restriction.
 */
function guardedWhere(model: ReadModel, selection: RowSelection, filter?: SQL): SQL {
  const { scope, subset, within, activeOnly } = selection;
  const subsetCondition = subset === undefined ? undefined : model.subsets[subset];
  if (subset !== undefined && subsetCondition === undefined) {
    throw new Error(`${model.entity} has no subset ${subset}`);
  }
  const conditions = [
    sql`${model.tenant} = ${scope.tenantId}`,
    subsetCondition,
    scope.orgs && model.restrict?.(scope.orgs),
    within,
    activeOnly ? sql`${model.column("status")} = 'active'` : undefined,
    filter,
  ].filter((condition): condition is SQL => condition !== undefined);
  return sql.join(
    conditions.map((condition) => sql`(${condition})`),
    sql` and `,
  );
}

/** The page and count statements of a collection read (exported so tests can EXPLAIN them). */
export function collectionStatements(
  model: ReadModel,
  selection: RowSelection,
  query: CollectionQuery,
) {
  const where = guardedWhere(model, selection, query.where);
  return {
    page: sql`select ${model.select} from ${model.from} where ${where}
      order by ${sql.join(query.orderBy, sql`, `)} limit ${query.limit} offset ${query.offset}`,
    count: sql`select count(*)::int as total from ${model.from} where ${where}`,
  };
}

async function loadNested(
  tx: Transaction,
  model: ReadModel,
  tenantId: string,
  rows: readonly Row[],
  keys: readonly string[],
  context: WireContext,
): Promise<NestedValues> {
  const values = new Map<string, ReadonlyMap<string, unknown>>();
  if (rows.length === 0) return values;
  const owners = rows.map((row) => row.sourcedId as string);
  // Sequential: a transaction is one connection, so parallel queries would only queue.
  for (const field of model.nested) {
    if (keys.includes(field.name)) {
      values.set(field.name, await field.load(tx, tenantId, owners, context));
    }
  }
  return values;
}

export interface Page {
  records: WireRecord[];
  total: number;
}

/**
 * One page of a collection: one query for the rows, one per nested field asked for, and a
 * count only when the page itself cannot tell the total (a short page after offset 0 can).
 */
export async function readPage(
  tx: Transaction,
  model: ReadModel,
  selection: RowSelection,
  query: CollectionQuery,
  context: WireContext,
): Promise<Page> {
  const statements = collectionStatements(model, selection, query);
  const rows = await queryRows<Row>(tx, statements.page);
  const pageTellsTotal = rows.length < query.limit && (rows.length > 0 || query.offset === 0);
  const total = pageTellsTotal
    ? query.offset + rows.length
    : ((await queryRows<{ total: number }>(tx, statements.count))[0]?.total ?? 0);
  const keys = query.fields ?? model.selectable;
  const nested = await loadNested(tx, model, selection.scope.tenantId, rows, keys, context);
  return { records: rows.map((row) => model.toWire(row, context, nested, keys)), total };
}

/** PostgreSQL text cannot hold NUL: no record has such a sourcedId, so there is nothing to ask. */
const impossibleId = (sourcedId: string) => sourcedId.includes("\u0000");

/** One record by sourcedId, or undefined when it is not there for this caller. */
export async function readOne(
  tx: Transaction,
  model: ReadModel,
  selection: RowSelection,
  sourcedId: string,
  fields: readonly string[] | undefined,
  context: WireContext,
): Promise<WireRecord | undefined> {
  if (impossibleId(sourcedId)) return undefined;
  const where = guardedWhere(model, selection, sql`${model.key} = ${sourcedId}`);
  const rows = await queryRows<Row>(
    tx,
    sql`select ${model.select} from ${model.from} where ${where}`,
  );
  const [row] = rows;
  if (row === undefined) return undefined;
  const keys = fields ?? model.selectable;
  const nested = await loadNested(tx, model, selection.scope.tenantId, rows, keys, context);
  return model.toWire(row, context, nested, keys);
}

/** Whether a record is there for this caller: a parent named in a nested path. */
export async function recordExists(
  tx: Transaction,
  model: ReadModel,
  selection: RowSelection,
  sourcedId: string,
): Promise<boolean> {
  if (impossibleId(sourcedId)) return false;
  const where = guardedWhere(model, selection, sql`${model.key} = ${sourcedId}`);
  const rows = await queryRows(tx, sql`select 1 from ${model.from} where ${where}`);
  return rows.length > 0;
}
