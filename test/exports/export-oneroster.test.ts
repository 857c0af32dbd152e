import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validatePackage } from "../../src/csv/read-package.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import { exportOneRoster } from "../../src/exports/export-oneroster.ts";
import { importPackage } from "../../src/imports/import-package.ts";
import { createTenant, type Tenant } from "../../src/tenants/tenants.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { asDelta, districtFiles, scratchDir, writePackage } from "../support/packages.ts";
import { tenantSnapshot } from "../support/snapshot.ts";

const OPTIONS = { maxRemovalShare: 0.2 };

describe("exporting OneRoster CSV packages", () => {
  let database: TestDatabase;
  let dir: string;
  let source: Tenant;

  const exportTo = async (tenant: Tenant, name: string, since?: Date) => {
    const path = join(dir, name);
    const out = createWriteStream(path);
    await withTenant(
      database.db,
      tenant.id,
      (tx) => exportOneRoster(tx, out, since ? { since } : {}),
      {
        isolation: "repeatable read",
      },
    );
    await finished(out);
    return path;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = scratchDir();
    source = await createTenant(database.db, "source", "Source");
    const files = districtFiles(30);
    const outcome = await importPackage(
      database.db,
      source,
      await writePackage(join(dir, "in.zip"), files),
      OPTIONS,
    );
    expect(outcome.status).toBe("succeeded");
  });
  afterAll(() => database.close());

  it("passes our own strict reader with no error and no warning", async () => {
    const report = await validatePackage(await exportTo(source, "bulk.zip"));
    expect(report.problems).toEqual([]);
    expect(report.status).toBe("accepted");
  });

  it("re-imports into a fresh tenant to the same records, field by field", async () => {
    const copy = await createTenant(database.db, "copy", "Copy");
    const outcome = await importPackage(
      database.db,
      copy,
      await exportTo(source, "roundtrip.zip"),
      OPTIONS,
    );
    expect(outcome.status).toBe("succeeded");
    expect(await tenantSnapshot(database.db, copy.id)).toEqual(
      await tenantSnapshot(database.db, source.id),
    );
  });

  it("keeps every field of all 21 files, metadata included, through import, export and import", async () => {
    const fixture = fileURLToPath(new URL("../../fixtures/csv/valid-bulk-1.2", import.meta.url));
    const original = await createTenant(database.db, "fixture-original", "Fixture");
    expect((await importPackage(database.db, original, fixture, OPTIONS)).status).toBe("succeeded");
    const copy = await createTenant(database.db, "fixture-copy", "Fixture copy");
    const exported = await exportTo(original, "fixture-roundtrip.zip");
    expect((await validatePackage(exported)).problems).toEqual([]);
    expect((await importPackage(database.db, copy, exported, OPTIONS)).status).toBe("succeeded");
    expect(await tenantSnapshot(database.db, copy.id)).toEqual(
      await tenantSnapshot(database.db, original.id),
    );
  });

  it("exports only what changed since a time as a delta, deletions included", async () => {
    const cutoff = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const users = districtFiles(30).users!.records;
    const delta = await writePackage(join(dir, "change.zip"), {
      users: {
        mode: "delta",
        records: [
          asDelta(
            { ...users[0]!, values: { ...users[0]!.values, givenName: "Changed" } },
            "active",
          ),
          asDelta(users[1]!, "tobedeleted"),
        ],
      },
    });
    expect((await importPackage(database.db, source, delta, OPTIONS)).status).toBe("succeeded");
    const report = await validatePackage(await exportTo(source, "delta.zip", cutoff));
    expect(report.problems).toEqual([]);
    expect(report.files["users.csv"]?.read).toBe(2);
    expect(Object.keys(report.files)).toEqual(["users.csv"]);
  });
});
