import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPackage } from "../../src/imports/import-package.ts";
import { createTenant } from "../../src/tenants/tenants.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { tenantSnapshot } from "../support/snapshot.ts";

const FIXTURES = fileURLToPath(new URL("../../fixtures/csv/", import.meta.url));
const SAMPLES = fileURLToPath(new URL("../../../shared/spec/oneroster-samples/", import.meta.url));
const OPTIONS = { maxRemovalShare: 0.2 };

describe("importing the project's fixture packages", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  const load = async (slug: string, ...packages: string[]) => {
    const tenant = await createTenant(database.db, slug, slug);
    const outcomes = [];
    for (const path of packages)
      outcomes.push(await importPackage(database.db, tenant, path, OPTIONS));
    return { tenant, outcomes };
  };

  it("loads the full 1.2 bulk package, all 21 files, metadata included", async () => {
    const { tenant, outcomes } = await load("bulk-fixture", join(FIXTURES, "valid-bulk-1.2"));
    expect(outcomes[0]?.report.problems).toEqual([]);
    expect(outcomes[0]?.status).toBe("succeeded");
    const snapshot = await tenantSnapshot(database.db, tenant.id);
    const empty = Object.entries(snapshot)
      .filter(([, rows]) => rows.length === 0)
      .map(([table]) => table);
    expect(empty).toEqual([]);
    const withMetadata = (snapshot.orgs as { metadata: unknown }[]).filter(
      (o) => o.metadata !== null,
    );
    expect(withMetadata.length).toBeGreaterThan(0);
  });

  it("applies the 1.2 delta package on top of it", async () => {
    const { outcomes } = await load(
      "delta-fixture",
      join(FIXTURES, "valid-bulk-1.2"),
      join(FIXTURES, "valid-delta-1.2"),
    );
    expect(outcomes[1]?.report.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(outcomes[1]?.status).toBe("succeeded");
  });

  it("rejects a 1.1 package whose rows point at records neither in it nor held, naming each", async () => {
    const { tenant, outcomes } = await load("legacy-fixture", join(FIXTURES, "valid-1.1"));
    expect(outcomes[0]?.status).toBe("rejected");
    const broken =
      outcomes[0]?.report.problems.filter((p) => p.rule === "reference.unknown_record") ?? [];
    expect(broken.map((p) => [p.file, p.column, p.value])).toEqual(
      expect.arrayContaining([
        ["users.csv", "agentSourcedIds", "user-par-1"],
        ["lineItems.csv", "classSourcedId", "class-alg1-p1"],
      ]),
    );
    const snapshot = await tenantSnapshot(database.db, tenant.id);
    expect(Object.values(snapshot).every((rows) => rows.length === 0)).toBe(true);
  });
});

/**
 * The outcome of importing each kind of sample package: the two clean ones go in with their
 * quirks as warnings, the dirty one is refused whole. Run over the project's own packages
 * always, and over the public samples they reproduce where ../shared/spec is at hand.
 */
function sampleImportChecks(packages: { legacy: string; delta: string; dirty: string }) {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it.each([
    ["the 1.1 bulk sample", "legacy", packages.legacy],
    ["the 1.2 delta sample", "delta", packages.delta],
  ])("imports %s (tolerated quirks as warnings)", async (_name, slug, path) => {
    const tenant = await createTenant(database.db, slug, slug);
    const outcome = await importPackage(database.db, tenant, path, OPTIONS);
    expect(outcome.report.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(outcome.status).toBe("succeeded");
    const snapshot = await tenantSnapshot(database.db, tenant.id);
    expect(snapshot.users?.length).toBeGreaterThan(0);
    expect(snapshot.user_roles?.length).toBeGreaterThan(0);
  });

  it("rejects the deliberately broken 1.2 sample and changes nothing", async () => {
    const tenant = await createTenant(database.db, "dirty", "dirty");
    const outcome = await importPackage(database.db, tenant, packages.dirty, OPTIONS);
    expect(outcome.status).toBe("rejected");
    expect(outcome.report.errors).toBeGreaterThan(5);
    const snapshot = await tenantSnapshot(database.db, tenant.id);
    expect(Object.values(snapshot).every((rows) => rows.length === 0)).toBe(true);
  });
}

describe("importing the project's own packages that reproduce the public samples", () => {
  sampleImportChecks({
    legacy: join(FIXTURES, "samples", "legacy-1.1"),
    delta: join(FIXTURES, "samples", "delta-1.2"),
    dirty: join(FIXTURES, "samples", "dirty-1.2"),
  });
});

describe.skipIf(!existsSync(SAMPLES))("importing the public sample packages", () => {
  sampleImportChecks({
    legacy: join(SAMPLES, "edfi-lms-toolkit-oneroster-1.1"),
    delta: join(SAMPLES, "moodle-enrol-oneroster-1.2-delta"),
    dirty: join(SAMPLES, "moodle-enrol-oneroster-1.2-dirty"),
  });
});

if (!existsSync(SAMPLES)) console.warn(`[skip] public OneRoster samples not found at ${SAMPLES}`);
