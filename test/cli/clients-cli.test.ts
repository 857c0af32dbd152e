import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.ts";
import { createEmptyDatabase, TEST_DATABASE_URL, type TestDatabase } from "../support/database.ts";

describe("tsa-gateway clients list, rotate and revoke", () => {
  let env: Record<string, string>;
  let dataDir: string;
  let database: TestDatabase | undefined;
  let clientId: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "tsa-clients-"));
    env = { DATA_DIR: dataDir, DATABASE_URL: "" };
    if (TEST_DATABASE_URL) {
      database = await createEmptyDatabase();
      env.DATABASE_URL = database.url!;
      expect((await runCli(["migrate"], env)).code).toBe(0);
    }
    expect((await runCli(["tenants", "create", "lakeside", "--name", "Lakeside"], env)).code).toBe(
      0,
    );
    const created = await runCli(
      ["clients", "create", "--tenant", "lakeside", "--name", "SIS", "--scopes", "roster.readonly"],
      env,
    );
    ({ clientId } = JSON.parse(created.stdout));
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const list = async () => {
    const result = await runCli(["clients", "list", "--tenant", "lakeside", "--json"], env);
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as {
      clientId: string;
      revokedAt: string | null;
      secretVersion: number;
    }[];
  };

  it("lists the tenant's clients without their secrets", async () => {
    const clients = await list();
    expect(clients).toEqual([
      expect.objectContaining({ clientId, name: "SIS", revokedAt: null, secretVersion: 1 }),
    ]);
    expect(JSON.stringify(clients)).not.toMatch(/secretHash|clientSecret/);
    const table = await runCli(["clients", "list", "--tenant", "lakeside"], env);
    expect(table.stdout).toContain(`${clientId}  active  "SIS"`);
  });

  it("rotates a client, printing the new secret once as JSON like create", async () => {
    const rotated = await runCli(["clients", "rotate", clientId], env);
    expect(rotated.code).toBe(0);
    const printed = JSON.parse(rotated.stdout);
    expect(Object.keys(printed)).toEqual(["clientId", "clientSecret", "scopes"]);
    expect(printed.clientId).toBe(clientId);
    expect((await list())[0]?.secretVersion).toBe(2);
  });

  it("revokes a client; a revoked client cannot be rotated", async () => {
    const revoked = await runCli(["clients", "revoke", clientId], env);
    expect(revoked.code).toBe(0);
    expect(JSON.parse(revoked.stdout)).toEqual({ clientId, revokedAt: expect.any(String) });
    expect((await list())[0]?.revokedAt).toEqual(expect.any(String));
    const rotate = await runCli(["clients", "rotate", clientId], env);
    expect(rotate.code).toBe(1);
    expect(rotate.stderr).toContain("is revoked");
  });

  it("says what to do with an unknown or malformed client id", async () => {
    const unknown = await runCli(["clients", "revoke", "lakeside.nobody123456"], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("npx tsa-gateway clients list --tenant lakeside");
    const malformed = await runCli(["clients", "revoke", "nonsense"], env);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain("is not a client id");
  });
});
