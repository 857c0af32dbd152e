/**
 * Ed-Fi (Data Standard 5, ODS/API 7 conventions) read API: one more view of the entity modules.
 *
 * Contract for the change queries and the bulk export (kept stable):
 * - `EDFI_RESOURCES`: every resource served, in Ed-Fi load order. Each has its `endpoint`
 *   (`studentSchoolAssociations`), its DS 5.1 OpenAPI `schema`, its natural `key` (flattened
 *   field names and their paths in the document, e.g. `studentUniqueId` at
 *   `studentReference.studentUniqueId`) and `studentData` (whether serving it is a disclosure).
 * - `readDocuments(tx, resource, selection, batchSize)`: the documents of one tenant, read in
 *   the CALLER's transaction (open it with `withTenant`), in id order, in keyset batches
 *   (bounded memory), bounded by `minChangeVersion`/`maxChangeVersion` (inclusive, the rows'
 *   `change_seq`) and restricted to `orgs` (from `allowedOrgs`) when the caller is. These are
 *   exactly the documents the API serves, record for record. `status: "tobedeleted"` reads the
 *   documents of deleted records still kept (for `/deletes`); `keyValues(resource, document)`
 *   gives a document's natural-key values, flattened as `/deletes` and `/keyChanges` show them.
 * - `onDefault` (a selection option): told of every documented default served
 *   (`MAPPING_DEFAULTS`, with the reason for each), so an export can count them.
 * - `DESCRIPTOR_SETS` / `DESCRIPTOR_NAMES` / `descriptorEndpoint`: the descriptor sets served.
 * - `mountEdfi(app, limiter, extensions)`: serves everything under `/ed-fi`. An `EdfiExtension`
 *   (e.g. change queries) mounts its own routes on the `/ed-fi` base (before the resources'
 *   `/{id}` routes, which only match 32-hex ids anyway) and adds its paths to the resources
 *   metadata (`paths`): this is the hook for `/deletes`, `/keyChanges` and
 *   `/changeQueries/v1/availableChangeVersions`.
 * - `edfiProblem(error, correlationId)`: an ApiError as Ed-Fi problem details.
 */

export { EDFI_BASE_PATH } from "./api/discovery.routes.ts";
export { edfiProblem } from "./api/problem.ts";
export { parseCollectionRequest } from "./api/query.ts";
export { DATA_PATH, selectionFor } from "./api/resource.routes.ts";
export { type EdfiExportRequest, type EdfiManifest, startEdfiExport } from "./bulk/index.ts";
export { EDFI_RESOURCES, resourceOf } from "./catalogue.ts";
export { EDFI_CHANGE_QUERIES } from "./changes/change-query.routes.ts";
export {
  DESCRIPTOR_NAMES,
  DESCRIPTOR_SETS,
  type DescriptorName,
  type DescriptorValue,
  descriptorEndpoint,
  descriptorUri,
} from "./descriptors/descriptor-sets.ts";
export { type DefaultId, MAPPING_DEFAULTS, type NoteDefault } from "./mapping/defaults.ts";
export type { MetadataPaths, OpenApiPaths } from "./metadata/openapi.ts";
export { type EdfiExtension, mountEdfi } from "./mount.ts";
export {
  countDocuments,
  type DocumentSelection,
  type EdfiDocument,
  readDocuments,
  toDocument,
} from "./read-documents.ts";
export { type EdfiResource, type KeyField, keyValues, type SourceRow } from "./resource.ts";
