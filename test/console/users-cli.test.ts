import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.ts";
import { createEmptyDatabase, TEST_DATABASE_URL, type TestDatabase } from "../support/database.ts";

const BIN = fileURLToPath(new URL("../../bin/tsa-gateway.js", import.meta.url));

describe("tsa-gateway users create", () => {
  let env: Record<string, string>;
  let dataDir: string;
  let database: TestDatabase | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "tsa-users-"));
    env = { DATA_DIR: dataDir, DATABASE_URL: "" };
    if (TEST_DATABASE_URL) {
      database = await createEmptyDatabase();
      env.DATABASE_URL = database.url as string;
      expect((await runCli(["migrate"], env)).code).toBe(0);
    }
    expect((await runCli(["tenants", "create", "lakeside", "--name", "Lakeside"], env)).code).toBe(
      0,
    );
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The command with the password piped to its stdin. */
  const create = (args: string[], password: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        [BIN, "users", "create", "--tenant", "lakeside", "--password-stdin", ...args],
        { env: { ...process.env, ...env }, timeout: 120_000 },
        (error, stdout, stderr) =>
          resolve({
            code: error ? (typeof error.code === "number" ? error.code : 1) : 0,
            stdout,
            stderr,
          }),
      );
      child.stdin?.end(`${password}\n`);
    });

  it("creates a user from a piped password, prints no password, and refuses the same email again", async () => {
    const password = "a long enough passphrase";
    const created = await create(["--email", "Ana@Lakeside.org", "--role", "auditor"], password);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({
      email: "ana@lakeside.org",
      role: "auditor",
      tenant: "lakeside",
    });
    expect(created.stdout + created.stderr).not.toContain(password);
    const again = await create(["--email", "ana@lakeside.org"], password);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already has a console user ana@lakeside.org");
    expect(again.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses a short password, a bad email and an unknown role with the fix, and no stack", async () => {
    const long = "a long enough passphrase";
    for (const [args, password, message] of [
      [["--email", "bo@lakeside.org"], "short", "at least 12 characters"],
      [["--email", "not-an-email"], long, "is not an email address"],
      [
        ["--email", "bo@lakeside.org", "--role", "owner"],
        long,
        "use one of admin, uploader, auditor",
      ],
    ] as const) {
      const result = await create([...args], password);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
