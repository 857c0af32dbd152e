import { sql } from "drizzle-orm";
import type { Database, Transaction } from "./client.ts";

/** The role the application works as; it owns no table, so row-level security binds it. */
export const APP_ROLE = "tsa_app";

/**
 * Runs a unit of work in one transaction, as the application role, with the tenant context
 * set for that transaction only (`set_config(…, true)`), so a pooled connection never carries
 * one request's tenant into the next. Only a tenant that exists becomes the context (another
 * id leaves none: the work sees and writes nothing), which is why tenant rows need no foreign
 * key to `tenants` (docs/schema.md, "What a row costs"). JIT compilation is off: the row-level
 * rules' subqueries inflate the planner's cost estimates past `jit_above_cost`, and compiling
 * then took 1.2 s of a 33 ms `count(*)` of 26,000 users (docs/performance.md, "Schema costs").
 *
 * @example
 * const rows = await withTenant(db, tenantId, (tx) => tx.select().from(users));
 */
export function withTenant<T>(
  db: Database,
  tenantId: string,
  work: (tx: Transaction) => Promise<T>,
  options: { isolation?: "read committed" | "repeatable read" } = {},
): Promise<T> {
  return db.transaction(
    async (tx) => {
      await tx.execute(
        sql`select set_config('role', ${APP_ROLE}, true), set_config('jit', 'off', true),
                   set_config('app.tenant_id', (select t.id::text from tenants t where t.id = ${tenantId}), true)`,
      );
      return work(tx);
    },
    options.isolation ? { isolationLevel: options.isolation } : undefined,
  );
}
