import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FILE_NAMES } from "../../../src/csv/catalogue.ts";
import { addProblem, createReport, formatReport } from "../../../src/csv/report.ts";
import { RULES } from "../../../src/csv/rules.ts";
import { FIXTURES, readAll, temporaryFolder } from "./package-helpers.ts";

describe("the problem report", () => {
  it("keeps at most 100 problems per rule and file, but counts them all", () => {
    const collector = createReport("district.zip");
    for (let line = 2; line < 252; line += 1) {
      addProblem(collector, {
        file: "users.csv",
        line,
        rule: "cell.boolean_case",
        message: "TRUE was read as true.",
      });
    }
    addProblem(collector, {
      file: "staff.csv",
      rule: "package.unknown_file",
      message: "staff.csv is not a OneRoster file name.",
    });
    const { report } = collector;
    expect(report.problems.filter((p) => p.file === "users.csv")).toHaveLength(100);
    expect(report.counts["users.csv"]?.["cell.boolean_case"]).toEqual({
      severity: "warning",
      count: 250,
    });
    expect(report).toMatchObject({ status: "rejected", errors: 1, warnings: 250 });
    expect(formatReport(report)).toContain("… and 150 more cell.boolean_case problems");
  });

  it("cuts long values to 80 characters", () => {
    const collector = createReport("district.zip");
    addProblem(collector, {
      file: "orgs.csv",
      line: 2,
      column: "sourcedId",
      rule: "cell.invalid_guid",
      value: "x".repeat(300),
      message: "too long",
    });
    expect(collector.report.problems[0]?.value).toHaveLength(80);
  });

  it("survives a JSON round trip unchanged", async () => {
    const { report } = await readAll(join(FIXTURES, "tolerated-1.2"));
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it("reads like a to-do list in a terminal: verdict, files, line:column, rule, message and fix", async () => {
    const { report } = await readAll(join(FIXTURES, "broken", "cell-boolean"));
    const text = formatReport(report);
    expect(text.split("\n").slice(0, 2)).toEqual([
      "cell-boolean: REJECTED (1 error, 0 warnings)",
      "",
    ]);
    expect(text).toContain("users.csv: 1 row read, 1 rejected");
    expect(text).toContain(
      '  2:enabledUser  error  cell.invalid_boolean  "yes" is not true or false.',
    );
    expect(text).toContain("      fix: Write true or false.");
  });
});

describe("passwords in a package", () => {
  let dir: Awaited<ReturnType<typeof temporaryFolder>>;
  beforeAll(async () => {
    dir = await temporaryFolder();
  });
  afterAll(() => dir.remove());

  it("never appear in the report, even when their cell is the one at fault", async () => {
    const folder = join(dir.path, "secrets");
    await mkdir(folder);
    const manifest = ["propertyName,value", "manifest.version,1.0", "oneroster.version,1.2"];
    for (const file of FILE_NAMES)
      manifest.push(`file.${file},${file === "userProfiles" ? "bulk" : "absent"}`);
    await writeFile(join(folder, "manifest.csv"), manifest.join("\n"));
    await writeFile(
      join(folder, "userProfiles.csv"),
      [
        "sourcedId,status,dateLastModified,userSourcedId,profileType,vendorId,applicationId,description,credentialType,username,password",
        'p-1,,,user-1,lms,acme,,,password,mlopez,"Hunter2\nsecond line"',
      ].join("\n"),
    );
    const { report } = await readAll(folder);
    expect(report.problems.map((p) => [p.rule, p.column, p.value])).toEqual([
      ["csv.line_break_in_field", "password", undefined],
    ]);
    expect(JSON.stringify(report)).not.toContain("Hunter2");
    expect(formatReport(report)).not.toContain("Hunter2");
  });
});

describe("docs/csv-import.md", () => {
  const doc = readFileSync(new URL("../../../docs/csv-import.md", import.meta.url), "utf8");

  it.each(Object.entries(RULES))("lists %s with its outcome and fix", (code, { severity, fix }) => {
    const cells = (line: string) => line.split("|").map((cell) => cell.trim());
    const row = doc
      .split("\n")
      .map(cells)
      // Policy rows have four columns: condition, outcome, rule, fix.
      .find((row) => row.length === 6 && row[3] === `\`${code}\``);
    expect(row, `${code} has no row in the policy table`).toBeDefined();
    expect(row?.[2]).toBe(severity === "error" ? "refused (error)" : "tolerated (warning)");
    expect(row?.[4]).toBe(fix);
  });
});
