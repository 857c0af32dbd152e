import { sql } from "drizzle-orm";
import type { Transaction } from "../../db/client.ts";
import { queryRows } from "../../db/query-rows.ts";

/** The body of `GET /ed-fi/changeQueries/v1/availableChangeVersions`. */
export interface AvailableChangeVersions {
  oldestChangeVersion: number;
  newestChangeVersion: number;
}

/**
 * The change versions a client can ask for: every version from 0 (nothing is ever purged, so
 * the oldest is 0 as in the ODS/API) up to the last one the database-wide `change_seq` gave.
 */
export async function availableChangeVersions(tx: Transaction): Promise<AvailableChangeVersions> {
  const [row] = await queryRows<{ newest: string | number }>(
    tx,
    sql`select case when is_called then last_value else 0 end as newest from change_seq`,
  );
  return { oldestChangeVersion: 0, newestChangeVersion: Number(row?.newest ?? 0) };
}
