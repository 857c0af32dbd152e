import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FILES, LOAD_ORDER } from "../../../src/csv/catalogue.ts";
import { FIXTURES, readAll, recordsOf } from "./package-helpers.ts";

const rulesFound = (result: Awaited<ReturnType<typeof readAll>>) =>
  result.report.problems.map((p) => `${p.file}:${p.line ?? "-"} ${p.rule}`);

describe("a complete OneRoster 1.2 bulk package", async () => {
  const result = await readAll(join(FIXTURES, "valid-bulk-1.2"));

  it("is accepted without a single error or warning", () => {
    expect(rulesFound(result)).toEqual([]);
    expect(result.report.status).toBe("accepted");
  });

  it("yields every row of all 21 files, in load order", () => {
    const perFile = Object.fromEntries(
      Object.entries(result.report.files).map(([file, counters]) => [file, counters.read]),
    );
    expect(perFile).toEqual({
      "orgs.csv": 2,
      "academicSessions.csv": 3,
      "courses.csv": 2,
      "classes.csv": 2,
      "resources.csv": 1,
      "users.csv": 3,
      "userProfiles.csv": 1,
      "roles.csv": 4,
      "demographics.csv": 1,
      "enrollments.csv": 3,
      "classResources.csv": 1,
      "courseResources.csv": 1,
      "userResources.csv": 1,
      "categories.csv": 2,
      "scoreScales.csv": 1,
      "lineItems.csv": 1,
      "lineItemScoreScales.csv": 1,
      "lineItemLearningObjectiveIds.csv": 1,
      "results.csv": 1,
      "resultScoreScales.csv": 1,
      "resultLearningObjectiveIds.csv": 1,
    });
    const order = [...new Set(result.rows.map((row) => row.file))];
    expect(order).toEqual(LOAD_ORDER);
    expect(result.rows).toHaveLength(34);
  });

  it("fills every column of the binding somewhere, so the fixture proves every format", () => {
    for (const spec of FILES) {
      const filled = new Set(
        result.rows
          .filter((row) => row.record.file === spec.name)
          .flatMap((row) => Object.keys(row.record.values)),
      );
      const expected = spec.columns
        .map((column) => column.name)
        .filter((name) => name !== "dateLastModified");
      expect([...filled].sort(), spec.name).toEqual(expected.sort());
    }
  });

  it("types each value: booleans, numbers, lists, identifiers and extension columns", () => {
    const student = recordsOf(result.rows, "users").get("user-stu-1");
    expect(student?.values).toMatchObject({
      status: "active",
      enabledUser: true,
      givenName: "María",
      userIds: [
        { type: "LDAP", identifier: "12345" },
        { type: "SIS", identifier: "S-001" },
      ],
      agentSourcedIds: ["user-par-1"],
      grades: ["09"],
    });
    expect(student?.values.dateLastModified).toBeUndefined();
    expect(student?.metadata).toEqual({ homeLanguage: "es" });
    expect(recordsOf(result.rows, "orgs").get("org-district")?.metadata).toEqual({
      ncesId: "0600001",
    });
    expect(recordsOf(result.rows, "academicSessions").get("as-2024")?.values.schoolYear).toBe(2025);
    expect(recordsOf(result.rows, "classes").get("class-alg1-p1")?.values).toMatchObject({
      termSourcedIds: ["as-2024-fall", "as-2024-q1"],
      periods: ["1", "2"],
    });
    expect(recordsOf(result.rows, "results").get("res-hw-1-stu-1")?.values).toMatchObject({
      scoreStatus: "fully graded",
      score: 92.5,
      late: true,
      missing: false,
      comment: "Good work, show your steps",
    });
    expect(
      recordsOf(result.rows, "scoreScales").get("scale-letter")?.values.scoreScaleValue,
    ).toEqual([
      { itemValueLHS: "A", itemValueRHS: "90-100" },
      { itemValueLHS: "B", itemValueRHS: "80-89" },
      { itemValueLHS: "C", itemValueRHS: "70-79" },
    ]);
    expect(recordsOf(result.rows, "categories").get("cat-homework")?.values.weight).toBe(0.25);
    expect(recordsOf(result.rows, "roles").get("role-tch-1-coach")?.values.role).toBe("ext:coach");
  });

  it("keeps passwords as data for the loader", () => {
    expect(recordsOf(result.rows, "users").get("user-tch-1")?.values.password).toBe("S3cret!pass");
  });
});

describe("a OneRoster 1.2 delta package with CRLF line endings", async () => {
  const result = await readAll(join(FIXTURES, "valid-delta-1.2"));

  it("is accepted without a single error or warning", () => {
    expect(rulesFound(result)).toEqual([]);
  });

  it("carries each delta row's status and timestamp, and reads the bulk file beside it as active", () => {
    const users = recordsOf(result.rows, "users");
    expect(users.get("user-stu-2")?.values).toMatchObject({
      status: "tobedeleted",
      dateLastModified: "2024-10-01T08:31:00.000Z",
    });
    expect(users.get("user-stu-1")?.values.status).toBe("active");
    expect(
      result.rows
        .filter((row) => row.file === "orgs")
        .map((row) => [row.mode, row.record.values.status]),
    ).toEqual([
      ["bulk", "active"],
      ["bulk", "active"],
    ]);
    expect(result.rows.find((row) => row.file === "users")?.mode).toBe("delta");
  });

  it("accepts an ext: score status", () => {
    expect(recordsOf(result.rows, "results").get("res-hw-1-stu-1")?.values.scoreStatus).toBe(
      "ext:resubmitted",
    );
  });
});

