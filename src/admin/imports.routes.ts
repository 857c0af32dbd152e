import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { requireScopes } from "../auth/index.ts";
import { type ImportReport, problemsCsv } from "../csv/index.ts";
import type { ImportJob } from "../imports/index.ts";
import { findImportJob, listImportJobs } from "../imports/index.ts";
import type { AppEnv, AppOpenAPI } from "../kernel/app-env.ts";
import { ApiError } from "../kernel/errors.ts";
import { BEARER_ERRORS, errorResponses, jsonContent } from "../kernel/openapi-helpers.ts";
import { type ImportJobBody, ImportJobSchema } from "./import-schemas.ts";
import { startUploadedImport } from "./start-import.ts";

const flag = z
  .enum(["true", "false"])
  .optional()
  .transform((v) => v === "true");

const startImport = createRoute({
  method: "post",
  path: "/admin/v1/imports",
  tags: ["Admin: imports"],
  summary: "Upload a OneRoster CSV package for import",
  description:
    "Send the zip as the raw body (`application/zip`) or as the multipart field `file`. The import runs in the background: poll the job it returns. `dryRun=true` validates and counts without changing anything; `force=true` applies a bulk import even when it removes more than the configured share of users or enrollments.",
  security: [{ OAuth2CC: ["gateway.import"] }],
  middleware: [requireScopes(["gateway.import"])] as const,
  request: { query: z.object({ dryRun: flag, force: flag }) },
  responses: {
    202: jsonContent(ImportJobSchema, "The import job, queued"),
    ...errorResponses(...BEARER_ERRORS, 400, 413, 415),
  },
});

const getImport = createRoute({
  method: "get",
  path: "/admin/v1/imports/{id}",
  tags: ["Admin: imports"],
  summary: "Status, progress, counts and validation report of an import",
  security: [{ OAuth2CC: ["gateway.import"] }],
  middleware: [requireScopes(["gateway.import"])] as const,
  request: { params: z.object({ id: z.string() }) },
  responses: {
    200: jsonContent(ImportJobSchema, "The import job"),
    ...errorResponses(...BEARER_ERRORS, 404),
  },
});

const getProblems = createRoute({
  method: "get",
  path: "/admin/v1/imports/{id}/problems.csv",
  tags: ["Admin: imports"],
  summary: "An import's problems as a CSV to open in a spreadsheet",
  description:
    "One row per problem: file, line, column, rule, severity, the offending value, the message and the fix. Cells a spreadsheet would run as a formula start with an apostrophe.",
  security: [{ OAuth2CC: ["gateway.import"] }],
  middleware: [requireScopes(["gateway.import"])] as const,
  request: { params: z.object({ id: z.string() }) },
  responses: {
    200: {
      content: { "text/csv": { schema: z.string() } },
      description: "The problems, UTF-8 with a byte-order mark",
    },
    ...errorResponses(...BEARER_ERRORS, 404),
  },
});

const listImports = createRoute({
  method: "get",
  path: "/admin/v1/imports",
  tags: ["Admin: imports"],
  summary: "Import history of the tenant, newest first",
  security: [{ OAuth2CC: ["gateway.import"] }],
  middleware: [requireScopes(["gateway.import"])] as const,
  responses: {
    200: jsonContent(z.object({ imports: z.array(ImportJobSchema) }), "Recent imports"),
    ...errorResponses(...BEARER_ERRORS),
  },
});

/** An import job as the API (and the console's live progress) shows it. */
export function importJobBody(job: ImportJob & { currentFile?: string | null }): ImportJobBody {
  return {
    id: job.id,
    status: job.status,
    dryRun: job.dryRun,
    force: job.force,
    fileName: job.fileName,
    progress: {
      rowsDone: job.rowsDone,
      bytesDone: job.bytesDone,
      bytesTotal: job.bytesTotal,
      currentFile: job.currentFile ?? null,
    },
    counts: (job.counts as ImportJobBody["counts"]) ?? null,
    report: (job.report as unknown as ImportReport | null) ?? null,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerImportRoutes(app: AppOpenAPI): void {
  app.openapi(startImport, async (c) => {
    const { tenantId, clientId, orgSourcedId } = c.var.auth;
    const job = await startUploadedImport(c.var.deps, c.req.raw, {
      ...c.req.valid("query"),
      tenantId,
      createdBy: clientId,
      orgSourcedId,
    });
    return c.json(importJobBody(job), 202, { location: `/admin/v1/imports/${job.id}` });
  });

  const jobOf = async (c: Context<AppEnv>, id: string) => {
    const job = UUID.test(id)
      ? await findImportJob(c.var.deps.db, c.var.auth.tenantId, id)
      : undefined;
    if (!job) throw new ApiError("not_found", `No import ${id} for this tenant.`);
    return job;
  };

  app.openapi(getImport, async (c) => {
    const job = await jobOf(c, c.req.valid("param").id);
    return c.json(importJobBody(job), 200);
  });

  app.openapi(getProblems, async (c) => {
    const { id } = c.req.valid("param");
    const job = await jobOf(c, id);
    // A job still queued or running has no report yet: the header alone.
    const report = job.report as unknown as ImportReport | null;
    return c.body(problemsCsv(report?.problems ?? []), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="import-${id}-problems.csv"`,
      "cache-control": "no-store",
    });
  });

  app.openapi(listImports, async (c) => {
    const jobs = await listImportJobs(c.var.deps.db, c.var.auth.tenantId);
    return c.json({ imports: jobs.map(importJobBody) }, 200);
  });
}
