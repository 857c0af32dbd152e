import { sql } from "drizzle-orm";
import journal from "../../drizzle/meta/_journal.json" with { type: "json" };
import type { Database } from "./client.ts";
import { queryRows } from "./query-rows.ts";

/**
 * The migration this gateway was built for. The journal is bundled rather than read from
 * disk, so this also holds in a Worker, which has no migrations folder.
 */
export const EXPECTED_SCHEMA_VERSION: string | null = journal.entries.at(-1)?.tag ?? null;

/** The tag of the newest migration applied, e.g. `0003_tenant_security`, or null. */
export async function appliedSchemaVersion(db: Database): Promise<string | null> {
  const [applied] = await queryRows<{ created_at: string }>(
    db,
    sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  ).catch((error: unknown) => {
    // 42P01: no migrations table, i.e. nothing applied yet.
    if (((error as Error).cause as { code?: unknown } | undefined)?.code === "42P01") return [];
    throw error;
  });
  const newest = Number(applied?.created_at);
  return journal.entries.find((entry) => entry.when === newest)?.tag ?? null;
}
