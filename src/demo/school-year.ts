import { sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { queryRows } from "../db/query-rows.ts";
import { withTenant } from "../db/tenant-context.ts";

/**
 * The latest school year a tenant's calendar holds (OneRoster `schoolYear` of its `schoolYear`
 * session), or null when it has none.
 *
 * @example
 * await latestSchoolYear(db, tenant.id); // 2027
 */
export async function latestSchoolYear(db: Database, tenantId: string): Promise<number | null> {
  const [row] = await withTenant(db, tenantId, (tx) =>
    queryRows<{ year: number | null }>(
      tx,
      sql`select max(school_year::int) as year from academic_sessions
          where tenant_id = ${tenantId} and type = 'schoolYear'`,
    ),
  );
  return row?.year ?? null;
}
