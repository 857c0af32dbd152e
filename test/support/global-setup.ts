import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/client.ts";
import { migrateDatabase } from "../../src/db/migrate.ts";
import { adminQuery, TEST_DATABASE_URL, withDatabase } from "./database-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** PostgreSQL: a migrated database each test file clones (CREATE DATABASE … TEMPLATE). */
    templateDatabase: string;
    /** PGlite: a dump of a migrated data directory each test file loads. */
    pgliteDump: string;
  }
}

/**
 * Migrates once per run and lets every test file start from a copy: a template database on
 * PostgreSQL, a data-directory dump on PGlite. Saves the migrations' cost in every file.
 */
export default async function setup(project: TestProject) {
  if (TEST_DATABASE_URL) {
    const name = `tsa_template_${randomBytes(5).toString("hex")}`;
    await adminQuery(`create database ${name}`);
    const handle = await openDatabase({
      kind: "postgres",
      url: withDatabase(TEST_DATABASE_URL, name),
    });
    await migrateDatabase(handle);
    await handle.close();
    project.provide("templateDatabase", name);
    project.provide("pgliteDump", "");
    return async () => adminQuery(`drop database if exists ${name} with (force)`);
  }
  const dir = mkdtempSync(join(tmpdir(), "tsa-pglite-"));
  const handle = await openDatabase({ kind: "pglite" });
  await migrateDatabase(handle);
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir("none");
  await handle.close();
  const path = join(dir, "migrated.tar");
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteDump", path);
  project.provide("templateDatabase", "");
  return () => rmSync(dir, { recursive: true, force: true });
}
