import { sql } from "drizzle-orm";
import journal from "../../drizzle/meta/_journal.json" with { type: "json" };
import type { Database } from "../db/client.ts";
import { queryRows } from "../db/query-rows.ts";

/**
 * The tag of the newest migration applied, as the Node server reports it on /health. The
 * journal is bundled at build time: a Worker has no migrations folder to read.
 */
export async function workerSchemaVersion(db: Database): Promise<string | null> {
  const [applied] = await queryRows<{ created_at: string }>(
    db,
    sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  );
  const newest = Number(applied?.created_at);
  return journal.entries.find((entry) => entry.when === newest)?.tag ?? null;
}
