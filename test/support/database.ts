import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.ts";
import { adminQuery, adminRows, TEST_DATABASE_URL, withDatabase } from "./database-server.ts";

export { TEST_DATABASE_URL } from "./database-server.ts";
export const TEST_DB_KIND = TEST_DATABASE_URL ? "postgres" : "pglite";

export interface TestDatabase extends DatabaseHandle {
  /** Connection URL of this test's own database (PostgreSQL runs only). */
  url: string | undefined;
}

/** A uniquely named database on the test server, dropped on close; optionally a copy of a template. */
async function serverDatabase(template?: string): Promise<TestDatabase> {
  const server = TEST_DATABASE_URL as string;
  const name = `tsa_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`create database ${name}${template ? ` template ${template}` : ""}`);
  if (template) await copyDatabaseSettings(template, name);
  const url = withDatabase(server, name);
  const handle = await openDatabase({ kind: "postgres", url, maxConnections: 5 });
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * CREATE DATABASE … TEMPLATE copies the contents but not the settings the migrations made
 * with ALTER DATABASE … SET (e.g. pgaudit.log), so the copy gets them here.
 */
async function copyDatabaseSettings(template: string, name: string): Promise<void> {
  const settings = await adminRows<{ setting: string }>(
    `select unnest(setconfig) as setting from pg_db_role_setting
     where setrole = 0 and setdatabase = (select oid from pg_database where datname = '${template}')`,
  );
  for (const { setting } of settings) {
    const [key, ...value] = setting.split("=");
    await adminQuery(
      `alter database ${name} set ${key} = '${value.join("=").replaceAll("'", "''")}'`,
    );
  }
}

/** A fresh, empty database for one test file (for tests of the migrations themselves). */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  if (TEST_DATABASE_URL) return serverDatabase();
  return { ...(await openDatabase({ kind: "pglite" })), url: undefined };
}

/**
 * A fresh database with every migration applied, copied from the one the global setup
 * migrated for this run (see global-setup.ts).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (TEST_DATABASE_URL) return serverDatabase(inject("templateDatabase"));
  const dump = new Blob([readFileSync(inject("pgliteDump"))]);
  return { ...(await openDatabase({ kind: "pglite", initialData: dump })), url: undefined };
}
