import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.ts";
import { importJobs } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import { createTenant } from "../../src/tenants/tenants.ts";
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from "../support/database.ts";
import { startGatewayProcess } from "../support/gateway-process.ts";
import { scratchDir } from "../support/packages.ts";

/**
 * The database the gateway process will use: the test server's, or PGlite files in DATA_DIR
 * (opened here and closed again before the gateway starts, as PGlite admits one process).
 */
async function databaseFor(dataDir: string): Promise<{
  open(): Promise<DatabaseHandle>;
  env: Record<string, string>;
  drop(): Promise<void>;
}> {
  if (TEST_DATABASE_URL) {
    const database: TestDatabase = await createTestDatabase();
    return {
      open: async () => ({ ...database, close: async () => {} }),
      env: { DATABASE_URL: database.url as string },
      drop: () => database.close(),
    };
  }
  const dump = new Blob([readFileSync(inject("pgliteDump"))]);
  let first = true;
  return {
    open: () => {
      const initialData = first ? { initialData: dump } : {};
      first = false;
      return openDatabase({ kind: "pglite", dataDir, ...initialData });
    },
    env: {},
    drop: async () => {},
  };
}

describe("an import whose gateway process died", () => {
  const dataDir = scratchDir();
  let drop = async () => {};
  afterAll(() => drop());

  it("is closed as failed ('interrupted') at the next start, and its upload is removed", async () => {
    const database = await databaseFor(dataDir);
    drop = database.drop;
    const uploads = join(dataDir, "uploads");
    mkdirSync(uploads, { recursive: true });

    const before = await database.open();
    const tenant = await createTenant(before.db, "interrupted", "Interrupted");
    const [running, finished] = await withTenant(before.db, tenant.id, (tx) =>
      tx
        .insert(importJobs)
        .values([
          {
            tenantId: tenant.id,
            status: "running",
            fileName: "district.zip",
            startedAt: new Date(),
          },
          { tenantId: tenant.id, status: "succeeded", fileName: "old.zip" },
        ])
        .returning(),
    );
    await before.close();
    // What the killed process left: the upload of the running job, student data included.
    writeFileSync(join(uploads, `${running!.id}.zip`), "PK student data");

    const gateway = await startGatewayProcess({ DATA_DIR: dataDir, ...database.env });
    await gateway.stop();
    expect(gateway.stderr()).toMatch(/Closed 1 import\(s\) interrupted/);

    const after = await database.open();
    try {
      const jobs = await withTenant(after.db, tenant.id, (tx) =>
        tx.select().from(importJobs).where(eq(importJobs.tenantId, tenant.id)),
      );
      const byId = new Map(jobs.map((job) => [job.id, job]));
      expect(byId.get(running!.id)).toMatchObject({ status: "failed" });
      expect(byId.get(running!.id)?.error).toMatch(/^Interrupted/);
      expect(byId.get(running!.id)?.finishedAt).toBeInstanceOf(Date);
      expect(byId.get(finished!.id)).toMatchObject({ status: "succeeded", error: null });
    } finally {
      await after.close();
    }
    expect(readdirSync(uploads)).toEqual([]);
  });
});
