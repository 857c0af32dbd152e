import { type SQL, sql } from "drizzle-orm";
import type { Transaction } from "../db/client.ts";
import { queryRows } from "../db/query-rows.ts";
import { FILE_ENTITIES } from "../entities/index.ts";
import { exportScope } from "./export-scope.ts";

/** How many records an export will hold, counted in the export's own snapshot. */
export async function countExport(
  tx: Transaction,
  since: Date | undefined,
  orgs: SQL | undefined,
): Promise<number> {
  let total = 0;
  for (const entity of FILE_ENTITIES.values()) {
    const [row] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from ${sql.identifier(entity.tableName)} t
          where ${exportScope(entity, since, orgs)}`,
    );
    total += row?.n ?? 0;
  }
  return total;
}
