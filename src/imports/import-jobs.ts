import { rm } from "node:fs/promises";
import { join } from "node:path";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { ImportReport } from "../csv/index.ts";
import type { Database } from "../db/client.ts";
import { queryRows } from "../db/query-rows.ts";
import { importJobs, tenants } from "../db/schema/index.ts";
import { withTenant } from "../db/tenant-context.ts";
import { isDatabaseUnavailable } from "../db/unavailable.ts";
import type { Tenant } from "../tenants/index.ts";
import {
  type ImportOptions,
  type ImportOutcome,
  importLockKey,
  importPackage,
} from "./import-package.ts";

export type ImportJob = typeof importJobs.$inferSelect;

export interface NewImportJob {
  /** The upload's id, so that the upload of a job can be found again (`<id>.zip`). */
  id?: string;
  fileName: string;
  bytesTotal: number;
  dryRun: boolean;
  force: boolean;
  createdBy: string;
}

/**
 * Progress of the jobs this process is running. Kept in memory because the import holds its
 * transaction (and, on PGlite, the only connection) until it ends; status requests are answered
 * from here meanwhile, and from the table before and after.
 */
const running = new Map<string, ImportJob & { currentFile: string | null }>();

export async function createImportJob(
  db: Database,
  tenant: Tenant,
  job: NewImportJob,
): Promise<ImportJob> {
  return withTenant(db, tenant.id, async (tx) => {
    const [row] = await tx
      .insert(importJobs)
      .values({ tenantId: tenant.id, status: "queued", ...job })
      .returning();
    if (!row) throw new Error("The import job could not be recorded");
    return row;
  });
}

/**
 * Runs a recorded job to its end: `running` with live progress, then `succeeded`, `rejected`
 * or `failed` with the counts and the whole report stored on the job.
 */
export async function runImportJob(
  db: Database,
  tenant: Tenant,
  job: ImportJob,
  path: string,
  options: Omit<ImportOptions, "dryRun" | "force" | "onProgress"> & {
    onProgress?: ImportOptions["onProgress"];
    /** Deletes an uploaded package once read, before the job's end is recorded. */
    discardUpload?: () => Promise<void>;
  },
): Promise<ImportOutcome> {
  const started = await updateJob(db, tenant.id, job.id, {
    status: "running",
    startedAt: new Date(),
  });
  running.set(job.id, { ...started, currentFile: null });
  try {
    const outcome = await importPackage(db, tenant, path, {
      ...options,
      dryRun: job.dryRun,
      force: job.force,
      onProgress: (progress) => {
        running.set(job.id, {
          ...started,
          rowsDone: progress.rows,
          bytesDone: progress.bytesRead,
          bytesTotal: progress.bytesTotal,
          currentFile: progress.file,
        });
        options.onProgress?.(progress);
      },
    }).finally(() => options.discardUpload?.());
    const last = running.get(job.id);
    await updateJob(db, tenant.id, job.id, {
      status: outcome.status,
      finishedAt: new Date(),
      rowsDone: rowsRead(outcome.report),
      bytesDone: last?.bytesDone ?? 0,
      bytesTotal: last?.bytesTotal ?? job.bytesTotal,
      counts: outcome.report.files,
      report: outcome.report as unknown as Record<string, unknown>,
    });
    return outcome;
  } catch (error) {
    await updateJob(db, tenant.id, job.id, {
      status: "failed",
      finishedAt: new Date(),
      error: isDatabaseUnavailable(error)
        ? "The database connection was lost or timed out during the import; nothing was applied. Upload the package again."
        : error instanceof Error
          ? error.message
          : String(error),
    });
    throw error;
  } finally {
    running.delete(job.id);
  }
}

/** A job of the tenant with its live progress when it is running here; undefined if unknown. */
export async function findImportJob(
  db: Database,
  tenantId: string,
  id: string,
): Promise<(ImportJob & { currentFile: string | null }) | undefined> {
  const live = running.get(id);
  if (live && live.tenantId === tenantId) return live;
  const [row] = await withTenant(db, tenantId, (tx) =>
    tx
      .select()
      .from(importJobs)
      .where(and(eq(importJobs.id, id), eq(importJobs.tenantId, tenantId))),
  );
  return row ? { ...row, currentFile: null } : undefined;
}

export async function listImportJobs(
  db: Database,
  tenantId: string,
  limit = 50,
): Promise<ImportJob[]> {
  return withTenant(db, tenantId, (tx) =>
    tx.select().from(importJobs).orderBy(desc(importJobs.createdAt)).limit(limit),
  );
}

async function updateJob(
  db: Database,
  tenantId: string,
  id: string,
  values: Partial<typeof importJobs.$inferInsert>,
): Promise<ImportJob> {
  const [row] = await withTenant(db, tenantId, (tx) =>
    tx.update(importJobs).set(values).where(eq(importJobs.id, id)).returning(),
  );
  if (!row) throw new Error(`Import job ${id} is gone`);
  return row;
}

/** The upload a job reads, under the uploads folder. */
export const uploadPath = (uploadsDir: string, jobId: string) => join(uploadsDir, `${jobId}.zip`);

/**
 * At start: the jobs a dead process left `queued` or `running` become `failed`
 * ("interrupted") and their uploads (student data) are removed. A running import holds its
 * tenant's import lock for its whole transaction, so a tenant whose lock can be taken has no
 * live import in any gateway process sharing the database.
 */
export async function closeInterruptedImports(
  db: Database,
  uploadsDir: string,
): Promise<ImportJob[]> {
  const closed: ImportJob[] = [];
  for (const { id: tenantId } of await db.select({ id: tenants.id }).from(tenants)) {
    const jobs = await withTenant(db, tenantId, async (tx) => {
      const [lock] = await queryRows<{ free: boolean }>(
        tx,
        sql`select pg_try_advisory_xact_lock(${importLockKey(tenantId)}) as free`,
      );
      if (!lock?.free) return [];
      return tx
        .update(importJobs)
        .set({
          status: "failed",
          finishedAt: new Date(),
          error:
            "Interrupted: the gateway stopped before this import ended; nothing was applied. Upload the package again.",
        })
        .where(inArray(importJobs.status, ["queued", "running"]))
        .returning();
    });
    closed.push(...jobs);
  }
  await Promise.all(closed.map((job) => rm(uploadPath(uploadsDir, job.id), { force: true })));
  return closed;
}

function rowsRead(report: ImportReport): number {
  return Object.values(report.files).reduce((sum, file) => sum + file.read, 0);
}
