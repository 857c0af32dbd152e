import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeProgress } from "../../src/cli/progress.ts";
import { currentSchoolYear } from "../../src/generate/index.ts";
import { runCli } from "../support/cli.ts";
import { type CliDatabase, prepareCliDatabase } from "./support/cli-database.ts";

describe("the human import report", () => {
  let cli: CliDatabase;

  beforeAll(async () => {
    cli = await prepareCliDatabase("reported");
  });
  afterAll(() => cli.close());

  it("shows per file what was inserted, updated, unchanged, marked tobedeleted and rejected", async () => {
    const smaller = join(cli.dataDir, "smaller.zip");
    const args = ["generate", smaller, "--students", "20", "--school-year", "2027"];
    expect((await runCli(args, cli.env)).code).toBe(0);
    const importArgs = ["import", smaller, "--tenant", "reported", "--force"];

    const dry = await runCli([...importArgs, "--dry-run", "--json"], cli.env);
    const files = JSON.parse(dry.stdout).report.files as Record<
      string,
      {
        read: number;
        rejected: number;
        inserted: number;
        updated: number;
        unchanged: number;
        deleted: number;
      }
    >;
    expect(files["users.csv"]?.deleted).toBeGreaterThan(0);
    expect(files["users.csv"]?.unchanged).toBeGreaterThan(0);

    const human = await runCli(importArgs, cli.env);
    expect(human.code).toBe(0);
    for (const [file, n] of Object.entries(files)) {
      const count = (value: number) => value.toLocaleString("en-US");
      expect(human.stdout).toContain(
        `${file}: ${count(n.read)} row${n.read === 1 ? "" : "s"} read, ${count(n.rejected)} rejected | ${count(n.inserted)} inserted, ${count(n.updated)} updated, ${count(n.unchanged)} unchanged, ${count(n.deleted)} marked tobedeleted`,
      );
    }
    expect(human.stdout).toMatch(/Import [0-9a-f-]+: succeeded/);
    // Without a terminal, progress is whole plain lines: no bar redrawn in place, no colours.
    expect(human.stderr.includes("\r") || human.stderr.includes("\u001b")).toBe(false);
    for (const line of human.stderr.split("\n").filter(Boolean)) {
      expect(line).toMatch(
        /^Progress: .+ of .+ \(\d+%\), (about .+ left|time left not known yet) \(.+\)$/,
      );
    }
  });
});

describe("progress for a log", () => {
  it("says done of total, the percentage and the time left at the pace so far", () => {
    expect(describeProgress(25, 100, 10, "rows")).toBe(
      "25 rows of 100 rows (25%), about 30 s left",
    );
    expect(describeProgress(3 * 1024 * 1024, 12 * 1024 * 1024, 90, "bytes")).toBe(
      "3.0 MB of 12.0 MB (25%), about 4 min 30 s left",
    );
    expect(describeProgress(0, 100, 1, "rows")).toBe(
      "0 rows of 100 rows (0%), time left not known yet",
    );
    expect(describeProgress(1500, 0, 5, "rows")).toBe("1,500 rows after 5 s");
  });
});

describe("the current school year", () => {
  it.each([
    ["2026-12-06", 2027],
    ["2027-03-01", 2027],
    ["2027-06-30", 2027],
    ["2027-07-01", 2028],
    ["2027-08-20", 2028],
  ])("on %s is the one ending in %i (August to June, the next one from July)", (day, year) => {
    expect(currentSchoolYear(new Date(`${day}T12:00:00Z`))).toBe(year);
  });
});
