import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, readAll } from "./package-helpers.ts";

interface Expected {
  file: string;
  rule: string;
  line?: number;
  column?: string;
}

/** What each package of fixtures/csv/broken must produce: its own rule, at its own place. */
const EXPECTED: Record<string, Expected[]> = {
  "manifest-invalid-value": [
    { file: "manifest.csv", line: 5, column: "value", rule: "manifest.invalid_value" },
  ],
  "manifest-unknown-property": [
    { file: "manifest.csv", line: 27, column: "propertyName", rule: "manifest.unknown_property" },
  ],
  "manifest-duplicate-property": [
    { file: "manifest.csv", line: 27, column: "propertyName", rule: "manifest.duplicate_property" },
  ],
  "manifest-unsupported-version": [
    {
      file: "manifest.csv",
      line: 3,
      column: "value",
      rule: "manifest.unsupported_oneroster_version",
    },
  ],
  "manifest-header": [{ file: "manifest.csv", line: 1, rule: "manifest.header" }],
  "manifest-missing-version": [
    { file: "manifest.csv", column: "oneroster.version", rule: "manifest.missing_property" },
  ],
  "manifest-missing-file": [{ file: "users.csv", rule: "package.missing_file" }],
  "manifest-undeclared-file": [{ file: "orgs.csv", rule: "package.undeclared_file" }],
  "manifest-missing": [{ file: "manifest-missing", rule: "package.missing_manifest" }],
  "header-misspelled": [
    { file: "orgs.csv", line: 1, column: "parentSourceId", rule: "header.misspelled" },
  ],
  "header-wrong-case": [
    { file: "orgs.csv", line: 1, column: "SourcedId", rule: "header.wrong_case" },
  ],
  "header-order": [{ file: "orgs.csv", line: 1, column: "name", rule: "header.order" }],
  "header-missing-column": [
    { file: "orgs.csv", line: 1, column: "identifier", rule: "header.missing_column" },
  ],
  "header-unknown-column": [
    { file: "orgs.csv", line: 1, column: "address", rule: "header.unknown_column" },
  ],
  "header-metadata-position": [
    { file: "orgs.csv", line: 1, column: "parentSourcedId", rule: "header.metadata_position" },
  ],
  "header-duplicate": [{ file: "orgs.csv", line: 1, column: "name", rule: "header.duplicate" }],
  "header-blank-name": [{ file: "orgs.csv", line: 1, rule: "header.blank_name" }],
  "row-width": [{ file: "orgs.csv", line: 3, rule: "row.width_mismatch" }],
  "cell-required": [{ file: "orgs.csv", line: 2, column: "name", rule: "cell.required" }],
  "cell-guid": [{ file: "orgs.csv", line: 3, column: "sourcedId", rule: "cell.invalid_guid" }],
  "cell-date": [
    { file: "academicSessions.csv", line: 2, column: "startDate", rule: "cell.invalid_date" },
    { file: "academicSessions.csv", line: 3, column: "endDate", rule: "cell.invalid_date" },
  ],
  "cell-datetime": [
    { file: "orgs.csv", line: 2, column: "dateLastModified", rule: "cell.invalid_datetime" },
  ],
  "cell-year": [
    { file: "academicSessions.csv", line: 2, column: "schoolYear", rule: "cell.invalid_year" },
  ],
  "cell-float": [{ file: "categories.csv", line: 2, column: "weight", rule: "cell.invalid_float" }],
  "cell-boolean": [
    { file: "users.csv", line: 2, column: "enabledUser", rule: "cell.invalid_boolean" },
  ],
  "cell-list": [{ file: "courses.csv", line: 2, column: "grades", rule: "cell.empty_list_item" }],
  "cell-user-ids": [
    { file: "users.csv", line: 2, column: "userIds", rule: "cell.invalid_user_ids" },
  ],
  "cell-score-scale-value": [
    {
      file: "scoreScales.csv",
      line: 2,
      column: "scoreScaleValue",
      rule: "cell.invalid_score_scale_value",
    },
  ],
  "cell-enum": [{ file: "orgs.csv", line: 2, column: "type", rule: "cell.invalid_enum" }],
  "cell-enum-not-extensible": [
    { file: "roles.csv", line: 2, column: "roleType", rule: "cell.invalid_enum" },
  ],
  "cell-learning-objective-source": [
    {
      file: "lineItemLearningObjectiveIds.csv",
      line: 2,
      column: "source",
      rule: "cell.invalid_enum",
    },
  ],
  "cell-subject-codes": [
    { file: "courses.csv", line: 2, column: "subjectCodes", rule: "cell.subject_codes_mismatch" },
  ],
  "cell-not-utf8": [{ file: "orgs.csv", line: 2, column: "name", rule: "cell.not_utf8" }],
  "lifecycle-in-bulk": [
    { file: "orgs.csv", line: 3, column: "status", rule: "lifecycle.delete_in_bulk" },
  ],
  "lifecycle-in-delta": [
    { file: "orgs.csv", line: 2, column: "status", rule: "lifecycle.required_in_delta" },
    { file: "orgs.csv", line: 3, column: "dateLastModified", rule: "lifecycle.required_in_delta" },
  ],
  "lifecycle-status": [
    { file: "orgs.csv", line: 2, column: "status", rule: "lifecycle.invalid_status" },
  ],
  "csv-quoted-line-break": [
    { file: "orgs.csv", line: 3, column: "name", rule: "csv.line_break_in_field" },
  ],
  "csv-bare-cr-in-row": [
    { file: "orgs.csv", line: 3, column: "name", rule: "csv.bare_carriage_return" },
  ],
  "csv-bare-cr-line-endings": [{ file: "orgs.csv", line: 1, rule: "csv.bare_carriage_return" }],
  "csv-malformed-quotes": [{ file: "orgs.csv", line: 3, rule: "csv.malformed" }],
  "csv-wrong-delimiter": [{ file: "orgs.csv", line: 1, rule: "csv.wrong_delimiter" }],
  "csv-utf16": [{ file: "orgs.csv", line: 1, rule: "csv.not_utf8" }],
  "file-no-data-rows": [{ file: "orgs.csv", line: 1, rule: "file.no_data_rows" }],
  "file-empty": [{ file: "orgs.csv", rule: "file.empty" }],
  "package-file-name-case": [
    { file: "Orgs.csv", rule: "package.file_name_case" },
    { file: "orgs.csv", rule: "package.missing_file" },
  ],
  "package-unknown-file": [{ file: "enrolments.csv", rule: "package.unknown_file" }],
  "zip-directory-entry": [{ file: "archive/", rule: "zip.directory_entry" }],
};

