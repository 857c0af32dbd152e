export {
  type CollectionQuery,
  type CollectionQueryOptions,
  type CollectionQueryParams,
  parseCollectionQuery,
} from "./collection-query.ts";
export { compileFilter } from "./compile-filter.ts";
export type { FieldKind, FieldMap, QueryField } from "./field-map.ts";
export type { FilterComparison, FilterLogical, FilterNode, FilterOperator } from "./filter-ast.ts";
export { parseFilter } from "./filter-parser.ts";
export { type QueryCodeMinor, QueryError } from "./query-error.ts";
