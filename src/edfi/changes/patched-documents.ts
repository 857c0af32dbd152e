import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Transaction } from "../../db/client.ts";
import { queryRows } from "../../db/query-rows.ts";
import { type EdfiDocument, toDocument } from "../read-documents.ts";
import type { EdfiResource, SourceRow } from "../resource.ts";
import type { TrackedChange } from "./tracked-changes.ts";

const dialect = new PgDialect();
const texts = new WeakMap<EdfiResource, string>();

/** The SQL text of a resource's source query (the same for every tenant). */
function sourceText(resource: EdfiResource): string {
  let text = texts.get(resource);
  if (text === undefined) {
    text = dialect.sqlToQuery(resource.source(sql`null`)).sql;
    texts.set(resource, text);
  }
  return text;
}

/** Whether `name` (a table or column) appears in SQL text as a name, quoted or not. */
const names = (text: string, name: string) => new RegExp(`(?<![\\w])${name}(?![\\w])`).test(text);

/** The tables a resource's source query reads, as named in its SQL (quoted or not). */
export function sourceTables(resource: EdfiResource, tables: readonly string[]): string[] {
  const text = sourceText(resource);
  return tables.filter((table) => names(text, table));
}

/**
 * Whether a tracked change can alter a resource's documents: a hard delete always can; a
 * key-column change only when its source query reads one of the columns that changed.
 */
export function touches(resource: EdfiResource, change: TrackedChange): boolean {
  if (!change.newValues) return true;
  const text = sourceText(resource);
  return Object.keys(change.newValues).some(
    (column) =>
      JSON.stringify(change.oldValues[column]) !== JSON.stringify(change.newValues?.[column]) &&
      names(text, column),
  );
}

/** Which version of the changed row the documents are built from. */
export type Side = "old" | "new";

/**
 * The documents of a resource as they were on one side of a tracked change: the resource's own
 * source query (the mapping the API serves), run over the tenant's current rows except the
 * changed one, whose key columns take their values from that side of the change (a hard-deleted
 * row is put back with only those columns). A common table expression named like the table
 * shadows it for the source query alone; nothing is written.
 *
 * Only documents whose key changes follow; a document the mapping cannot build from the key
 * columns alone (a deleted row's other columns are gone) is left out.
 */
export async function patchedDocuments(
  tx: Transaction,
  resource: EdfiResource,
  selection: { tenantId: string; orgs?: SQL | undefined },
  change: TrackedChange,
  side: Side,
): Promise<EdfiDocument[]> {
  const values = side === "old" ? change.oldValues : (change.newValues ?? {});
  const table = sql.identifier(change.tableName);
  const patched = change.newValues
    ? sql`select (jsonb_populate_record(t, ${JSON.stringify(values)}::jsonb)).* from public.${table} t
            where t.id = ${change.rowId}::uuid`
    : sql`select (jsonb_populate_record(null::public.${table},
              ${JSON.stringify({ ...values, tenant_id: selection.tenantId })}::jsonb)).*`;
  const scope = selection.orgs
    ? sql`where r.scope_orgs is null or r.scope_orgs && ${selection.orgs}`
    : sql``;
  const rows = await queryRows<SourceRow>(
    tx,
    sql`with ${table} as not materialized (
          ${patched}
          union all
          select * from public.${table} t where t.id <> ${change.rowId}::uuid)
        select r.* from (${resource.source(sql`${selection.tenantId}::uuid`)}) r ${scope}
        order by r.id`,
  );
  const documents: EdfiDocument[] = [];
  for (const row of rows) {
    try {
      documents.push(toDocument(resource, row));
    } catch {
      // A reconstructed deleted row lacks what the document needs beyond its key columns.
    }
  }
  return documents;
}
