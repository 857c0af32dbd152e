import { type Config, loadConfig } from "../config/env.ts";
import { type DatabaseHandle, openDatabase, targetFromConfig } from "../db/client.ts";
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
  const database = await openDatabase(targetFromConfig(config));
  try {
    if (
      options.migrate === "always" ||
      (options.migrate === "embedded" && database.kind === "pglite")
    ) {
      await migrateDatabase(database);
    }
    const version = await schemaVersion(database).catch(() => null);
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
