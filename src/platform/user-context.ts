import { sql } from "drizzle-orm";
import type { Database, Transaction } from "../db/client.ts";
import { withTenant } from "../db/tenant-context.ts";

/**
 * Runs a unit of work for one end user of a tenant: the tenant context of `withTenant`, plus
 * `app.user_id`, which the end-user row-level policies read to narrow what the work can see
 * (their own record and organizations, their accounts, the grades they may see).
 *
 * @example
 * const mine = await withUser(db, tenantId, "student-42", (tx) => tx.select().from(results));
 */
export function withUser<T>(
  db: Database,
  tenantId: string,
  userSourcedId: string,
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return withTenant(db, tenantId, async (tx) => {
    await tx.execute(sql`select set_config('app.user_id', ${userSourcedId}, true)`);
    return work(tx);
  });
}
