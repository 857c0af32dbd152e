import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FILE_NAMES } from "../../src/csv/catalogue.ts";
import type { ImportReport } from "../../src/csv/index.ts";
import { createImportJob, findImportJob, runImportJob } from "../../src/imports/index.ts";
import { createTenant, type Tenant } from "../../src/tenants/tenants.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { districtFiles, scratchDir, writePackage } from "../support/packages.ts";
import { tenantChecksum } from "../support/snapshot.ts";
import { type PackageBytes, readFolderBytes, readZipBytes, zipBytes } from "./package-bytes.ts";
import {
  damage,
  type Mutation,
  mutate,
  mutationArbitrary,
  type ZipDamage,
  zipDamageArbitrary,
} from "./package-mutations.ts";

const FIXTURES = fileURLToPath(new URL("../../fixtures/csv/", import.meta.url));
const OPTIONS = { maxRemovalShare: 0.2 };
/** At least 500 mutated packages per run, the brief's floor; FUZZ_RUNS raises it locally. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 500);

/** Problems that concern one row of a file must say which line; the rest name a file at least. */
const KNOWN_FILES = ["case.zip", "manifest.csv", ...FILE_NAMES.map((file) => `${file}.csv`)];
const ROW_RULES = /^(cell|row|lifecycle|header|csv|legacy)\./;

interface Base {
  name: string;
  entries: PackageBytes;
  tenant: Tenant;
}

describe("importing mutated packages", () => {
  let database: TestDatabase;
  let dir: string;
  const bases: Base[] = [];
  const checksums = new Map<string, string>();
  const outcomes = { succeeded: 0, rejected: 0 };

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = scratchDir();
    const district = await writePackage(join(dir, "district.zip"), districtFiles(3));
    const bulk = join(FIXTURES, "valid-bulk-1.2");
    const packages = [
      { name: "bulk", entries: readFolderBytes(bulk), setup: bulk },
      { name: "delta", entries: readFolderBytes(join(FIXTURES, "valid-delta-1.2")), setup: bulk },
      { name: "district", entries: await readZipBytes(district), setup: district },
    ];
    for (const { name, entries, setup } of packages) {
      const tenant = await createTenant(database.db, name, name);
      const job = await createImportJob(database.db, tenant, jobFor("setup.zip"));
      const outcome = await runImportJob(database.db, tenant, job, setup, OPTIONS);
      expect(outcome.status, `setting up ${name}`).toBe("succeeded");
      bases.push({ name, entries, tenant });
      checksums.set(tenant.id, await tenantChecksum(database.db, tenant.id));
    }
  });
  afterAll(() => database.close());

  const jobFor = (fileName: string) => ({
    fileName,
    bytesTotal: 0,
    dryRun: false,
    force: false,
    createdBy: "fuzz",
  });

  /** Imports one mutated package as the CLI and the API do, and checks the tenant after it. */
  async function importCase(base: Base, mutations: Mutation[], zipDamage: ZipDamage | null) {
    const entries = mutations.reduce(mutate, base.entries);
    const zip = await zipBytes(entries);
    const path = join(dir, "case.zip");
    writeFileSync(path, zipDamage ? damage(zip, zipDamage) : zip);
    const { tenant } = base;
    const job = await createImportJob(database.db, tenant, jobFor("case.zip"));
    const outcome = await runImportJob(database.db, tenant, job, path, OPTIONS);

    expect(outcome.status, JSON.stringify(outcome.report.problems.slice(0, 3))).not.toBe("failed");
    outcomes[outcome.status as keyof typeof outcomes] += 1;
    const stored = await findImportJob(database.db, tenant.id, job.id);
    expect(stored?.status).toBe(outcome.status);
    expect((stored?.report as unknown as ImportReport | null)?.errors).toBe(outcome.report.errors);
    const errors = outcome.report.problems.filter((p) => p.severity === "error");
    const checksum = await tenantChecksum(database.db, tenant.id);
    if (outcome.status === "succeeded") {
      expect(errors).toEqual([]);
      checksums.set(tenant.id, checksum);
      return;
    }
    expect(errors.length).toBeGreaterThan(0);
    for (const problem of errors) {
      // A file the manifest declares but the package lacks is named too; a damaged zip may
      // name an entry as damaged as the zip.
      if (zipDamage) expect(problem.file).not.toBe("");
      else expect([...entries.keys(), ...KNOWN_FILES]).toContain(problem.file);
      if (ROW_RULES.test(problem.rule)) expect(problem.line, problem.rule).toBeGreaterThan(0);
      expect(problem.rule).not.toBe("import.database_refused");
    }
    expect(checksum).toBe(checksums.get(tenant.id));
  }

  it(`ends every one of ${RUNS} mutated packages in a committed import or a located rejection`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: bases.length - 1 }),
        fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }),
        fc.option(zipDamageArbitrary, { freq: 10 }),
        async (base, mutations, zipDamage) => importCase(bases[base] as Base, mutations, zipDamage),
      ),
      // FUZZ_SEED and FUZZ_PATH replay a reported failure (fast-check prints both).
      {
        numRuns: RUNS,
        ...(process.env.FUZZ_SEED
          ? { seed: Number(process.env.FUZZ_SEED), path: process.env.FUZZ_PATH }
          : {}),
      },
    );
    // Mutations that a package survives (reordered rows, harmless text) and ones it does not.
    expect(outcomes.succeeded).toBeGreaterThan(0);
    expect(outcomes.rejected).toBeGreaterThan(0);
    console.info(
      `${RUNS} mutated packages: ${outcomes.succeeded} imported, ${outcomes.rejected} rejected`,
    );
  }, 600_000);
});
