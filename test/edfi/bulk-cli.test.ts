import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import { auditLogs } from "../../src/db/existing/index.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import {
  DESCRIPTOR_NAMES,
  descriptorEndpoint,
  EDFI_RESOURCES,
  type EdfiManifest,
} from "../../src/edfi/index.ts";
import { requireTenant } from "../../src/tenants/index.ts";
import { runCli } from "../support/cli.ts";
import { createEmptyDatabase, TEST_DATABASE_URL, type TestDatabase } from "../support/database.ts";
import { readZipFile } from "../unit/csv-write/zip-entries.ts";

describe("tsa-gateway export edfi", () => {
  let env: Record<string, string>;
  let dataDir: string;
  let database: TestDatabase | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "tsa-edfi-cli-"));
    env = { DATA_DIR: dataDir, PORT: "0", DATABASE_URL: "" };
    if (TEST_DATABASE_URL) {
      database = await createEmptyDatabase();
      env.DATABASE_URL = database.url as string;
    }
    const zip = join(dataDir, "district.zip");
    for (const args of [
      ["migrate"],
      ["tenants", "create", "lakeside", "--name", "Lakeside USD"],
      ["generate", zip, "--students", "15", "--seed", "5"],
      ["import", zip, "--tenant", "lakeside", "--json"],
    ]) {
      const result = await runCli(args, env);
      expect(result.code, result.stderr).toBe(0);
    }
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The export's disclosure records, read once the command has exited. */
  const disclosures = async () => {
    const handle = database ?? (await openDatabase({ kind: "pglite", dataDir }));
    try {
      const tenant = await requireTenant(handle.db, "lakeside");
      return await withTenant(handle.db, tenant.id, (tx) =>
        tx
          .select()
          .from(auditLogs)
          .where(and(eq(auditLogs.entity, "edfi-bulk"), eq(auditLogs.endpoint, "CLI export edfi"))),
      );
    } finally {
      if (!database) await handle.close();
    }
  };

  it("writes every resource, then only what changed since the manifest's change version, logging each export", async () => {
    const out = join(dataDir, "all.zip");
    const all = await runCli(
      ["export", "edfi", out, "--tenant", "lakeside", "--purpose", "state reporting"],
      env,
    );
    expect(all.code, all.stderr).toBe(0);
    const entries = await readZipFile(out);
    const manifest = JSON.parse(entries.get("manifest.json") ?? "null") as EdfiManifest;
    expect([...entries.keys()]).toEqual([
      ...DESCRIPTOR_NAMES.map((name) => `${descriptorEndpoint(name)}.jsonl`),
      ...EDFI_RESOURCES.map((resource) => `${resource.endpoint}.jsonl`),
      "manifest.json",
    ]);
    for (const [name, text] of entries) {
      if (name.endsWith(".jsonl")) {
        expect(text.split("\n").filter(Boolean).length, name).toBe(manifest.counts[name]);
      }
    }
    const total = Object.values(manifest.counts).reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThan(15);
    expect(all.stderr).toContain(`--since-change-version ${manifest.changeVersion}`);

    const deltaOut = join(dataDir, "delta.zip");
    const delta = await runCli(
      [
        "export",
        "edfi",
        deltaOut,
        "--tenant",
        "lakeside",
        "--since-change-version",
        String(manifest.changeVersion),
      ],
      env,
    );
    expect(delta.code, delta.stderr).toBe(0);
    const deltaManifest = JSON.parse(
      (await readZipFile(deltaOut)).get("manifest.json") ?? "null",
    ) as EdfiManifest;
    expect(deltaManifest.sinceChangeVersion).toBe(manifest.changeVersion);
    expect(Object.values(deltaManifest.counts).every((n) => n === 0)).toBe(true);

    const logged = await disclosures();
    expect(
      logged.map((row) => [row.purpose, row.recordCount, row.actorId?.startsWith("cli:")]),
    ).toEqual([
      ["state reporting", total, true],
      ["operator export (CLI)", 0, true],
    ]);
  });

  it("refuses a change version that is not a number, writing no file", async () => {
    const out = join(dataDir, "bad.zip");
    const bad = await runCli(
      ["export", "edfi", out, "--tenant", "lakeside", "--since-change-version", "last-week"],
      env,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--since-change-version 'last-week' is not a change version/);
    expect(existsSync(out)).toBe(false);
    const misplaced = await runCli(
      ["export", "oneroster", out, "--tenant", "lakeside", "--purpose", "x"],
      env,
    );
    expect(misplaced.code).toBe(1);
    expect(misplaced.stderr).toMatch(/--purpose does not apply to export oneroster/);
  });
});
