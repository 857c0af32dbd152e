/**
 * The one write path: applies validated sets of records to a tenant. Upserts with lifecycle
 * (the `touch_row` trigger moves dateLastModified and the change sequence on real changes
 * only), set-based reference checks, bulk removal, and the org subtree of a restricted writer.
 * The CSV import uses it; REST writes use it too.
 */
export { countActive, markMissingAsDeleted } from "./bulk-removal.ts";
export {
  type Change,
  recordChange,
  type StoredValues,
  storedValues,
} from "./change-log.ts";
export {
  type BrokenReference,
  type FieldNames,
  findBrokenReferences,
  type WrittenSet,
} from "./references.ts";
export { currentChangeSeq, type ForeignChange, foreignChanges, notOwned } from "./scope-check.ts";
export { upsertRows, type WriteCounts } from "./upsert-rows.ts";
export { orgSubtree, WHOLE_TENANT, type WriterScope } from "./writer-scope.ts";
