import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FILE_NAMES, type FileName } from "../../../src/csv/catalogue.ts";
import { DEMO_DISTRICT, writeGeneratedDistrict } from "../../../src/generate/index.ts";
import { parseManifest, parseRows, readZipFile } from "../csv-write/zip-entries.ts";

type Rows = Record<string, string>[];
type Package = Map<FileName, Rows>;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "generate-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function generate(name: string, students: number, seed: number) {
  const path = join(dir, name);
  const counts = await writeGeneratedDistrict(path, { students, seed });
  const entries = await readZipFile(path);
  const files: Package = new Map();
  for (const file of FILE_NAMES) {
    const csv = entries.get(`${file}.csv`);
    if (csv !== undefined) files.set(file, parseRows(csv));
  }
  return { path, counts, entries, files };
}

const rows = (pkg: Package, file: FileName): Rows => pkg.get(file) ?? [];
const list = (cell: string | undefined): string[] => (cell ? cell.split(",") : []);

/** Every reference column of the generated files, and the file it must point into. */
const REFERENCES: [FileName, string, FileName][] = [
  ["orgs", "parentSourcedId", "orgs"],
  ["academicSessions", "parentSourcedId", "academicSessions"],
  ["courses", "schoolYearSourcedId", "academicSessions"],
  ["courses", "orgSourcedId", "orgs"],
  ["classes", "courseSourcedId", "courses"],
  ["classes", "schoolSourcedId", "orgs"],
  ["classes", "termSourcedIds", "academicSessions"],
  ["users", "agentSourcedIds", "users"],
  ["users", "primaryOrgSourcedId", "orgs"],
  ["roles", "userSourcedId", "users"],
  ["roles", "orgSourcedId", "orgs"],
  ["roles", "userProfileSourcedId", "userProfiles"],
  ["enrollments", "classSourcedId", "classes"],
  ["enrollments", "schoolSourcedId", "orgs"],
  ["enrollments", "userSourcedId", "users"],
  ["demographics", "sourcedId", "users"],
  ["userProfiles", "userSourcedId", "users"],
  ["classResources", "classSourcedId", "classes"],
  ["classResources", "resourceSourcedId", "resources"],
  ["courseResources", "courseSourcedId", "courses"],
  ["courseResources", "resourceSourcedId", "resources"],
  ["userResources", "userSourcedId", "users"],
  ["userResources", "orgSourcedId", "orgs"],
  ["userResources", "resourceSourcedId", "resources"],
  ["lineItems", "classSourcedId", "classes"],
  ["lineItems", "categorySourcedId", "categories"],
  ["lineItems", "academicSessionSourcedId", "academicSessions"],
  ["lineItems", "schoolSourcedId", "orgs"],
  ["results", "lineItemSourcedId", "lineItems"],
  ["results", "studentSourcedId", "users"],
  ["results", "classSourcedId", "classes"],
  ["scoreScales", "orgSourcedId", "orgs"],
  ["scoreScales", "courseSourcedId", "courses"],
  ["scoreScales", "classSourcedId", "classes"],
];

/** Asserts sourcedIds are unique and well-formed and every reference resolves; counts references. */
function checkReferences(pkg: Package): number {
  const ids = new Map<FileName, Set<string>>();
  for (const [file, fileRows] of pkg) {
    const sourcedIds = fileRows.map((row) => row.sourcedId ?? "");
    expect(new Set(sourcedIds).size, `${file} sourcedIds are unique`).toBe(sourcedIds.length);
    expect(sourcedIds.every((id) => /^[0-9A-Za-z./@_-]{1,255}$/.test(id))).toBe(true);
    ids.set(file, new Set(sourcedIds));
  }
  let checked = 0;
  for (const [file, column, target] of REFERENCES) {
    for (const row of rows(pkg, file)) {
      for (const id of list(row[column])) {
        expect(ids.get(target)?.has(id), `${file}.${column} ${id} → ${target}`).toBe(true);
        checked += 1;
      }
    }
  }
  return checked;
}

