import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.ts";
import { createTestDatabase, TEST_DATABASE_URL } from "../support/database.ts";

/** The database a killed CLI and the test share, and how the test opens it between kills. */
export interface CrashDatabase {
  /** Environment for a `tsa-gateway` process on this database. */
  env: Record<string, string>;
  /**
   * Runs `work` with the database open. PGlite admits one process at a time, so on PGlite it
   * is opened for `work` only (taking over the lock a killed process left), and closed after.
   */
  use<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T>;
  drop(): Promise<void>;
}

/** The test server's database when TEST_DATABASE_URL is set, else PGlite files in `dataDir`. */
export async function crashDatabase(dataDir: string): Promise<CrashDatabase> {
  if (TEST_DATABASE_URL) {
    const database = await createTestDatabase();
    return {
      env: { DATA_DIR: dataDir, DATABASE_URL: database.url as string },
      use: (work) => work(database),
      drop: () => database.close(),
    };
  }
  let initialData: Blob | undefined = new Blob([readFileSync(inject("pgliteDump"))]);
  return {
    env: { DATA_DIR: dataDir },
    use: async (work) => {
      const handle = await openDatabase({
        kind: "pglite",
        dataDir,
        ...(initialData && { initialData }),
      });
      initialData = undefined;
      try {
        return await work(handle);
      } finally {
        await handle.close();
      }
    },
    drop: async () => {},
  };
}
