import type { SQL } from "drizzle-orm";
import type { WireContext } from "./guid-refs.ts";
import type { NestedField } from "./read-model.ts";

/** What a nested query filters by. */
export interface NestedScope {
  tenantId: string;
  /** The sourcedIds of the page's rows, as one text[] expression. */
  owners: SQL;
}

/**
 * A nested field loaded for a whole page by one query. The query selects an `owner` column
 * (the sourcedId of the page row a child belongs to) and orders the children as they should
 * appear; `toValue` turns one owner's children into the wire value (undefined to omit it).
 *
 * @example
 * nestedField("children",
 *   ({ tenantId, owners }) => sql`select o.parent_sourced_id as owner, o.sourced_id from orgs o
 *     where o.tenant_id = ${tenantId} and o.parent_sourced_id = any(${owners}) order by o.sourced_id`,
 *   (rows, context) => rows.map((row) => guidRef(context, "org", row.sourced_id)));
 */
export function nestedField<R extends { owner: string }>(
  name: string,
  query: (scope: NestedScope) => SQL,
  toValue: (rows: readonly R[], context: WireContext) => unknown,
): NestedField {
  return {
    name,
    query,
    values(rows, context) {
      const byOwner = new Map<string, R[]>();
      for (const row of rows as readonly R[]) {
        const group = byOwner.get(row.owner);
        if (group) group.push(row);
        else byOwner.set(row.owner, [row]);
      }
      const values = new Map<string, unknown>();
      for (const [owner, group] of byOwner) values.set(owner, toValue(group, context));
      return values;
    },
  };
}
