import { writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FileName } from "../../src/csv/catalogue.ts";
import type { PackageRow } from "../../src/csv/read-package.ts";
import type { CsvRecord } from "../../src/entities/index.ts";
import type { Tenant } from "../../src/tenants/tenants.ts";
import { bearerFor, testApp } from "../support/app.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { tenantWithDistrict } from "../support/fixtures.ts";
import { asDelta, type PackageFiles, scratchDir, writePackage } from "../support/packages.ts";
import { tenantChecksum } from "../support/snapshot.ts";
import { readAll } from "../unit/csv-read/package-helpers.ts";

/**
 * A client restricted to one school exports only that school's records, and its imports may
 * not create, change or remove anything outside the school, whatever the package says.
 */
describe("a client restricted to one school, exporting and importing", () => {
  let database: TestDatabase;
  let tenant: Tenant;
  let harness: ReturnType<typeof testApp>;
  let district: string;
  let school: string;
  let whole: PackageRow[];
  let schoolOnly: PackageRow[];
  let restrictedAuth: string;
  const dir = scratchDir();

  const exportAs = async (auth: string, name: string) => {
    const response = await harness.app.request("/admin/v1/exports/oneroster.zip", {
      headers: { authorization: auth },
    });
    expect(response.status).toBe(200);
    const path = join(dir, name);
    writeFileSync(path, Buffer.from(await response.arrayBuffer()));
    return (await readAll(path)).rows;
  };

  const recordsOf = (rows: PackageRow[], file: FileName) =>
    rows.filter((row) => row.record.file === file).map((row) => row.record);

  const importAs = async (auth: string, files: PackageFiles, name: string) => {
    const zip = await writePackage(join(dir, name), files);
    const response = await harness.app.request("/admin/v1/imports", {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/zip" },
      body: new Uint8Array(await readFile(zip)),
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    for (let i = 0; i < 300; i++) {
      const job = (await (
        await harness.app.request(`/admin/v1/imports/${id}`, { headers: { authorization: auth } })
      ).json()) as {
        status: string;
        report: { problems: { rule: string; value?: string; file: string }[] };
      };
      if (!["queued", "running"].includes(job.status)) return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error("the import did not finish");
  };

  const renamed = (record: CsvRecord): CsvRecord =>
    asDelta({ ...record, values: { ...record.values, givenName: "Renamed" } }, "active");

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await tenantWithDistrict(database.db, "restricted", 30);
    harness = testApp(database);
    district = await bearerFor(harness.app, database, tenant, ["gateway.export", "gateway.import"]);
    whole = await exportAs(district, "whole.zip");
    const schools = recordsOf(whole, "orgs").filter((org) => org.values.type === "school");
    expect(schools.length).toBeGreaterThan(1);
    school = String(schools[0]?.values.sourcedId);
    const restricted = await bearerFor(
      harness.app,
      database,
      tenant,
      ["gateway.export", "gateway.import"],
      { orgSourcedId: school },
    );
    schoolOnly = await exportAs(restricted, "school.zip");
    restrictedAuth = restricted;
  });
  afterAll(() => database.close());

  /** A user whose role is at another school of the district. */
  const userOfAnotherSchool = (): CsvRecord => {
    const at = new Map(
      recordsOf(whole, "roles").map((r) => [String(r.values.userSourcedId), r.values.orgSourcedId]),
    );
    const user = recordsOf(whole, "users").find((u) => {
      const org = at.get(String(u.values.sourcedId));
      return org !== undefined && org !== school;
    });
    if (user === undefined) throw new Error("the district has no user at another school");
    return user;
  };

  it("exports only the school's classes, enrollments, users and roles", () => {
    const classes = recordsOf(schoolOnly, "classes");
    expect(classes.length).toBeGreaterThan(0);
    expect(classes.every((k) => k.values.schoolSourcedId === school)).toBe(true);
    expect(
      recordsOf(schoolOnly, "enrollments").every((e) => e.values.schoolSourcedId === school),
    ).toBe(true);
    expect(recordsOf(schoolOnly, "roles").every((r) => r.values.orgSourcedId === school)).toBe(
      true,
    );
    const usersHere = new Set(recordsOf(schoolOnly, "roles").map((r) => r.values.userSourcedId));
    expect(recordsOf(schoolOnly, "users").every((u) => usersHere.has(u.values.sourcedId))).toBe(
      true,
    );
    expect(recordsOf(schoolOnly, "users").length).toBeLessThan(recordsOf(whole, "users").length);
    // District-wide calendars are served to every client, so they travel whole.
    expect(recordsOf(schoolOnly, "academicSessions")).toEqual(recordsOf(whole, "academicSessions"));
  });

  it("re-imports its own export as bulk without removing anything of the other schools", async () => {
    const files: PackageFiles = {};
    for (const row of await exportAs(restrictedAuth, "school-now.zip")) {
      const file = files[row.record.file] ?? { mode: "bulk" as const, records: [] };
      (file.records as CsvRecord[]).push(row.record);
      files[row.record.file] = file;
    }
    const before = await tenantChecksum(database.db, tenant.id);
    const job = await importAs(restrictedAuth, files, "bulk.zip");
    expect(job.report.problems).toEqual([]);
    expect(job.status).toBe("succeeded");
    expect(await tenantChecksum(database.db, tenant.id)).toBe(before);
  });

  it("may change a user of its own school", async () => {
    const own = recordsOf(schoolOnly, "users")[0] as CsvRecord;
    const job = await importAs(
      restrictedAuth,
      { users: { mode: "delta", records: [renamed(own)] } },
      "own.zip",
    );
    expect(job.report.problems).toEqual([]);
    expect(job.status).toBe("succeeded");
  });

  it("is refused, naming the record, when it changes a user of another school, and nothing changes", async () => {
    const foreign = userOfAnotherSchool();
    const before = await tenantChecksum(database.db, tenant.id);
    const job = await importAs(
      restrictedAuth,
      { users: { mode: "delta", records: [renamed(foreign)] } },
      "foreign.zip",
    );
    expect(job.status).toBe("rejected");
    expect(job.report.problems).toContainEqual(
      expect.objectContaining({
        rule: "scope.outside_org",
        value: foreign.values.sourcedId,
        file: "users.csv",
      }),
    );
    expect(await tenantChecksum(database.db, tenant.id)).toBe(before);
  });

  it("cannot take over another school's user by giving it a role at its own school", async () => {
    const foreign = userOfAnotherSchool();
    const role: CsvRecord = asDelta(
      {
        file: "roles",
        values: {
          sourcedId: `${foreign.values.sourcedId}-takeover`,
          userSourcedId: foreign.values.sourcedId,
          roleType: "secondary",
          role: "student",
          orgSourcedId: school,
        },
        metadata: {},
      },
      "active",
    );
    const before = await tenantChecksum(database.db, tenant.id);
    const job = await importAs(
      restrictedAuth,
      {
        users: { mode: "delta", records: [renamed(foreign)] },
        roles: { mode: "delta", records: [role] },
      },
      "takeover.zip",
    );
    expect(job.status).toBe("rejected");
    expect(job.report.problems).toContainEqual(
      expect.objectContaining({ rule: "scope.outside_org", value: foreign.values.sourcedId }),
    );
    expect(await tenantChecksum(database.db, tenant.id)).toBe(before);
  });
});