describe("writeGeneratedDistrict", () => {
  let demo: Awaited<ReturnType<typeof generate>>;
  beforeAll(async () => {
    demo = await generate("demo.zip", DEMO_DISTRICT.students, DEMO_DISTRICT.seed);
  });

  it("writes the same bytes for the same seed", async () => {
    const again = await generate("demo-again.zip", DEMO_DISTRICT.students, DEMO_DISTRICT.seed);
    const [first, second] = await Promise.all([readFile(demo.path), readFile(again.path)]);
    expect(second.equals(first)).toBe(true);
  });

  it("draws different people from a different seed, keeping the district's structure", async () => {
    const other = await generate("other-seed.zip", DEMO_DISTRICT.students, DEMO_DISTRICT.seed + 1);
    const ids = (pkg: Package) =>
      rows(pkg, "users")
        .map((user) => user.sourcedId)
        .filter((id) => !id?.startsWith("grd-"));
    const names = (pkg: Package) => rows(pkg, "users").map((user) => user.givenName);

    expect(ids(other.files)).toEqual(ids(demo.files));
    expect(names(other.files)).not.toEqual(names(demo.files));
    expect(other.entries.get("classes.csv")).toEqual(demo.entries.get("classes.csv"));
    expect(other.entries.get("results.csv")).not.toEqual(demo.entries.get("results.csv"));
  });

  it("declares every file with rows as bulk and the unused link files absent", () => {
    const manifest = parseManifest(demo.entries.get("manifest.csv") ?? "");
    for (const file of FILE_NAMES) {
      const expected = demo.counts[file] > 0 ? "bulk" : "absent";
      expect(manifest.get(`file.${file}`)).toBe(expected);
      expect(demo.entries.has(`${file}.csv`)).toBe(expected === "bulk");
    }
    expect(manifest.get("file.lineItemScoreScales")).toBe("absent");
  });

  it("makes the demo a district of 300 students in an elementary, a middle and a high school", () => {
    const orgs = rows(demo.files, "orgs");
    const students = rows(demo.files, "roles").filter((role) => role.role === "student");

    expect(orgs.filter((org) => org.type === "district")).toHaveLength(1);
    expect(orgs.filter((org) => org.type === "school").map((org) => org.name)).toEqual([
      expect.stringMatching(/Elementary School$/),
      expect.stringMatching(/Middle School$/),
      expect.stringMatching(/High School$/),
    ]);
    expect(orgs.every((org) => /^\d{7,12}$/.test(org["metadata.ncesId"] ?? ""))).toBe(true);
    expect(students).toHaveLength(300);
  });

  it("builds one school year of two semesters, each split into two grading periods", () => {
    const sessions = rows(demo.files, "academicSessions");
    const byType = (type: string) => sessions.filter((session) => session.type === type);
    const [year] = byType("schoolYear");
    const semesterIds = byType("semester").map((semester) => semester.sourcedId);

    expect(year).toMatchObject({ schoolYear: "2026", startDate: "2025-08-11" });
    expect(byType("semester").every((s) => s.parentSourcedId === year?.sourcedId)).toBe(true);
    expect(byType("gradingPeriod")).toHaveLength(4);
    expect(
      byType("gradingPeriod").every((p) => semesterIds.includes(p.parentSourcedId ?? "")),
    ).toBe(true);
    expect(sessions.every((session) => session.schoolYear === "2026")).toBe(true);
  });

  it("enrolls every student in six scheduled classes and a homeroom, each class with one primary teacher", () => {
    const classType = new Map(rows(demo.files, "classes").map((c) => [c.sourcedId, c.classType]));
    const enrollments = rows(demo.files, "enrollments");
    const perStudent = new Map<string, string[]>();
    const teachersPerClass = new Map<string, number>();
    for (const enrollment of enrollments) {
      const kind = classType.get(enrollment.classSourcedId ?? "") ?? "missing";
      if (enrollment.role === "student") {
        perStudent.set(enrollment.userSourcedId ?? "", [
          ...(perStudent.get(enrollment.userSourcedId ?? "") ?? []),
          kind,
        ]);
      } else {
        expect(enrollment).toMatchObject({ role: "teacher", primary: "true" });
        const count = teachersPerClass.get(enrollment.classSourcedId ?? "") ?? 0;
        teachersPerClass.set(enrollment.classSourcedId ?? "", count + 1);
      }
    }

    expect(perStudent.size).toBe(300);
    for (const kinds of perStudent.values()) {
      expect(kinds.filter((kind) => kind === "scheduled")).toHaveLength(6);
      expect(kinds.filter((kind) => kind === "homeroom")).toHaveLength(1);
    }
    expect([...teachersPerClass.keys()].sort()).toEqual([...classType.keys()].sort());
    expect(new Set(teachersPerClass.values())).toEqual(new Set([1]));
  });

  it("gives each student one or two guardians, and a birth date plausible for their grade", () => {
    const users = new Map(rows(demo.files, "users").map((user) => [user.sourcedId, user]));
    const demographics = rows(demo.files, "demographics");

    expect(demographics).toHaveLength(300);
    for (const person of demographics) {
      const student = users.get(person.sourcedId ?? "");
      const guardians = list(student?.agentSourcedIds);
      expect(guardians.length).toBeGreaterThanOrEqual(1);
      expect(guardians.length).toBeLessThanOrEqual(2);
      for (const id of guardians)
        expect(list(users.get(id)?.agentSourcedIds)).toEqual([student?.sourcedId]);

      const grade = student?.grades === "KG" ? 0 : Number(student?.grades);
      const born = person.birthDate ?? "";
      const ageOnFirstDay = 2025 - Number(born.slice(0, 4)) - (born.slice(5) > "09-01" ? 1 : 0);
      expect(ageOnFirstDay).toBe(5 + grade);
      expect(["male", "female", "unspecified"]).toContain(person.sex);
      expect(["true", "false"]).toContain(person.hispanicOrLatinoEthnicity);
    }
  });

  it("points every reference at a record in the same package", () => {
    expect(checkReferences(demo.files)).toBeGreaterThan(10_000);
  });

  it("keeps references whole even for a district of one student, with schools left empty", async () => {
    const tiny = await generate("tiny.zip", 1, 5);

    expect(rows(tiny.files, "orgs").filter((org) => org.type === "school")).toHaveLength(3);
    expect(tiny.counts.enrollments).toBe(7 + 7);
    expect(checkReferences(tiny.files)).toBeGreaterThan(30);
  });

  it("records a result only for a student enrolled in the line item's class", () => {
    const enrolled = new Set(
      rows(demo.files, "enrollments").map((e) => `${e.userSourcedId} ${e.classSourcedId}`),
    );
    const classOf = new Map(
      rows(demo.files, "lineItems").map((li) => [li.sourcedId, li.classSourcedId]),
    );
    const results = rows(demo.files, "results");

    expect(results).toHaveLength(300 * 6 * 2);
    for (const result of results) {
      expect(classOf.get(result.lineItemSourcedId ?? "")).toBe(result.classSourcedId);
      expect(enrolled.has(`${result.studentSourcedId} ${result.classSourcedId}`)).toBe(true);
    }
  });

  it("scales with the number of students", async () => {
    const big = await generate("big.zip", 4_000, 11);
    const roles = rows(big.files, "roles");
    const count = (role: string) => roles.filter((r) => r.role === role).length;

    expect(count("student")).toBe(4_000);
    expect(rows(big.files, "orgs").filter((org) => org.type === "school")).toHaveLength(10);
    expect(count("teacher")).toBe(200);
    expect(big.counts.enrollments).toBe(7 * 4_000 + rows(big.files, "classes").length);
    expect(count("parent") + count("guardian") + count("relative")).toBeGreaterThan(5_000);
    expect(big.counts.results).toBe(4_000 * 6 * 2);
  });
});
