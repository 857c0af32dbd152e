import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importJobs } from "../../src/db/schema/index.ts";
import { withTenant } from "../../src/db/tenant-context.ts";
import { createImportJob, runImportJob } from "../../src/imports/index.ts";
import { createTenant, requireTenant } from "../../src/tenants/index.ts";
import { TEST_DB_KIND } from "../support/database.ts";
import { startGatewayProcess } from "../support/gateway-process.ts";
import { districtFiles, type PackageFiles, scratchDir, writePackage } from "../support/packages.ts";
import { tenantChecksum, tenantSnapshot } from "../support/snapshot.ts";
import { type CrashDatabase, crashDatabase } from "./crash-database.ts";

const BIN = fileURLToPath(new URL("../../bin/tsa-gateway.js", import.meta.url));
/** The brief's floor is 20 trials; CI runs a few on a smaller district (.ci/run). */
const TRIALS = Number(process.env.CRASH_TRIALS ?? 20);
const STUDENTS = Number(process.env.CRASH_STUDENTS ?? 150);
const OPTIONS = { maxRemovalShare: 0.2 };
const TENANT = "crash";

type Snapshot = Awaited<ReturnType<typeof tenantSnapshot>>;

/** The same district with every user renamed: a bulk import that changes many rows. */
function renamed(files: PackageFiles): PackageFiles {
  const users = files.users;
  if (!users) throw new Error("the district has no users");
  const records = users.records.map((u) => ({
    ...u,
    values: { ...u.values, givenName: `${String(u.values.givenName)} B` },
  }));
  return { ...files, users: { ...users, records } };
}

/** `tsa-gateway import` as its own process, as an operator runs it; resolves when it exits. */
function spawnImport(path: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, "import", path, "--tenant", TENANT, "--json"], {
    env: { ...process.env, ...env },
    stdio: "ignore",
  });
  return { child, exited: once(child, "exit") };
}

describe(`an import killed at random points (${TRIALS} trials, ${TEST_DB_KIND})`, () => {
  const dir = scratchDir();
  let database: CrashDatabase;
  /** The two packages a trial moves the tenant between, and the contents each one leaves. */
  const packages: { path: string; contents: Snapshot }[] = [];
  /** The window kills fall in: a little longer than an uninterrupted `tsa-gateway import`. */
  let window = 0;
  const landed = { before: 0, after: 0, finished: 0 };

  beforeAll(async () => {
    database = await crashDatabase(join(dir, "data"));
    const first = districtFiles(STUDENTS);
    const paths = [
      await writePackage(join(dir, "a.zip"), first),
      await writePackage(join(dir, "b.zip"), renamed(first)),
    ];
    await database.use(async ({ db }) => {
      const reference = await createTenant(db, "reference", "Reference");
      for (const path of paths) {
        const job = await createImportJob(db, reference, jobFor(path));
        expect((await runImportJob(db, reference, job, path, OPTIONS)).status).toBe("succeeded");
        packages.push({ path, contents: await tenantSnapshot(db, reference.id) });
      }
      await createTenant(db, TENANT, "Crash");
    });
    // Load A, then time B over A and A over B, as the trials run them; the tenant ends with A.
    for (const [step, path] of [paths[0], paths[1], paths[0]].entries()) {
      const started = Date.now();
      const { exited } = spawnImport(path as string, database.env);
      expect((await exited)[0]).toBe(0);
      if (step > 0) window = Math.max(window, Date.now() - started);
    }
    // A little past the end, so that some kills find the import committed or the process gone.
    window = Math.ceil(window * 1.2);
  });
  afterAll(() => database.drop());

  const jobFor = (path: string) => ({
    fileName: path,
    bytesTotal: 0,
    dryRun: false,
    force: false,
    createdBy: "crash-test",
  });

  it("leaves the tenant as it was or as the package makes it, closes the job, and a retry succeeds", async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      // The tenant holds package A after the setup; trials alternate B, A, B…
      const target = packages[(trial + 1) % 2] as (typeof packages)[number];
      const before = await database.use(async ({ db }) =>
        tenantChecksum(db, (await requireTenant(db, TENANT)).id),
      );
      // One kill per slice of the window, at a random point within it, so that the kills
      // cover start-up, reading, writing and commit alike.
      const delay = Math.floor(((trial + Math.random()) / TRIALS) * window);
      const run = spawnImport(target.path, database.env);
      await Promise.race([new Promise((resolve) => setTimeout(resolve, delay)), run.exited]);
      const finished = run.child.exitCode === 0;
      run.child.kill("SIGKILL");
      await run.exited;

      // The next start closes what the killed process left (and recovers PGlite's files).
      const gateway = await startGatewayProcess(database.env);
      await gateway.stop();

      await database.use(async ({ db }) => {
        const tenant = await requireTenant(db, TENANT);
        const unchanged = (await tenantChecksum(db, tenant.id)) === before;
        const complete = isDeepStrictEqual(await tenantSnapshot(db, tenant.id), target.contents);
        expect(unchanged || complete, `trial ${trial}, killed after ${delay} ms`).toBe(true);
        if (finished) expect(complete, `trial ${trial}: ended on its own`).toBe(true);
        landed[finished ? "finished" : unchanged ? "before" : "after"] += 1;

        const jobs = await withTenant(db, tenant.id, (tx) => tx.select().from(importJobs));
        const open = jobs.filter((job) => job.status === "queued" || job.status === "running");
        expect(open, `trial ${trial}: jobs left open`).toEqual([]);

        const retry = await runImportJob(
          db,
          tenant,
          await createImportJob(db, tenant, jobFor(target.path)),
          target.path,
          OPTIONS,
        );
        expect(retry.status, `trial ${trial}: retry`).toBe("succeeded");
        expect(await tenantSnapshot(db, tenant.id)).toEqual(target.contents);
      });
    }
    console.info(
      `${TRIALS} trials within ${window} ms: ${landed.before} kills left the tenant as it was, ${landed.after} after the commit; ${landed.finished} imports ended before their kill`,
    );
  }, 3_600_000);
});
