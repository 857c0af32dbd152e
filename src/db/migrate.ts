import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { DatabaseHandle, Schema } from "./client.ts";
import { appliedSchemaVersion } from "./schema-version.ts";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../drizzle", import.meta.url));

interface JournalEntry {
  idx: number;
  tag: string;
  when: number;
}

/** The migrations in the order they apply, as drizzle-kit's journal lists them. */
export function readJournal(): JournalEntry[] {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, "utf8")) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

/** Applies every pending migration in one transaction; applying twice changes nothing. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (handle.kind === "postgres") {
    await migratePg(handle.db as unknown as NodePgDatabase<Schema>, config);
  } else {
    await migratePglite(handle.db as unknown as PgliteDatabase<Schema>, config);
  }
}

/** The tag of the newest migration applied, e.g. `0003_tenant_security`, or null. */
export function schemaVersion(handle: DatabaseHandle): Promise<string | null> {
  return appliedSchemaVersion(handle.db);
}
