import type { SQL } from "drizzle-orm";
import { sql } from "drizzle-orm";
import type { Transaction } from "../../db/client.ts";
import { queryRows } from "../../db/query-rows.ts";
import { type EdfiDocument, readDocuments, resourceId } from "../read-documents.ts";
import { type EdfiResource, keyValues } from "../resource.ts";
import { patchedDocuments, sourceTables, touches } from "./patched-documents.ts";
import { trackedChanges, type VersionWindow } from "./tracked-changes.ts";

/** The tables migration 0023 tracks (edfi_track_delete / edfi_track_key_change triggers). */
export const TRACKED_TABLES = [
  "orgs",
  "users",
  "user_roles",
  "demographics",
  "academic_sessions",
  "calendars",
  "calendar_dates",
  "courses",
  "classes",
  "enrollments",
  "line_items",
  "results",
  "course_grades",
  "school_attendance_events",
  "class_attendance_events",
] as const;

/** Which documents a change query is about. */
export interface ChangeSelection extends VersionWindow {
  tenantId: string;
  orgs?: SQL | undefined;
}

/** An entry of `/{resource}/deletes`, as the ODS/API shows it. */
export interface DeleteRecord {
  id: string;
  changeVersion: number;
  keyValues: Record<string, unknown>;
}

/** An entry of `/{resource}/keyChanges`, as the ODS/API shows it. */
export interface KeyChangeRecord {
  id: string;
  changeVersion: number;
  oldKeyValues: Record<string, unknown>;
  newKeyValues: Record<string, unknown>;
}

const sameKey = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * Records removed in the window: first the documents of records marked `tobedeleted` (as the
 * API would serve them, in id order, at their change version), then, oldest first, documents
 * that a tracked change made vanish: a hard-deleted row's (rebuilt from the key columns
 * migration 0023 kept), or a document built from several rows that a change of one of them
 * left without a match (e.g. a contact taken off a student's agents), unless it exists now.
 */
export async function* deleteRecords(
  tx: Transaction,
  resource: EdfiResource,
  selection: ChangeSelection,
): AsyncGenerator<DeleteRecord> {
  for await (const batch of readDocuments(tx, resource, { ...selection, status: "tobedeleted" })) {
    for (const document of batch) {
      yield {
        id: document.id,
        changeVersion: Number(document._etag),
        keyValues: keyValues(resource, document),
      };
    }
  }
  const tables = sourceTables(resource, TRACKED_TABLES);
  const changes = (await trackedChanges(tx, ["delete", "keyChange"], tables, selection)).filter(
    (change) => touches(resource, change),
  );
  if (changes.length === 0) return;
  const current = await currentIds(tx, resource, selection.tenantId);
  for (const change of changes) {
    const after = change.newValues
      ? new Set((await patchedDocuments(tx, resource, selection, change, "new")).map((d) => d.id))
      : current;
    for (const document of await patchedDocuments(tx, resource, selection, change, "old")) {
      if (current.has(document.id) || after.has(document.id)) continue;
      yield {
        id: document.id,
        changeVersion: change.changeVersion,
        keyValues: keyValues(resource, document),
      };
    }
  }
}

/**
 * Natural keys that changed in the window: for each tracked change of a key column of a table
 * the resource is built from, the documents (same id) whose key values differ between the row's
 * old and new key columns, everything else as it is now. Oldest change first.
 */
export async function* keyChangeRecords(
  tx: Transaction,
  resource: EdfiResource,
  selection: ChangeSelection,
): AsyncGenerator<KeyChangeRecord> {
  const tables = sourceTables(resource, TRACKED_TABLES);
  for (const change of await trackedChanges(tx, ["keyChange"], tables, selection)) {
    if (!touches(resource, change)) continue;
    const before = new Map<string, EdfiDocument>();
    for (const document of await patchedDocuments(tx, resource, selection, change, "old")) {
      before.set(document.id, document);
    }
    for (const after of await patchedDocuments(tx, resource, selection, change, "new")) {
      const old = before.get(after.id);
      if (!old) continue;
      const oldKeyValues = keyValues(resource, old);
      const newKeyValues = keyValues(resource, after);
      if (sameKey(oldKeyValues, newKeyValues)) continue;
      yield { id: after.id, changeVersion: change.changeVersion, oldKeyValues, newKeyValues };
    }
  }
}

async function currentIds(
  tx: Transaction,
  resource: EdfiResource,
  tenantId: string,
): Promise<Set<string>> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select r.id::text as id from (${resource.source(sql`${tenantId}::uuid`)}) r`,
  );
  return new Set(rows.map((row) => resourceId(row.id)));
}

/** One page of a stream of records and how many there are in all; only the page is kept. */
export async function pageOf<T>(
  records: AsyncIterable<T>,
  page: { offset: number; limit: number },
): Promise<{ items: T[]; total: number }> {
  const items: T[] = [];
  let total = 0;
  for await (const record of records) {
    if (total >= page.offset && items.length < page.limit) items.push(record);
    total += 1;
  }
  return { items, total };
}
