import { sql } from "drizzle-orm";
import type { Database, Transaction } from "../db/client.ts";
import { withTenant } from "../db/tenant-context.ts";

/**
 * The role end users' work runs as: it reads through the same row-level rules as the
 * application, but holds no privilege on credentials or the audit log, and may write only the
 * profile fields of the user's own record.
 */
export const END_USER_ROLE = "tsa_end_user";

/**
 * Runs a unit of work for one end user of a tenant: the tenant context of `withTenant`, as
 * {@link END_USER_ROLE}, plus `app.user_id`, which the end-user row-level policies read to
 * narrow what the work can see (their own record and organizations, their children, their
 * accounts, the grades they may see) and to refuse every write but their own profile.
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
    await tx.execute(
      sql`select set_config('role', ${END_USER_ROLE}, true), set_config('app.user_id', ${userSourcedId}, true)`,
    );
    return work(tx);
  });
}
