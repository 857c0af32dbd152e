import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/main.ts";
import { runCli } from "../support/cli.ts";
import { type CliDatabase, prepareCliDatabase } from "./support/cli-database.ts";

const STACK = /^\s+at /m;

/** Each command's help asked the ways people ask: `--help`, `-h`, after a subcommand. */
const HELP_REQUESTS = COMMANDS.flatMap((command) => [
  { command, args: [command.name, "--help"] },
  { command, args: [command.name, ...command.subcommands.slice(0, 1), "-h", "--no-such-flag"] },
]);

/** The first flag of a command with one letter doubled, as a hurried typist writes it. */
const misspelt = (flag: string) => `${flag.slice(0, 4)}${flag[3]}${flag.slice(4)}`;

describe("--help of every command in the command table", () => {
  let cli: CliDatabase;
  let before: { checksum: string; files: string[] };

  beforeAll(async () => {
    cli = await prepareCliDatabase("helpful");
    before = { checksum: await cli.checksum(), files: cli.files() };
  });
  afterAll(() => cli.close());

  it.each(HELP_REQUESTS)(
    "$args prints the usage, options and nothing else",
    async ({ command, args }) => {
      const result = await runCli(args, cli.env);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout).toMatch(new RegExp(`^Usage: npx tsa-gateway ${command.name}\\b`));
      for (const flag of [...command.flags, "--help"]) expect(result.stdout).toContain(flag);
      expect(result.stdout).not.toMatch(/^\{/m); // no JSON of a client, a tenant or a report
    },
  );

  it("changed nothing: the database checksum and every file under DATA_DIR are as before", async () => {
    expect(cli.files()).toEqual(before.files);
    expect(await cli.checksum()).toBe(before.checksum);
  });

  it("suggests the nearest option for a misspelt one, changing nothing", async () => {
    const withFlags = COMMANDS.filter((command) => command.flags.length > 0);
    expect(withFlags.length).toBeGreaterThan(4);
    await Promise.all(
      withFlags.map(async (command) => {
        const [flag] = command.flags as [string];
        const result = await runCli([command.name, misspelt(flag)], cli.env);
        expect(result.code, command.name).toBe(1);
        expect(result.stderr, command.name).toContain(
          `Unknown option ${misspelt(flag)} for '${command.name}'. Did you mean ${flag}?`,
        );
        expect(result.stderr).toContain(`npx tsa-gateway ${command.usage[0]}`);
        expect(result.stderr).not.toMatch(STACK);
      }),
    );
    const typo = await runCli(["import", "x.zip", "--tennant", "helpful"], cli.env);
    expect(typo.stderr).toMatch(/did you mean --tenant\?/i);
    expect(await cli.checksum()).toBe(before.checksum);
  });

  it("suggests the nearest command and subcommand", async () => {
    const command = await runCli(["improt", "x.zip"], cli.env);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("Unknown command 'improt'. Did you mean 'import'?");
    const subcommand = await runCli(["clients", "revokee", "x"], cli.env);
    expect(subcommand.code).toBe(1);
    expect(subcommand.stderr).toContain("Did you mean 'clients revoke'?");
  });

  it("lists every command of the table in the overall help", async () => {
    const result = await runCli(["--help"], cli.env);
    expect(result.code).toBe(0);
    for (const command of COMMANDS) {
      for (const usage of command.usage) expect(result.stdout).toContain(`tsa-gateway ${usage}`);
    }
  });
});

describe("--help opens no database and binds no port", () => {
  let parent: string;
  beforeAll(() => {
    parent = mkdtempSync(join(tmpdir(), "tsa-help-"));
  });
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it("works where no database could be opened, and creates no DATA_DIR", async () => {
    const dataDir = join(parent, "never-created");
    // Any database access would fail (nothing listens on port 1); settings are not even read.
    const env = { DATA_DIR: dataDir, DATABASE_URL: "postgres://x@127.0.0.1:1/x", PORT: "nope" };
    const results = await Promise.all(
      COMMANDS.map((command) => runCli([command.name, "--help"], env)),
    );
    expect(results.map((result) => result.code)).toEqual(COMMANDS.map(() => 0));
    expect(existsSync(dataDir)).toBe(false);
  });
});
