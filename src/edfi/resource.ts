import type { SQL } from "drizzle-orm";
import type { NoteDefault } from "./mapping/defaults.ts";

/**
 * One row of a resource's source query. Every source selects these columns, then the
 * resource's own (named as the document's fields or query parameters they feed):
 * - `id` (uuid): the stable resource id; derived resources use a UUID made from their key rows;
 * - `change_version` (bigint): the greatest `change_seq` of the rows the document is built from;
 * - `last_modified` (timestamptz): the latest `date_last_modified` of the same rows;
 * - `status`: the main row's lifecycle (`active` or `tobedeleted`);
 * - `scope_orgs` (text[]): the org sourcedIds the record belongs to, for org-restricted
 *   clients; NULL for district-wide records (every client sees them).
 */
export type SourceRow = Record<string, unknown> & {
  id: string;
  change_version: string | number;
  last_modified: string | Date;
  status: "active" | "tobedeleted";
  scope_orgs: string[] | null;
};

/** An Ed-Fi document as served, without `id`, `_etag` and `_lastModifiedDate`. */
export type EdfiBody = Record<string, unknown>;

/** The type a query parameter is compared as. */
export type ParamType = "string" | "integer" | "date" | "boolean";

/** A natural-key field: its flattened name (as `/deletes` `keyValues` use it) and its path. */
export interface KeyField {
  name: string;
  path: readonly string[];
}

/**
 * One Ed-Fi resource served from our tables: a view of the entity modules, never a copy of
 * their fields. `source` selects one row per document; `toBody` builds the document from it.
 */
export interface EdfiResource {
  /** Endpoint name, e.g. `studentSchoolAssociations`. */
  endpoint: string;
  /** The schema of the DS 5.1 OpenAPI export the documents follow, e.g. `edFi_studentSchoolAssociation`. */
  schema: string;
  /** Natural-key fields in the Ed-Fi document, as the DDL primary key lists them. */
  key: readonly KeyField[];
  /** Whether a document is about a student (its disclosure is logged). */
  studentData: boolean;
  /** Query parameters beyond paging, each a column of the source row of the given type. */
  params: Readonly<Record<string, ParamType>>;
  /** The source query for one tenant (bound as `tenant`), one row per document. */
  source: (tenant: SQL) => SQL;
  /** The document of one source row; `note` is told of each default served (see MAPPING_DEFAULTS). */
  toBody: (row: SourceRow, note: NoteDefault) => EdfiBody;
}

/** The natural-key values of a document, flattened: `{studentUniqueId, schoolId, entryDate}`. */
export function keyValues(resource: EdfiResource, body: EdfiBody): Record<string, unknown> {
  return Object.fromEntries(
    resource.key.map(({ name, path }) => [
      name,
      path.reduce<unknown>((value, step) => (value as Record<string, unknown>)?.[step], body),
    ]),
  );
}

/** A key field at the top of the document. */
export const top = (name: string): KeyField => ({ name, path: [name] });
/** A key field inside a reference, e.g. `studentReference.studentUniqueId`. */
export const inRef = (reference: string, name: string): KeyField => ({
  name,
  path: [reference, name],
});
