import { join } from "node:path";
import { allowedOrgs } from "../entities/index.ts";
import { createImportJob, type ImportJob, runImportJob, uploadPath } from "../imports/index.ts";
import type { AppDeps } from "../kernel/app-env.ts";
import { ApiError } from "../kernel/errors.ts";
import { findTenantById } from "../tenants/index.ts";
import { orgSubtree } from "../writes/index.ts";
import { saveUpload } from "./upload.ts";

export interface UploadedImport {
  tenantId: string;
  /** Who started it: an API client id, or `console:<email>`. */
  createdBy: string;
  dryRun: boolean;
  force: boolean;
  /** The org a restricted client is limited to: the import may touch only its subtree. */
  orgSourcedId?: string | undefined;
}

/**
 * Saves the package a request carries and starts its import job in the background, for the
 * admin API and the console alike. Resolves with the queued job; the job records its own end.
 */
export async function startUploadedImport(
  deps: AppDeps,
  request: Request,
  input: UploadedImport,
): Promise<ImportJob> {
  const { db, config } = deps;
  const { tenantId, orgSourcedId } = input;
  const tenant = await findTenantById(db, tenantId);
  if (!tenant) throw new ApiError("not_found", "The tenant no longer exists.");
  const id = crypto.randomUUID();
  const uploadsDir = join(config.DATA_DIR, "uploads");
  const upload = await saveUpload(request, uploadPath(uploadsDir, id), config.UPLOAD_MAX_BYTES);
  const job = await createImportJob(db, tenant, {
    id,
    fileName: upload.fileName,
    bytesTotal: upload.bytes,
    dryRun: input.dryRun,
    force: input.force,
    createdBy: input.createdBy,
  }).catch(async (error: unknown) => {
    await upload.remove();
    throw error;
  });
  // The job records its own failure; the upload (student data) goes as soon as it is read,
  // and at the latest when the job ends.
  void runImportJob(db, tenant, job, upload.path, {
    maxRemovalShare: config.IMPORT_MAX_REMOVAL_SHARE,
    limits: {
      maxEntries: config.ZIP_MAX_ENTRIES,
      maxInflatedBytes: config.ZIP_MAX_INFLATED_BYTES,
      maxCompressionRatio: config.ZIP_MAX_RATIO,
    },
    ...(orgSourcedId && {
      scope: async (tx) => orgSubtree(await allowedOrgs(tx, tenantId, orgSourcedId)),
    }),
    discardUpload: upload.remove,
  })
    .catch((error: unknown) => {
      console.error(
        `[import ${job.id}] failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    })
    .finally(upload.remove);
  return job;
}
