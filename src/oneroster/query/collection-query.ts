import { asc, desc, type SQL } from "drizzle-orm";
import { compileFilter } from "./compile-filter.ts";
import { comparable, type FieldMap, fieldNames, lookupField } from "./field-map.ts";
import type { FilterNode } from "./filter-ast.ts";
import { parseFilter } from "./filter-parser.ts";
import { echo, QueryError } from "./query-error.ts";

/** The raw query parameters of a collection GET; `fields` may repeat or be comma-separated. */
export interface CollectionQueryParams {
  limit?: string;
  offset?: string;
  sort?: string;
  orderBy?: string;
  filter?: string;
  fields?: string | readonly string[];
}

export interface CollectionQueryOptions {
  /** Filterable fields; every one without `many` is also sortable. */
  fields: FieldMap;
  /** Names accepted by the `fields` parameter. */
  selectable: readonly string[];
  defaultLimit: number;
  maxLimit: number;
  /** Unique column (the sourcedId) ordered last so offset paging is stable. */
  tiebreak: SQL;
  /** jsonb column that makes `metadata.<key>` filterable and sortable. */
  metadataColumn?: SQL;
}

export interface CollectionQuery {
  limit: number;
  offset: number;
  where: SQL | undefined;
  orderBy: SQL[];
  /** Requested fields in request order without duplicates; undefined means all. */
  fields: string[] | undefined;
  /** The fields the filter compares, as written (`status`, `roles.role`…); empty without one. */
  filtered: string[];
}

// The binding declares offset as int32; larger values would only fail later in the database.
const MAX_OFFSET = 2_147_483_647;
const DIGITS = /^\d+$/;

/**
 * Validates and compiles the paging, sorting, filtering and field-selection parameters of a
 * collection GET. A `limit` above `maxLimit` is capped rather than rejected: the binding lets
 * a server return fewer records than asked. Rows are always ordered by the sort field (if any)
 * and then by `tiebreak`, in the `orderBy` direction (default `asc`).
 *
 * @throws QueryError `invalid_filter_field` for a bad filter, `invalid_selection_field` for an
 * unknown `fields` entry or sort field, `invaliddata` for a bad limit, offset or orderBy.
 * @example
 * const query = parseCollectionQuery(
 *   { filter: "status='active'", sort: "familyName", limit: "50" },
 *   { fields: userFields, selectable: userSelectable, defaultLimit: 100, maxLimit: 1000, tiebreak: sql`u.sourced_id` },
 * );
 * db.select().from(users).where(query.where).orderBy(...query.orderBy).limit(query.limit).offset(query.offset);
 */
export function parseCollectionQuery(
  params: CollectionQueryParams,
  options: CollectionQueryOptions,
): CollectionQuery {
  const limit = wholeNumber("limit", params.limit, 1, Number.POSITIVE_INFINITY);
  const filter = params.filter === undefined ? undefined : parseFilter(params.filter);
  return {
    limit: Math.min(limit ?? options.defaultLimit, options.maxLimit),
    offset: wholeNumber("offset", params.offset, 0, MAX_OFFSET) ?? 0,
    where:
      filter === undefined
        ? undefined
        : compileFilter(filter, options.fields, options.metadataColumn),
    filtered: filter === undefined ? [] : comparedFields(filter),
    orderBy: orderClauses(params.sort, params.orderBy, options),
    fields: selectedFields(params.fields, options.selectable),
  };
}

const comparedFields = (node: FilterNode): string[] =>
  node.type === "comparison" ? [node.field] : [node.left.field, node.right.field];

function wholeNumber(
  name: "limit" | "offset",
  raw: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  const value = Number(text);
  if (DIGITS.test(text) && value >= min && value <= max) return value;
  const range = max === Number.POSITIVE_INFINITY ? `of at least ${min}` : `from ${min} to ${max}`;
  throw new QueryError(
    "invaliddata",
    `${name} must be a whole number ${range}, e.g. ${name}=100; got ${echo(raw)}.`,
  );
}

function orderClauses(
  sort: string | undefined,
  orderBy: string | undefined,
  options: CollectionQueryOptions,
): SQL[] {
  if (orderBy !== undefined && orderBy !== "asc" && orderBy !== "desc") {
    throw new QueryError("invaliddata", `orderBy must be asc or desc; got ${echo(orderBy)}.`);
  }
  const order = orderBy === "desc" ? desc : asc;
  const last = order(options.tiebreak);
  if (sort === undefined) return [last];
  const name = sort.trim();
  const field = lookupField(name, options.fields, options.metadataColumn);
  if (field !== undefined && "expr" in field)
    return [order(comparable(field.kind, field.expr)), last];
  const reason =
    field === undefined
      ? `Unknown sort field ${echo(name)}.`
      : `${name} cannot be used to sort because a record can hold several values of it.`;
  const sortable = fieldNames(options.fields, options.metadataColumn, (f) => "expr" in f);
  // The Rostering and Gradebook vocabularies have no invalid_sort_field; a sort names a field.
  throw new QueryError("invalid_selection_field", `${reason} Sortable fields: ${sortable}.`);
}

function selectedFields(
  raw: string | readonly string[] | undefined,
  selectable: readonly string[],
): string[] | undefined {
  if (raw === undefined) return undefined;
  const entries = typeof raw === "string" ? [raw] : raw;
  const names = entries
    .flatMap((entry) => entry.split(","))
    .map((name) => name.trim())
    .filter((name) => name !== "");
  if (names.length === 0) {
    throw new QueryError(
      "invalid_selection_field",
      "fields is empty. List the fields to return, e.g. fields=sourcedId,givenName, or leave the parameter out.",
    );
  }
  const unknown = names.find((name) => !selectable.includes(name));
  if (unknown !== undefined) {
    throw new QueryError(
      "invalid_selection_field",
      `Unknown field ${echo(unknown)} in fields. Selectable fields: ${selectable.join(", ")}.`,
    );
  }
  return [...new Set(names)];
}
