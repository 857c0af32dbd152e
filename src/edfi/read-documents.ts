import { type SQL, sql } from "drizzle-orm";
import type { Transaction } from "../db/client.ts";
import { queryRows } from "../db/query-rows.ts";
import type { NoteDefault } from "./mapping/defaults.ts";
import type { EdfiBody, EdfiResource, SourceRow } from "./resource.ts";

/** A document as the API serves it. */
export type EdfiDocument = { id: string } & EdfiBody & { _etag: string; _lastModifiedDate: string };

/** Which documents of a resource a read is about. */
export interface DocumentSelection {
  tenantId: string;
  /** Bound text[] of the orgs a restricted client may see (`allowedOrgs`); undefined when unrestricted. */
  orgs?: SQL | undefined;
  /** Inclusive bounds on the change version (the rows' `change_seq`). */
  minChangeVersion?: number | undefined;
  maxChangeVersion?: number | undefined;
  /** `active` (the default) for what exists; `tobedeleted` for records deleted but kept. */
  status?: "active" | "tobedeleted";
  /** Conditions on the source row (alias `r`), e.g. from query parameters. */
  where?: readonly SQL[];
  /** Told of each documented default a served document carries (see MAPPING_DEFAULTS). */
  onDefault?: NoteDefault;
}

/** Resource ids are served as 32 hex digits, as the ODS/API does. */
export const resourceId = (uuid: string) => uuid.replaceAll("-", "");

/** The uuid of a served resource id, or undefined when it cannot be one. */
export function uuidOfResourceId(id: string): string | undefined {
  const match =
    /^([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})$/i.exec(id);
  return match ? match.slice(1).join("-").toLowerCase() : undefined;
}

const isoTime = (value: string | Date) => new Date(value).toISOString();

/** The served document of one source row. */
export function toDocument(
  resource: EdfiResource,
  row: SourceRow,
  note: NoteDefault = () => {},
): EdfiDocument {
  return {
    id: resourceId(row.id),
    ...resource.toBody(row, note),
    _etag: String(row.change_version),
    _lastModifiedDate: isoTime(row.last_modified),
  };
}

function conditions(selection: DocumentSelection, extra: readonly SQL[]): SQL {
  const all = [
    sql`r.status = ${selection.status ?? "active"}`,
    selection.orgs && sql`(r.scope_orgs is null or r.scope_orgs && ${selection.orgs})`,
    selection.minChangeVersion !== undefined &&
      sql`r.change_version >= ${selection.minChangeVersion}`,
    selection.maxChangeVersion !== undefined &&
      sql`r.change_version <= ${selection.maxChangeVersion}`,
    ...(selection.where ?? []),
    ...extra,
  ].filter((condition): condition is SQL => condition !== undefined && condition !== false);
  return sql.join(
    all.map((condition) => sql`(${condition})`),
    sql` and `,
  );
}

const from = (resource: EdfiResource, selection: DocumentSelection) =>
  sql`(${resource.source(sql`${selection.tenantId}::uuid`)}) r`;

async function select(
  tx: Transaction,
  resource: EdfiResource,
  selection: DocumentSelection,
  extra: readonly SQL[],
  tail: SQL,
): Promise<EdfiDocument[]> {
  const rows = await queryRows<SourceRow>(
    tx,
    sql`select r.* from ${from(resource, selection)} where ${conditions(selection, extra)} ${tail}`,
  );
  return rows.map((row) => toDocument(resource, row, selection.onDefault));
}

/** One offset page, in id order (stable across requests). */
export function readOffsetPage(
  tx: Transaction,
  resource: EdfiResource,
  selection: DocumentSelection,
  page: { offset: number; limit: number },
): Promise<EdfiDocument[]> {
  return select(
    tx,
    resource,
    selection,
    [],
    sql`order by r.id limit ${page.limit} offset ${page.offset}`,
  );
}

/** An id range of a resource: documents after `after` up to and including `until`. */
export interface IdRange {
  after?: string | undefined;
  until?: string | undefined;
}

/** Up to `limit` documents of an id range, in id order (keyset paging). */
export function readRange(
  tx: Transaction,
  resource: EdfiResource,
  selection: DocumentSelection,
  range: IdRange,
  limit: number,
): Promise<EdfiDocument[]> {
  const bounds = [
    range.after === undefined ? undefined : sql`r.id > ${range.after}::uuid`,
    range.until === undefined ? undefined : sql`r.id <= ${range.until}::uuid`,
  ].filter((bound): bound is SQL => bound !== undefined);
  return select(tx, resource, selection, bounds, sql`order by r.id limit ${limit}`);
}

/** The document with this resource id, or undefined when the caller cannot see it. */
export async function readById(
  tx: Transaction,
  resource: EdfiResource,
  selection: DocumentSelection,
  id: string,
): Promise<EdfiDocument | undefined> {
  const uuid = uuidOfResourceId(id);
  if (uuid === undefined) return undefined;
  const [found] = await select(tx, resource, selection, [sql`r.id = ${uuid}::uuid`], sql``);
  return found;
}

/** How many documents the selection holds. */
export async function countDocuments(
  tx: Transaction,
  resource: EdfiResource,
  selection: DocumentSelection,
): Promise<number> {
  const [row] = await queryRows<{ total: number }>(
    tx,
    sql`select count(*)::int as total from ${from(resource, selection)} where ${conditions(selection, [])}`,
  );
  return row?.total ?? 0;
}

/**
 * Ids splitting the selection into `parts` ranges of nearly equal size: range i runs after
 * boundary i-1 up to boundary i (the last range has no upper bound).
 */
export async function partitionBoundaries(
  tx: Transaction,
  resource: EdfiResource,
  selection: DocumentSelection,
  parts: number,
): Promise<string[]> {
  const rows = await queryRows<{ last: string }>(
    tx,
    sql`select max(p.id::text) as last from (
          select r.id, ntile(${parts}) over (order by r.id) as part
          from ${from(resource, selection)} where ${conditions(selection, [])}) p
        group by p.part order by p.part`,
  );
  return rows.slice(0, -1).map((row) => row.last);
}

/**
 * Every document of the selection in id order, `batchSize` at a time (keyset batches, so
 * memory stays bounded), read in the caller's transaction: the bulk export reads the same
 * documents the API serves, from the caller's snapshot.
 *
 * @example
 * for await (const batch of readDocuments(tx, resource, { tenantId })) write(batch);
 */
export async function* readDocuments(
  tx: Transaction,
  resource: EdfiResource,
  selection: DocumentSelection,
  batchSize = 500,
): AsyncGenerator<EdfiDocument[]> {
  let after: string | undefined;
  for (;;) {
    const batch = await readRange(tx, resource, selection, { after }, batchSize);
    if (batch.length > 0) yield batch;
    if (batch.length < batchSize) return;
    after = uuidOfResourceId((batch.at(-1) as EdfiDocument).id);
  }
}
