import type { SQL } from "drizzle-orm";
import type { Database, Transaction } from "./client.ts";

/**
 * Runs raw SQL and returns its rows; both drivers answer `{ rows }`, which the shared
 * PgDatabase type leaves untyped.
 *
 * @example
 * const [row] = await queryRows<{ n: number }>(tx, sql`select 1 as n`);
 */
export async function queryRows<T>(db: Database | Transaction, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
