import { type SQL, sql } from "drizzle-orm";
import { aliasColumns, type Entity, ORG_SCOPES } from "../entities/index.ts";

/**
 * Which rows of an entity (table alias `t`) an export holds: active ones for a bulk package,
 * everything changed after `since` for a delta; for a client restricted to `orgs`, only its
 * subtree's (district-wide entities, which belong to no org, are exported whole, as they are
 * read over REST).
 */
export function exportScope(entity: Entity, since: Date | undefined, orgs: SQL | undefined): SQL {
  const row = aliasColumns(entity.table, "t");
  const lifecycle = since
    ? sql`${row("dateLastModified")} > ${since.toISOString()}`
    : sql`${row("status")} = 'active'`;
  const scope = ORG_SCOPES[entity.name];
  return orgs && scope ? sql`${lifecycle} and ${scope(row, orgs)}` : lifecycle;
}
