import { type SQL, sql } from "drizzle-orm";
import type { Transaction } from "../../db/client.ts";
import { queryRows } from "../../db/query-rows.ts";

/**
 * The orgs a client restricted to `orgSourcedId` may see: that org and all its descendants,
 * as one bound text[] to use in `= any(…)`. An org that no longer exists yields an empty set,
 * so the client sees nothing rather than everything.
 *
 * @example
 * const orgs = await allowedOrgs(tx, tenantId, "sch-0001");
 * sql`c.school_sourced_id = any(${orgs})`
 */
export async function allowedOrgs(
  tx: Transaction,
  tenantId: string,
  orgSourcedId: string,
): Promise<SQL> {
  const [row] = await queryRows<{ ids: string[] | null }>(
    tx,
    sql`with recursive subtree (sourced_id) as (
          select o.sourced_id from orgs o
          where o.tenant_id = ${tenantId} and o.sourced_id = ${orgSourcedId}
          union
          select o.sourced_id from orgs o join subtree s on o.parent_sourced_id = s.sourced_id
          where o.tenant_id = ${tenantId}
        )
        select array_agg(sourced_id) as ids from subtree`,
  );
  return sql`${sql.param(row?.ids ?? [])}::text[]`;
}
