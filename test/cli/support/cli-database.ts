import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { openDatabase } from "../../../src/db/client.ts";
import { queryRows } from "../../../src/db/query-rows.ts";
import { withTenant } from "../../../src/db/tenant-context.ts";
import { runCli } from "../../support/cli.ts";
import {
  createEmptyDatabase,
  TEST_DATABASE_URL,
  type TestDatabase,
} from "../../support/database.ts";
import { tenantChecksum } from "../../support/snapshot.ts";

/** A database the CLI has filled (tenant, imported district, client), and ways to see it change. */
export interface CliDatabase {
  env: Record<string, string>;
  dataDir: string;
  tenant: { id: string; slug: string };
  /** Everything the tenant holds, plus its clients and imports. */
  checksum: () => Promise<string>;
  /** Names, sizes and times of the files under DATA_DIR: the embedded database's, the secret's. */
  files: () => string[];
  close: () => Promise<void>;
}

/**
 * Prepares, through the CLI itself, tenant `slug` with a 25-student district and a client, on
 * PGlite under a fresh DATA_DIR or in a fresh PostgreSQL database when TEST_DATABASE_URL is set.
 */
export async function prepareCliDatabase(slug: string): Promise<CliDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), `tsa-${slug}-`));
  const env: Record<string, string> = { DATA_DIR: dataDir, PORT: "0", DATABASE_URL: "" };
  let server: TestDatabase | undefined;
  if (TEST_DATABASE_URL) {
    server = await createEmptyDatabase();
    env.DATABASE_URL = server.url as string;
    expect((await runCli(["migrate"], env)).code).toBe(0);
  }
  const created = await runCli(["tenants", "create", slug, "--name", slug], env);
  expect(created.code).toBe(0);
  const tenant = JSON.parse(created.stdout) as { id: string; slug: string };
  const zip = join(dataDir, "district.zip");
  expect(
    (await runCli(["generate", zip, "--students", "25", "--school-year", "2027"], env)).code,
  ).toBe(0);
  expect((await runCli(["import", zip, "--tenant", slug, "--json"], env)).code).toBe(0);
  const client = await runCli(["clients", "create", "--tenant", slug, "--name", "x", "--all"], env);
  expect(client.code).toBe(0);

  const checksum = async () => {
    const handle = server ?? (await openDatabase({ kind: "pglite", dataDir }));
    try {
      const extra = await withTenant(handle.db, tenant.id, (tx) =>
        queryRows<{ sum: string }>(
          tx,
          sql`select (select md5(string_agg(c::text, '|' order by c::text)) from api_clients c)
                  || (select md5(string_agg(j::text, '|' order by j::text)) from import_jobs j) as sum`,
        ),
      );
      return `${await tenantChecksum(handle.db, tenant.id)},${extra[0]?.sum}`;
    } finally {
      if (!server) await handle.close();
    }
  };
  const files = () => listFiles(dataDir);
  return {
    env,
    dataDir,
    tenant,
    checksum,
    files,
    close: async () => {
      await server?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .sort()
    .map((name) => {
      const stat = statSync(join(dir, name));
      return `${name} ${stat.size} ${stat.mtimeMs}`;
    });
}
