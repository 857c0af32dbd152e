import { z } from "@hono/zod-openapi";

const ProblemSchema = z.object({
  severity: z.enum(["error", "warning"]),
  file: z.string(),
  line: z.number().int().optional(),
  column: z.string().optional(),
  rule: z.string().openapi({ example: "cell.invalid_date" }),
  value: z.string().optional(),
  message: z.string(),
  fix: z.string(),
});

const FileCountsSchema = z.object({
  read: z.number().int(),
  rejected: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  deleted: z.number().int(),
});

export const ImportReportSchema = z
  .object({
    package: z.string(),
    status: z.enum(["accepted", "rejected"]),
    errors: z.number().int(),
    warnings: z.number().int(),
    problems: z.array(ProblemSchema),
    counts: z.record(
      z.string(),
      z.record(z.string(), z.object({ severity: z.string(), count: z.number() })),
    ),
    files: z.record(z.string(), FileCountsSchema),
  })
  .openapi("ImportReport");

export const ImportJobSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(["queued", "running", "succeeded", "failed", "rejected"]),
    dryRun: z.boolean(),
    force: z.boolean(),
    fileName: z.string().nullable(),
    progress: z
      .object({
        rowsDone: z.number().int(),
        bytesDone: z.number().int(),
        bytesTotal: z.number().int().nullable(),
        currentFile: z.string().nullable(),
      })
      .openapi({
        description:
          "Rows read so far, and bytes of CSV read of the package's total once reading has started (inflated sizes; before that, bytesTotal is the upload's size).",
      }),
    counts: z.record(z.string(), FileCountsSchema).nullable(),
    report: ImportReportSchema.nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .openapi("ImportJob");

export type ImportJobBody = z.infer<typeof ImportJobSchema>;
