import { type SQL, sql } from "drizzle-orm";
import { type ColumnRef, type Entity, ORG_SCOPES } from "../entities/index.ts";

/**
 * Whose records a writer may create, change and remove: the whole tenant, or the org subtree
 * of a restricted client. District-wide entities (academic sessions, resources, categories)
 * belong to no subtree, so a restricted writer owns none of them.
 */
export interface WriterScope {
  /** Bound text[] of the writer's orgs; undefined for an unrestricted writer. */
  orgs: SQL | undefined;
  /** The condition that a row of `entity` is the writer's; undefined when every row is. */
  ownedBy(entity: Entity, row: ColumnRef): SQL | undefined;
}

export const WHOLE_TENANT: WriterScope = { orgs: undefined, ownedBy: () => undefined };

/** The scope of a client restricted to `orgs` (from `allowedOrgs`). */
export function orgSubtree(orgs: SQL): WriterScope {
  return {
    orgs,
    ownedBy: (entity, row) => ORG_SCOPES[entity.name]?.(row, orgs) ?? sql`false`,
  };
}
