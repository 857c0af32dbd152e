import { expect, it } from "vitest";
import { problemsOf, readAll, recordsOf } from "./package-helpers.ts";

/**
 * What the public OneRoster samples (../shared/spec/oneroster-samples, see its SOURCES.md) teach
 * the reader, written once and run over two packages each: the public sample where it is at
 * hand, and the project's own package in fixtures/csv/samples that reproduces its every defect.
 * Call these inside a `describe`.
 */

const where = (problems: readonly { file: string; line?: number; column?: string }[]) =>
  problems.map((p) => `${p.file}:${p.line ?? "-"}:${p.column ?? "-"}`);

/** A package and the same files as one zip. */
export interface SamplePackage {
  folder: string;
  zip: () => Promise<string>;
}

/** The deliberately dirty OneRoster 1.2 bulk package (Moodle `v1p2_full_dataset`). */
export async function dirtyBulkPackageChecks(
  sample: SamplePackage & { password: string },
): Promise<void> {
  // A missing folder reads as an unreadable package, never a throw, so collecting a skipped suite is safe.
  const { report } = await readAll(sample.folder);

  it("is rejected", () => {
    expect(report.status).toBe("rejected");
  });

  it("manifest: empty values for file.scoreScales, file.userProfiles and file.userResources", () => {
    expect(where(problemsOf(report, "manifest.invalid_value"))).toEqual([
      "manifest.csv:21:value",
      "manifest.csv:22:value",
      "manifest.csv:23:value",
    ]);
  });

  it("manifest: source.systemCode and source.systemName hold the value absent", () => {
    expect(where(problemsOf(report, "manifest.suspicious_source"))).toEqual([
      "manifest.csv:25:value",
      "manifest.csv:26:value",
    ]);
  });

  it("the file is named userprofiles.csv instead of userProfiles.csv", () => {
    const [problem] = problemsOf(report, "package.file_name_case");
    expect(problem?.file).toBe("userprofiles.csv");
    expect(problem?.message).toContain("did you mean userProfiles.csv?");
  });

  it("userprofiles.csv holds a copy of roles.csv, so its header lacks the user-profile columns", () => {
    const missingColumns = problemsOf(report, "header.missing_column").filter(
      (p) => p.file === "userprofiles.csv",
    );
    expect(missingColumns.map((p) => p.column)).toEqual([
      "profileType",
      "vendorId",
      "applicationId",
      "description",
      "credentialType",
      "username",
      "password",
    ]);
  });

  it("roles.csv: the header says dataLastModified", () => {
    const [problem] = problemsOf(report, "header.misspelled").filter((p) => p.file === "roles.csv");
    expect(problem).toMatchObject({ line: 1, column: "dataLastModified" });
    expect(problem?.message).toContain("expected dateLastModified");
  });

  it("roles.csv: the header ends with two empty cells", () => {
    const blanks = problemsOf(report, "header.blank_name").filter((p) => p.file === "roles.csv");
    expect(blanks.map((p) => p.message)).toEqual([
      "Column J has no name.",
      "Column K has no name.",
    ]);
  });

  it("roles.csv: the data rows have fewer cells than the header", () => {
    expect(where(problemsOf(report, "row.width_mismatch"))).toEqual(
      [2, 3, 4, 5, 6, 7, 8].map((line) => `roles.csv:${line}:-`),
    );
  });

  it("roles.csv: dateLastModified holds dates, not date-times", () => {
    const dates = problemsOf(report, "cell.invalid_datetime").filter((p) => p.file === "roles.csv");
    expect(dates).toHaveLength(7);
    expect(dates.every((p) => p.column === "dateLastModified" && p.value === "2025-01-01")).toBe(
      true,
    );
  });

  it("users.csv: the preferred-name headers are misspelled", () => {
    const misspelled = problemsOf(report, "header.misspelled").filter(
      (p) => p.file === "users.csv",
    );
    expect(misspelled.map((p) => [p.column, p.message.split("expected ")[1]])).toEqual([
      ["prefferedGivenName", "preferredGivenName."],
      ["prefferedMiddleName", "preferredMiddleName."],
      ["prefferedFamilyName", "preferredFamilyName."],
    ]);
  });

  it("users.csv: dates written 1/05/2023 and 15/06/2023 are refused as ambiguous", () => {
    const dates = problemsOf(report, "cell.invalid_datetime").filter((p) => p.file === "users.csv");
    expect(dates.map((p) => [p.line, p.value])).toEqual([
      [2, "1/05/2023"],
      [4, "1/05/2023"],
      [5, "1/05/2023"],
      [6, "1/05/2023"],
      [7, "15/06/2023"],
    ]);
    expect(dates[0]?.message).toMatch(/cannot be told apart/);
  });

  it("users.csv: enabledUser is TRUE (read as true, with a warning)", () => {
    const upper = problemsOf(report, "cell.boolean_case");
    expect(upper.map((p) => p.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(upper.every((p) => p.severity === "warning" && p.column === "enabledUser")).toBe(true);
  });

  it("users.csv: one row leaves status and dateLastModified blank while the others fill them", () => {
    expect(where(problemsOf(report, "lifecycle.mixed_in_bulk"))).toEqual(["users.csv:3:-"]);
  });

  it("academicSessions.csv: status inactive is not a 1.2 status", () => {
    expect(where(problemsOf(report, "lifecycle.invalid_status"))).toEqual([
      "academicSessions.csv:4:status",
    ]);
  });

  it("academicSessions.csv: dateLastModified holds bare dates", () => {
    const dates = problemsOf(report, "cell.invalid_datetime").filter(
      (p) => p.file === "academicSessions.csv",
    );
    expect(dates.map((p) => [p.line, p.value])).toEqual([
      [4, "2023-05-01"],
      [5, "2023-05-01"],
    ]);
  });

  it("academicSessions.csv: the last line has no line break and is still read", () => {
    expect(report.files["academicSessions.csv"]?.read).toBe(5);
    expect(where(problemsOf(report, "lifecycle.filled_in_bulk"))).toContain(
      "academicSessions.csv:6:status",
    );
  });

  it("classes.csv: classType Scheduled (read as scheduled, with a warning)", () => {
    expect(
      problemsOf(report, "cell.enum_case").map((p) => [p.file, p.line, p.column, p.message]),
    ).toEqual([["classes.csv", 2, "classType", '"Scheduled" was read as scheduled.']]);
  });

  it("classes.csv: list cells hold spaces after the commas", () => {
    expect(where(problemsOf(report, "cell.list_spaces"))).toEqual([
      "classes.csv:2:subjects",
      "classes.csv:2:subjectCodes",
    ]);
  });

  it("every file is declared bulk, yet its rows fill status and dateLastModified", () => {
    const filled = problemsOf(report, "lifecycle.filled_in_bulk");
    expect(new Set(filled.map((p) => p.file))).toEqual(
      new Set(["orgs.csv", "academicSessions.csv", "classes.csv", "enrollments.csv"]),
    );
    expect(where(problemsOf(report, "lifecycle.delete_in_bulk"))).toEqual([
      "academicSessions.csv:2:status",
      "classes.csv:3:status",
    ]);
  });

  it("CRLF line endings without a BOM are read silently", () => {
    expect(report.problems.filter((p) => p.rule.startsWith("csv."))).toEqual([]);
  });

  it("never repeats a password from the data in the report", () => {
    expect(JSON.stringify(report)).not.toContain(sample.password);
  });

  it("reports the same problems when the package is uploaded as a zip", async () => {
    const zipped = await readAll(await sample.zip());
    const strip = (r: typeof report) =>
      r.problems
        .filter((p) => p.rule !== "package.ignored_entry")
        .map(({ file, line, column, rule }) => ({ file, line, column, rule }));
    expect(strip(zipped.report)).toEqual(strip(report));
  });
}

/** A small clean OneRoster 1.2 delta package with upper-case TRUE (Moodle `oneroster_test_data`). */
export async function deltaPackageChecks(
  sample: SamplePackage & {
    /** Entries beside the CSV files that the reader notes and skips (e.g. the original zip). */
    ignoredEntries: string[];
    user: { sourcedId: string; values: Record<string, unknown> };
  },
): Promise<void> {
  const result = await readAll(sample.folder);

  it("reads with no error; only the upper-case TRUE and any entry beside the files are noted", () => {
    expect(result.report.errors).toBe(0);
    expect(result.report.problems.map((p) => `${p.file}:${p.line ?? "-"} ${p.rule}`)).toEqual([
      ...sample.ignoredEntries.map((entry) => `${entry}:- package.ignored_entry`),
      "users.csv:2 cell.boolean_case",
    ]);
  });

  it("yields each delta record with its status and date", () => {
    expect(result.rows).toHaveLength(9);
    expect(recordsOf(result.rows, "users").get(sample.user.sourcedId)?.values).toMatchObject({
      status: "active",
      enabledUser: true,
      ...sample.user.values,
    });
  });

  it("reads the same from its zip", async () => {
    const zipped = await readAll(await sample.zip());
    expect(zipped.report.problems.map((p) => p.rule)).toEqual(["cell.boolean_case"]);
    expect(zipped.rows.map((row) => row.record)).toEqual(result.rows.map((row) => row.record));
  });
}

/** A realistic OneRoster 1.1 bulk package (Ed-Fi LMS Toolkit sample). */
export async function legacyPackageChecks(sample: {
  folder: string;
  teacherRole: { sourcedId: string; orgSourcedId: string };
  student: { sourcedId: string; localId: string };
  class: { sourcedId: string; termSourcedIds: string[] };
}): Promise<void> {
  const result = await readAll(sample.folder);

  it("reads with no error; manifest.version 1 and two rows with a trailing comma are noted", () => {
    expect(result.report.errors).toBe(0);
    expect(result.report.problems.map((p) => `${p.file}:${p.line ?? "-"} ${p.rule}`)).toEqual([
      "manifest.csv:2 manifest.version_format",
      "users.csv:10 row.trailing_blank_cells",
      "users.csv:11 row.trailing_blank_cells",
    ]);
  });

  it("maps its ten 1.1 users onto 1.2 users with one role each", () => {
    expect(recordsOf(result.rows, "users").size).toBe(10);
    const roles = recordsOf(result.rows, "roles");
    expect(roles.size).toBe(10);
    expect(roles.get(sample.teacherRole.sourcedId)?.values).toMatchObject({
      role: "teacher",
      orgSourcedId: sample.teacherRole.orgSourcedId,
    });
    expect(recordsOf(result.rows, "users").get(sample.student.sourcedId)?.values.userIds).toEqual([
      { type: "Local", identifier: sample.student.localId },
    ]);
  });

  it("keeps the two terms of a quoted multi-value termSourcedIds", () => {
    expect(
      recordsOf(result.rows, "classes").get(sample.class.sourcedId)?.values.termSourcedIds,
    ).toEqual(sample.class.termSourcedIds);
  });
}
