import { type SQL, sql } from "drizzle-orm";
import { disclosureInsert, type PageDisclosure } from "../../audit/index.ts";
import type { Transaction } from "../../db/client.ts";
import { queryRows } from "../../db/query-rows.ts";
import type { CollectionQuery } from "../query/index.ts";
import type { Subset } from "../routes/index.ts";
import type { WireContext } from "./guid-refs.ts";
import type { ReadModel, Row, WireRecord } from "./read-model.ts";

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

/**
 * The rows of a page in order, each with its ordinal `"#"`. After the first page, the skipped
 * rows are walked on their keys alone (a deferred join) and only the page's rows are read whole,
 * so a deep page costs about what the first one does.
 */
function pageRows(model: ReadModel, where: SQL, query: CollectionQuery, tenantId: string): SQL {
  const order = sql.join(query.orderBy, sql`, `);
  if (query.offset === 0) {
    return sql`select ${model.select}, row_number() over (order by ${order}) as "#"
      from ${model.from} where ${where} order by ${order} limit ${query.limit}`;
  }
  // Quoted names no model uses as its alias.
  return sql`select ${model.select}, "#keys"."#" from (
      select ${model.key} as "#key", row_number() over (order by ${order}) as "#"
      from ${model.from} where ${where} order by ${order}
      limit ${query.limit} offset ${query.offset}) "#keys"
    join ${model.from} on ${model.tenant} = ${tenantId} and ${model.key} = "#keys"."#key"`;
}

/** The page and count statements of a collection read (exported so tests can EXPLAIN them). */
export function collectionStatements(
  model: ReadModel,
  selection: RowSelection,
  query: CollectionQuery,
) {
  const where = guardedWhere(model, selection, query.where);
  return {
    page: pageRows(model, where, query, selection.scope.tenantId),
    count: sql`select count(*)::int from ${model.from} where ${where}`,
  };
}

/** The one row a read's statement answers: the page as JSON, its total, its nested lists. */
interface ReadResult {
  rows: Row[] | null;
  total: number;
  [nested: `#${string}`]: Row[];
}

/**
 * Everything a read needs, in ONE statement: the page (`with page`), the children of its rows
 * for each nested field asked for, the total when the page cannot tell it (a short page after
 * offset 0 can), and the disclosure record as a data-modifying CTE.
 */
async function readInOneStatement(
  tx: Transaction,
  model: ReadModel,
  page: { rows: SQL; count: SQL; limit: number; offset: number },
  keys: readonly string[],
  disclosure: { record: PageDisclosure; onlyIfAny: boolean } | undefined,
  selection: RowSelection,
  context: WireContext,
): Promise<Page> {
  // Cast, or `any((select …))` would read as a subquery rather than an array.
  const owners = sql`(select array_agg(p."sourcedId") from page p)::text[]`;
  const nested = model.nested.filter((field) => keys.includes(field.name));
  const nestedColumns = nested.map(
    (field) =>
      sql`, (select coalesce(json_agg(n), '[]') from (${field.query({
        tenantId: selection.scope.tenantId,
        owners,
      })}) n) as ${sql.identifier(`#${field.name}`)}`,
  );
  const logged = disclosure
    ? sql`, logged as (${disclosureInsert(disclosure.record, sql`page`, { onlyIfAny: disclosure.onlyIfAny })})`
    : sql``;
  const [result] = await queryRows<ReadResult>(
    tx,
    sql`with page as materialized (${page.rows})${logged}
      select (select json_agg(p order by p."#") from page p) as rows,
        (select case when n < ${page.limit} and (n > 0 or ${page.offset}::int = 0)
          then ${page.offset}::int + n else (${page.count}) end
          from (select count(*)::int as n from page) c) as total
        ${sql.join(nestedColumns, sql``)}`,
  );
  const rows = result?.rows ?? [];
  const values = new Map(
    nested.map((field) => [field.name, field.values(result?.[`#${field.name}`] ?? [], context)]),
  );
  return {
    records: rows.map((row) => model.toWire(row, context, values, keys)),
    total: result?.total ?? 0,
  };
}

export interface Page {
  records: WireRecord[];
  total: number;
}

/**
 * One page of a collection and its total, with the disclosure record when one is due, in one
 * statement.
 */
export function readPage(
  tx: Transaction,
  model: ReadModel,
  selection: RowSelection,
  query: CollectionQuery,
  context: WireContext,
  disclosure: PageDisclosure | undefined,
): Promise<Page> {
  const statements = collectionStatements(model, selection, query);
  return readInOneStatement(
    tx,
    model,
    {
      rows: statements.page,
      count: statements.count,
      limit: query.limit,
      offset: query.offset,
    },
    query.fields ?? model.selectable,
    disclosure && { record: disclosure, onlyIfAny: false },
    selection,
    context,
  );
}

/** PostgreSQL text cannot hold NUL: no record has such a sourcedId, so there is nothing to ask. */
const impossibleId = (sourcedId: string) => sourcedId.includes("\u0000");

/**
 * One record by sourcedId, or undefined when it is not there for this caller; its disclosure
 * record, when one is due, is written in the same statement only if it was found.
 */
export async function readOne(
  tx: Transaction,
  model: ReadModel,
  selection: RowSelection,
  sourcedId: string,
  fields: readonly string[] | undefined,
  context: WireContext,
  disclosure: PageDisclosure | undefined,
): Promise<WireRecord | undefined> {
  if (impossibleId(sourcedId)) return undefined;
  const where = guardedWhere(model, selection, sql`${model.key} = ${sourcedId}`);
  const { records } = await readInOneStatement(
    tx,
    model,
    {
      // At most one row, so the page always tells its total: the count is never run.
      rows: sql`select ${model.select}, 1 as "#" from ${model.from} where ${where}`,
      count: sql`select 0`,
      limit: 2,
      offset: 0,
    },
    fields ?? model.selectable,
    disclosure && { record: disclosure, onlyIfAny: true },
    selection,
    context,
  );
  return records[0];
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
