import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FileName } from "../../src/csv/catalogue.ts";
import { importPackage } from "../../src/imports/import-package.ts";
import { createTenant, type Tenant } from "../../src/tenants/tenants.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import {
  asDelta,
  districtFiles,
  type PackageFiles,
  scratchDir,
  writePackage,
} from "../support/packages.ts";
import { tenantChecksum, tenantSnapshot } from "../support/snapshot.ts";

const OPTIONS = { maxRemovalShare: 0.2 };
const counts = (
  report: {
    files: Record<
      string,
      { inserted: number; updated: number; unchanged: number; deleted: number }
    >;
  },
  file: FileName,
) => report.files[`${file}.csv`];

describe("importing OneRoster CSV packages", () => {
  let database: TestDatabase;
  let dir: string;
  let full: PackageFiles;
  let fullZip: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = scratchDir();
    full = districtFiles(30);
    fullZip = await writePackage(join(dir, "full.zip"), full);
  });
  afterAll(() => database.close());

  const freshTenant = (slug: string) => createTenant(database.db, slug, slug);

  it("loads a bulk package into an empty tenant and counts every row inserted", async () => {
    const tenant = await freshTenant("first-load");
    const outcome = await importPackage(database.db, tenant, fullZip, OPTIONS);
    expect(outcome.report.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(outcome.status).toBe("succeeded");
    expect(counts(outcome.report, "users")).toMatchObject({
      inserted: full.users?.records.length,
      updated: 0,
    });
    const snapshot = await tenantSnapshot(database.db, tenant.id);
    expect(snapshot.users).toHaveLength(full.users?.records.length ?? -1);
    expect(snapshot.enrollments).toHaveLength(full.enrollments?.records.length ?? -1);
  });

  it("changes nothing when the same package is imported again", async () => {
    const tenant = await freshTenant("reimport");
    await importPackage(database.db, tenant, fullZip, OPTIONS);
    const before = await tenantChecksum(database.db, tenant.id);
    const again = await importPackage(database.db, tenant, fullZip, OPTIONS);
    expect(again.status).toBe("succeeded");
    for (const counters of Object.values(again.report.files)) {
      expect(counters).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
    }
    expect(await tenantChecksum(database.db, tenant.id)).toBe(before);
  });

  it("marks records missing from a bulk file tobedeleted, and holds a bulk import that removes too many", async () => {
    const tenant = await freshTenant("bulk-removal");
    await importPackage(database.db, tenant, fullZip, OPTIONS);
    const enrollments = full.enrollments?.records ?? [];
    const fewer = (share: number) => ({
      ...full,
      enrollments: {
        mode: "bulk" as const,
        records: enrollments.slice(0, Math.floor(enrollments.length * (1 - share))),
      },
    });
    const small = await importPackage(
      database.db,
      tenant,
      await writePackage(join(dir, "small-cut.zip"), fewer(0.1)),
      OPTIONS,
    );
    expect(small.status).toBe("succeeded");
    const removed = enrollments.length - Math.floor(enrollments.length * 0.9);
    expect(counts(small.report, "enrollments")?.deleted).toBe(removed);
    const statuses = (await tenantSnapshot(database.db, tenant.id)).enrollments as {
      status: string;
    }[];
    expect(statuses.filter((e) => e.status === "tobedeleted")).toHaveLength(removed);

    const before = await tenantChecksum(database.db, tenant.id);
    const bigCut = await writePackage(join(dir, "big-cut.zip"), fewer(0.6));
    const held = await importPackage(database.db, tenant, bigCut, OPTIONS);
    expect(held.status).toBe("rejected");
    expect(held.report.problems.map((p) => p.rule)).toContain("import.removal_held");
    expect(await tenantChecksum(database.db, tenant.id)).toBe(before);

    const forced = await importPackage(database.db, tenant, bigCut, { ...OPTIONS, force: true });
    expect(forced.status).toBe("succeeded");
  });

  it("applies a delta package row by row with its own statuses", async () => {
    const tenant = await freshTenant("delta");
    await importPackage(database.db, tenant, fullZip, OPTIONS);
    const [first, second] = full.users?.records ?? [];
    const renamed = { ...first!, values: { ...first!.values, givenName: "Renamed" } };
    const delta = await writePackage(join(dir, "delta.zip"), {
      users: {
        mode: "delta",
        records: [asDelta(renamed, "active"), asDelta(second!, "tobedeleted")],
      },
    });
    const outcome = await importPackage(database.db, tenant, delta, OPTIONS);
    expect(outcome.status).toBe("succeeded");
    expect(counts(outcome.report, "users")).toMatchObject({ inserted: 0, updated: 2, deleted: 0 });
    const users = (await tenantSnapshot(database.db, tenant.id)).users as {
      sourced_id: string;
      given_name: string;
      status: string;
    }[];
    expect(users.find((u) => u.sourced_id === first!.values.sourcedId)?.given_name).toBe("Renamed");
    expect(users.find((u) => u.sourced_id === second!.values.sourcedId)?.status).toBe(
      "tobedeleted",
    );
    expect(users.filter((u) => u.status === "tobedeleted")).toHaveLength(1);
  });

  it("leaves the tenant exactly as it was when the last file has a broken reference", async () => {
    const tenant = await freshTenant("atomic");
    await importPackage(database.db, tenant, fullZip, OPTIONS);
    const before = await tenantChecksum(database.db, tenant.id);
    const results = full.results?.records ?? [];
    const broken = {
      ...results[0]!,
      values: { ...results[0]!.values, studentSourcedId: "stu-nobody" },
    };
    const changed = full.users!.records.map((u) => ({
      ...u,
      values: { ...u.values, givenName: "Changed" },
    }));
    const pkg = await writePackage(join(dir, "broken-last.zip"), {
      ...full,
      users: { mode: "bulk", records: changed },
      results: { mode: "bulk", records: [broken, ...results.slice(1)] },
    });
    const outcome = await importPackage(database.db, tenant, pkg, OPTIONS);
    expect(outcome.status).toBe("rejected");
    const problem = outcome.report.problems.find((p) => p.rule === "reference.unknown_record");
    expect(problem).toMatchObject({
      file: "results.csv",
      line: 2,
      column: "studentSourcedId",
      value: "stu-nobody",
    });
    expect(await tenantChecksum(database.db, tenant.id)).toBe(before);
  });

  it("reports a sourcedId used twice in a file, with both lines", async () => {
    const tenant = await freshTenant("duplicates");
    const orgs = full.orgs!.records;
    const pkg = await writePackage(join(dir, "dup.zip"), {
      ...full,
      orgs: { mode: "bulk", records: [...orgs, orgs[1]!] },
    });
    const outcome = await importPackage(database.db, tenant, pkg, OPTIONS);
    expect(outcome.status).toBe("rejected");
    expect(
      outcome.report.problems.find((p) => p.rule === "row.duplicate_sourced_id"),
    ).toMatchObject({
      file: "orgs.csv",
      line: orgs.length + 2,
      value: orgs[1]!.values.sourcedId,
    });
    expect(await tenantSnapshot(database.db, tenant.id)).toMatchObject({ orgs: [] });
  });

  it("gives the same report and counts on a dry run, and changes nothing", async () => {
    const dry: Tenant = await freshTenant("dry-run");
    const real: Tenant = await freshTenant("real-run");
    const dryOutcome = await importPackage(database.db, dry, fullZip, { ...OPTIONS, dryRun: true });
    const realOutcome = await importPackage(database.db, real, fullZip, OPTIONS);
    expect(dryOutcome.status).toBe("succeeded");
    expect(dryOutcome.dryRun).toBe(true);
    expect(dryOutcome.report.files).toEqual(realOutcome.report.files);
    const snapshot = await tenantSnapshot(database.db, dry.id);
    expect(Object.values(snapshot).every((rows) => rows.length === 0)).toBe(true);
  });

  it("never interleaves two imports of one tenant", async () => {
    const tenant = await freshTenant("concurrent");
    const events: string[] = [];
    const run = (name: string) =>
      importPackage(database.db, tenant, fullZip, {
        ...OPTIONS,
        onProgress: () => {
          if (events.at(-1) !== name) events.push(name);
        },
      });
    const [a, b] = await Promise.all([run("a"), run("b")]);
    expect([a.status, b.status]).toEqual(["succeeded", "succeeded"]);
    expect(events).toHaveLength(2);
  });
});