const BROKEN = join(FIXTURES, "broken");

describe("each broken fixture package", () => {
  it("has a row in the expectation table, and every row has a package", () => {
    expect(readdirSync(BROKEN).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))(
    "%s is rejected with exactly its own errors",
    async (name, expected) => {
      const { report } = await readAll(join(BROKEN, name));
      expect(report.status).toBe("rejected");
      const errors = report.problems
        .filter((problem) => problem.severity === "error")
        .map(({ file, line, column, rule }) => ({ file, rule, line, column }));
      expect(errors).toEqual(expected.map((e) => ({ line: undefined, column: undefined, ...e })));
    },
  );
});

describe("messages a district data manager can act on", () => {
  it("names the column a misspelled header was meant to be", async () => {
    const { report } = await readAll(join(BROKEN, "header-misspelled"));
    expect(report.problems[0]?.message).toContain("expected parentSourcedId");
    expect(report.problems[0]?.fix).toBe("Rename the column parentSourcedId.");
  });

  it("suggests the right spelling of a file name", async () => {
    const { report } = await readAll(join(BROKEN, "package-unknown-file"));
    expect(report.problems[0]?.message).toContain("did you mean enrollments.csv?");
  });

  it("says why a date like 1/05/2026 cannot be guessed", async () => {
    const { report } = await readAll(join(BROKEN, "cell-date"));
    expect(report.problems[1]?.message).toMatch(/cannot be told apart/);
    expect(report.problems[1]?.value).toBe("1/05/2026");
  });

  it("explains that a bulk file deletes by leaving rows out", async () => {
    const { report } = await readAll(join(BROKEN, "lifecycle-in-bulk"));
    expect(report.problems[0]?.fix).toMatch(/missing row is deleted/);
  });

  it("keeps reading the rows after a quoted line break", async () => {
    const { report, rows } = await readAll(join(BROKEN, "csv-quoted-line-break"));
    expect(report.files["orgs.csv"]).toMatchObject({ read: 3, rejected: 1 });
    expect(rows.map((row) => [row.line, row.record.values.sourcedId])).toEqual([
      [2, "org-district"],
      [5, "org-school-2"],
    ]);
  });

  it("accepts no row of a file whose header is wrong, yet still checks them all", async () => {
    const { report, rows } = await readAll(join(BROKEN, "header-order"));
    expect(rows).toEqual([]);
    expect(report.files["orgs.csv"]).toMatchObject({ read: 1, rejected: 1 });
  });
});
