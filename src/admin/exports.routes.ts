import { PassThrough, Readable } from "node:stream";
import { createRoute, z } from "@hono/zod-openapi";
import { requesterAddress } from "../audit/index.ts";
import { requireScopes } from "../auth/index.ts";
import type { Database } from "../db/client.ts";
import { type ExportRequest, startDisclosedExport } from "../exports/index.ts";
import type { AppOpenAPI } from "../kernel/app-env.ts";
import { BEARER_ERRORS, errorResponses } from "../kernel/openapi-helpers.ts";

const exportOneRosterRoute = createRoute({
  method: "get",
  path: "/admin/v1/exports/oneroster.zip",
  tags: ["Admin: exports"],
  summary: "The tenant's OneRoster 1.2 CSV package",
  description:
    "Without `since`: a bulk package of every active record. With `since` (ISO 8601 date-time): a delta package of every record changed after that instant, deletions as `tobedeleted`. Streamed from one consistent snapshot; every export is recorded in the disclosure log.",
  security: [{ OAuth2CC: ["gateway.export"] }],
  middleware: [requireScopes(["gateway.export"])] as const,
  request: {
    query: z.object({
      since: z.iso
        .datetime({ offset: true })
        .optional()
        .openapi({ example: "2026-09-01T00:00:00.000Z" }),
    }),
  },
  responses: {
    200: {
      content: { "application/zip": { schema: z.string().openapi({ format: "binary" }) } },
      description: "The package",
    },
    ...errorResponses(...BEARER_ERRORS, 400),
  },
});

/**
 * Streams a OneRoster package as a download once its disclosure is recorded: a failure until
 * then is the request's error (through onError); a later one cuts the download short.
 */
export async function oneRosterExportResponse(
  db: Database,
  request: ExportRequest,
): Promise<Response> {
  const body = new PassThrough();
  const { disclosed, done } = startDisclosedExport(db, request, body);
  try {
    await disclosed;
  } catch (error) {
    body.destroy();
    throw error;
  }
  done.catch((error: unknown) =>
    body.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  const name = `oneroster-${request.since ? "delta" : "bulk"}-${new Date().toISOString().slice(0, 10)}.zip`;
  return new Response(Readable.toWeb(body) as ReadableStream, {
    status: 200,
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${name}"`,
    },
  });
}

export function registerExportRoutes(app: AppOpenAPI): void {
  app.openapi(exportOneRosterRoute, async (c) => {
    const { tenantId, clientId, orgSourcedId } = c.var.auth;
    const sinceText = c.req.valid("query").since;
    return oneRosterExportResponse(c.var.deps.db, {
      tenantId,
      recipient: clientId,
      endpoint: `GET ${c.req.path}`,
      query: new URL(c.req.url).search.slice(1),
      ip: requesterAddress(c),
      since: sinceText ? new Date(sinceText) : undefined,
      orgSourcedId,
    });
  });
}
