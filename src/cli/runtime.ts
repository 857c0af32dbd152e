import { sql } from "drizzle-orm";
import { type Config, loadConfig } from "../config/env.ts";
import {
  type DatabaseHandle,
  type DatabaseTarget,
  openDatabase,
  targetFromConfig,
} from "../db/client.ts";
import { explainConnectionError } from "../db/connect-errors.ts";
import { migrateDatabase, readJournal, schemaVersion } from "../db/migrate.ts";

export interface Runtime {
  config: Config;
  database: DatabaseHandle;
  schemaVersion: string | null;
}

export class CliError extends Error {
  override name = "CliError";
}

/**
 * Loads the configuration and opens the database. PGlite is migrated on every start; a
 * PostgreSQL server is migrated only by `tsa-gateway migrate` (so several gateway processes
 * never race to change the schema), and the other commands refuse to run on an old schema.
 */
export async function openRuntime(options: {
  migrate: "always" | "embedded" | "never";
}): Promise<Runtime> {
  const config = loadConfig();
  const target = targetFromConfig(config);
  // Schema changes on a large database legitimately run longer than any request should.
  if (options.migrate === "always" && target.kind === "postgres") target.statementTimeoutMs = 0;
  const database = await openDatabase(target);
  try {
    await checkConnection(database, target);
    if (
      options.migrate === "always" ||
      (options.migrate === "embedded" && database.kind === "pglite")
    ) {
      await migrateDatabase(database);
    }
    const version = await schemaVersion(database);
    const latest = readJournal().at(-1)?.tag ?? null;
    if (options.migrate !== "never" && version !== latest) {
      throw new CliError(
        `The database schema is at ${version ?? "nothing"} but this gateway needs ${latest}. Run: npx tsa-gateway migrate`,
      );
    }
    return { config, database, schemaVersion: version };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** The first query, made on its own so that a connection failure is named for what it is. */
async function checkConnection(database: DatabaseHandle, target: DatabaseTarget): Promise<void> {
  if (target.kind !== "postgres") return;
  try {
    await database.db.execute(sql`select 1`);
  } catch (error) {
    throw new CliError(explainConnectionError(driverError(error), target.url));
  }
}

/** Drizzle wraps the driver's error; the SQLSTATE is on the cause. */
function driverError(error: unknown): unknown {
  return error instanceof Error && error.cause instanceof Error ? error.cause : error;
}
