import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeUnexpected } from "../../src/cli/unexpected.ts";
import { wantsDebugOutput } from "../../src/config/env.ts";
import { runCli } from "../support/cli.ts";
import { type CliDatabase, prepareCliDatabase } from "./support/cli-database.ts";

const STACK = /^\s+at |node:internal|\n\s*\^/m;
const SLUG = "failing";

interface Case {
  what: string;
  args: (dataDir: string) => string[];
  env?: Record<string, string>;
  /** The sentence that names the cause and the fix, on stderr. */
  fix: RegExp;
  /** A secret that must not appear anywhere in the output. */
  secret?: string;
}

const CASES: Case[] = [
  {
    what: "DATABASE_URL=garbage, in one line",
    args: () => ["migrate"],
    env: { DATABASE_URL: "garbage" },
    fix: /^ {2}DATABASE_URL="garbage": must be a postgres:\/\/ URL, e.g. postgres:\/\/user:pass@/m,
  },
  {
    what: "a DATABASE_URL that is no URL, without its password",
    args: () => ["serve"],
    env: { DATABASE_URL: "postgres//admin:hunter2-password@db/tsa" },
    fix: /DATABASE_URL="postgres\/\/admin:\*\*\*@db\/tsa": must be a postgres:\/\/ URL/,
    secret: "hunter2-password",
  },
  {
    what: "a TOKEN_SECRET too short, never echoed",
    args: () => ["migrate"],
    env: { TOKEN_SECRET: "s3cret-too-short" },
    fix: /TOKEN_SECRET=\(hidden, 16 characters\): must be at least 32 characters; generate one with `openssl rand -hex 32`/,
    secret: "s3cret-too-short",
  },
  {
    what: "a refused connection, without the password",
    args: () => ["tenants", "create", "x", "--name", "X"],
    env: { DATABASE_URL: "postgres://app:refused-password@127.0.0.1:1/tsa" },
    fix: /Nothing accepts connections at 127\.0\.0\.1:1 \(connection refused\)\. Start PostgreSQL there, or fix the host and port in DATABASE_URL\./,
    secret: "refused-password",
  },
  {
    what: "an export to a folder that does not exist",
    args: (dir) => [
      "export",
      "oneroster",
      join(dir, "no-such-folder", "out.zip"),
      "--tenant",
      SLUG,
    ],
    fix: /the folder .*no-such-folder does not exist\. Create it \(mkdir -p .*no-such-folder\)/,
  },
  {
    what: "an export onto a folder",
    args: (dir) => ["export", "oneroster", dir, "--tenant", SLUG],
    fix: /it is a folder\. Give a file name inside it/,
  },
  {
    what: "a generated package into a folder that does not exist",
    args: (dir) => ["generate", join(dir, "nowhere", "d.zip"), "--students", "5"],
    fix: /Create it \(mkdir -p .*nowhere\)/,
  },
  {
    what: "an unknown tenant (export)",
    args: (dir) => ["export", "oneroster", join(dir, "x.zip"), "--tenant", "nowhere"],
    fix: /No tenant 'nowhere'\. Create it first: npx tsa-gateway tenants create nowhere/,
  },
  {
    what: "an unknown tenant (clients list)",
    args: () => ["clients", "list", "--tenant", "nowhere"],
    fix: /npx tsa-gateway tenants create nowhere/,
  },
  {
    what: "a missing --tenant",
    args: (dir) => ["import", join(dir, "district.zip")],
    fix: /Missing --tenant\.\nUsage: npx tsa-gateway import <zip\|dir> --tenant <slug>/,
  },
  {
    what: "a --since that is no date",
    args: (dir) => ["export", "oneroster", join(dir, "x.zip"), "--tenant", SLUG, "--since", "May"],
    fix: /--since 'May' is not a date-time; write e.g. 2026-09-01T00:00:00Z\./,
  },
  {
    what: "a --school-year that is no year",
    args: (dir) => ["generate", join(dir, "y.zip"), "--students", "5", "--school-year", "next"],
    fix: /--school-year needs a whole number of at least 1900\./,
  },
  {
    what: "a malformed client id",
    args: () => ["clients", "revoke", "nonsense"],
    fix: /'nonsense' is not a client id: ids look like <tenant>\.<random>/,
  },
];

describe("expected failures name the cause and the fix, without a stack trace or a secret", () => {
  let cli: CliDatabase;
  let before: string;

  beforeAll(async () => {
    cli = await prepareCliDatabase(SLUG);
    before = await cli.checksum();
  });
  afterAll(() => cli.close());

  it.each(CASES)("$what", async ({ args, env, fix, secret }) => {
    const result = await runCli(args(cli.dataDir), { ...cli.env, ...env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(fix);
    expect(result.stderr).toMatch(/^Error: /);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(STACK);
    if (secret) expect(`${result.stdout}${result.stderr}`).not.toContain(secret);
  });

  it("changed nothing", async () => {
    expect(await cli.checksum()).toBe(before);
  });

  it("reports a package that is no zip, or not there, as a rejected import with the fix", async () => {
    const corrupt = join(cli.dataDir, "corrupt.zip");
    writeFileSync(corrupt, "this is not a zip file");
    for (const path of [corrupt, join(cli.dataDir, "missing.zip")]) {
      const result = await runCli(["import", path, "--tenant", SLUG], cli.env);
      expect(result.code, path).toBe(1);
      expect(result.stdout).toMatch(/REJECTED/);
      expect(result.stdout).toMatch(/^ {6}fix: .+/m);
      expect(`${result.stdout}${result.stderr}`).not.toMatch(STACK);
    }
  });
});

describe("an unexpected error", () => {
  const error = Object.assign(new Error("EIO: i/o error, read"), {
    code: "EIO",
    syscall: "read",
    path: "/data/x.zip",
  });

  it("is one line and how to see more, unless DEBUG (not 0) asks for the stack", () => {
    const plain = describeUnexpected(error, false);
    expect(plain).toBe(
      "Unexpected error: cannot read /data/x.zip (EIO): EIO: i/o error, read\nRun again with DEBUG=1 to see where it happened, and report it with that output.",
    );
    expect(describeUnexpected(error, true)).toMatch(STACK);
    expect([undefined, "", "0", "1", "yes"].map((DEBUG) => wantsDebugOutput({ DEBUG }))).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
  });
});
