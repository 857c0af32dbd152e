import { PassThrough, Readable } from "node:stream";
import { createRoute, z } from "@hono/zod-openapi";
import { requesterAddress } from "../audit/index.ts";
import { requireScopes } from "../auth/index.ts";
import { startDisclosedExport } from "../exports/index.ts";
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

export function registerExportRoutes(app: AppOpenAPI): void {
  app.openapi(exportOneRosterRoute, async (c) => {
    const { db } = c.var.deps;
    const { tenantId, clientId, orgSourcedId } = c.var.auth;
    const sinceText = c.req.valid("query").since;
    const since = sinceText ? new Date(sinceText) : undefined;
    const body = new PassThrough();
    const { disclosed, done } = startDisclosedExport(
      db,
      {
        tenantId,
        recipient: clientId,
        endpoint: `GET ${c.req.path}`,
        query: new URL(c.req.url).search.slice(1),
        ip: requesterAddress(c),
        since,
        orgSourcedId,
      },
      body,
    );
    // Nothing is sent before the disclosure is recorded: a failure until then is the request's
    // error (through onError), and the stream, which nobody reads yet, is just discarded.
    try {
      await disclosed;
    } catch (error) {
      body.destroy();
      throw error;
    }
    // From here the response reads the stream; a later failure cuts it short.
    done.catch((error: unknown) =>
      body.destroy(error instanceof Error ? error : new Error(String(error))),
    );
    const name = `oneroster-${since ? "delta" : "bulk"}-${new Date().toISOString().slice(0, 10)}.zip`;
    return new Response(Readable.toWeb(body) as ReadableStream, {
      status: 200,
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="${name}"`,
      },
    });
  });
}