describe("a OneRoster 1.1 package", async () => {
  const result = await readAll(join(FIXTURES, "valid-1.1"));

  it("is accepted, noting only the two mappings that need a person's eye", () => {
    expect(result.report.status).toBe("accepted");
    expect(rulesFound(result)).toEqual([
      "users.csv:4 legacy.administrator_role",
      "results.csv:3 lifecycle.inactive_status",
    ]);
  });

  it("turns each user's orgs and role into 1.2 roles, right after the user", () => {
    const fromUsers = result.rows.filter((row) => row.file === "users");
    expect(
      fromUsers.map((row) => `${row.line} ${row.record.file} ${row.record.values.sourcedId}`),
    ).toEqual([
      "2 users user-stu-1",
      "2 roles user-stu-1-org-school-1-role",
      "3 users user-tch-1",
      "3 roles user-tch-1-org-school-1-role",
      "3 roles user-tch-1-org-district-role",
      "4 users user-adm-1",
      "4 roles user-adm-1-org-district-role",
    ]);
    const roles = recordsOf(result.rows, "roles");
    expect(roles.get("user-tch-1-org-district-role")?.values).toMatchObject({
      userSourcedId: "user-tch-1",
      orgSourcedId: "org-district",
      roleType: "primary",
      role: "teacher",
      status: "active",
    });
    expect(roles.get("user-adm-1-org-district-role")?.values.role).toBe("siteAdministrator");
  });

  it("sets the primary org only when the user has a single org", () => {
    const users = recordsOf(result.rows, "users");
    expect(users.get("user-stu-1")?.values).not.toHaveProperty("orgSourcedIds");
    expect(users.get("user-stu-1")?.values).not.toHaveProperty("role");
    expect(users.get("user-stu-1")?.values.primaryOrgSourcedId).toBe("org-school-1");
    expect(users.get("user-tch-1")?.values.primaryOrgSourcedId).toBeUndefined();
    expect(users.get("user-stu-1")?.metadata).toEqual({ homeLanguage: "es" });
  });

  it("maps gradingPeriodSourcedId to academicSessionSourcedId and inactive to tobedeleted", () => {
    const lineItem = recordsOf(result.rows, "lineItems").get("li-hw-1");
    expect(lineItem?.values.academicSessionSourcedId).toBe("as-2024-q1");
    expect(lineItem?.values).not.toHaveProperty("gradingPeriodSourcedId");
    expect(recordsOf(result.rows, "results").get("res-hw-1-stu-9")?.values.status).toBe(
      "tobedeleted",
    );
  });
});

describe("a users.csv from OneRoster 1.2 before 1.2.1, with resourceSourcedIds", async () => {
  const result = await readAll(join(FIXTURES, "valid-1.2-resource-ids"));

  it("is accepted with a note that the resources became userResources records", () => {
    expect(rulesFound(result)).toEqual(["users.csv:1 header.legacy_resource_ids"]);
    expect(recordsOf(result.rows, "users").get("user-stu-1")?.values).not.toHaveProperty(
      "resourceSourcedIds",
    );
    expect([...recordsOf(result.rows, "userResources").values()].map((r) => r.values)).toEqual([
      {
        sourcedId: "user-stu-1-res-algebra-book-userResource",
        status: "active",
        userSourcedId: "user-stu-1",
        resourceSourcedId: "res-algebra-book",
      },
      {
        sourcedId: "user-stu-1-res-atlas-userResource",
        status: "active",
        userSourcedId: "user-stu-1",
        resourceSourcedId: "res-atlas",
      },
    ]);
  });
});

describe("a package with every defect whose meaning is certain", async () => {
  const result = await readAll(join(FIXTURES, "tolerated-1.2"));

  it("is accepted, with one warning per tolerated defect", () => {
    expect(result.report.status).toBe("accepted");
    expect(rulesFound(result)).toEqual([
      "manifest.csv:2 manifest.version_format",
      "orgs.csv:1 csv.bom",
      "orgs.csv:3 row.blank",
      "orgs.csv:4 row.trailing_blank_cells",
      "orgs.csv:4 lifecycle.filled_in_bulk",
      "orgs.csv:4 lifecycle.mixed_in_bulk",
      "classes.csv:2 cell.list_spaces",
      "classes.csv:2 cell.enum_case",
      "classes.csv:2 cell.whitespace",
      "classes.csv:2 cell.list_spaces",
      "classes.csv:2 cell.list_spaces",
      "users.csv:2 cell.boolean_case",
      "users.csv:2 cell.datetime_format",
      "users.csv:3 cell.boolean_case",
      "users.csv:3 cell.enum_case",
      "users.csv:3 cell.datetime_format",
    ]);
  });

  it("reads the values as they were meant", () => {
    expect(recordsOf(result.rows, "classes").get("class-alg1-p1")?.values).toMatchObject({
      grades: ["09", "10"],
      classType: "scheduled",
      termSourcedIds: ["as-2024-fall"],
      subjects: ["Mathematics", "Algebra"],
    });
    const users = recordsOf(result.rows, "users");
    expect(users.get("user-stu-1")?.values).toMatchObject({
      enabledUser: true,
      dateLastModified: "2024-10-01T08:30:00.000Z",
    });
    expect(users.get("user-stu-2")?.values).toMatchObject({
      enabledUser: false,
      status: "active",
      dateLastModified: "2024-10-01T08:30:00.000Z",
    });
    expect([...recordsOf(result.rows, "orgs").keys()]).toEqual(["org-district", "org-school-1"]);
  });
});
