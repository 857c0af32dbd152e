import { sql } from "drizzle-orm";
import { FILE_NAMES } from "../../src/csv/catalogue.ts";
import type { Database } from "../../src/db/client.ts";
import { queryRows } from "../../src/db/query-rows.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import { entityOfFile } from "../../src/entities/index.ts";

const TABLES = [...new Set(FILE_NAMES.map((file) => entityOfFile(file).tableName))];

/**
 * Every OneRoster row of a tenant as comparable JSON, without the columns that differ between
 * tenants or runs (ids, tenant, the gateway's own timestamps and change numbers).
 */
export async function tenantSnapshot(
  db: Database,
  tenantId: string,
): Promise<Record<string, unknown[]>> {
  return withTenant(db, tenantId, async (tx) => {
    const snapshot: Record<string, unknown[]> = {};
    for (const table of TABLES) {
      snapshot[table] = (
        await queryRows<{ row: Record<string, unknown> }>(
          tx,
          sql`select to_jsonb(t) - 'id' - 'tenant_id' - 'date_last_modified' - 'change_seq' as row
              from ${sql.identifier(table)} t order by sourced_id`,
        )
      ).map((r) => r.row);
    }
    return snapshot;
  });
}

/** One checksum of everything the tenant holds, timestamps and change numbers included. */
export async function tenantChecksum(db: Database, tenantId: string): Promise<string> {
  return withTenant(db, tenantId, async (tx) => {
    const parts: string[] = [];
    for (const table of [...TABLES, "class_terms", "user_agents"]) {
      const [row] = await queryRows<{ sum: string | null }>(
        tx,
        sql`select md5(string_agg(t::text, '|' order by t::text)) as sum from ${sql.identifier(table)} t`,
      );
      parts.push(`${table}:${row?.sum}`);
    }
    return parts.join(",");
  });
}
