import { PassThrough, Readable } from "node:stream";
import { createRoute, z } from "@hono/zod-openapi";
import { requesterAddress } from "../audit/index.ts";
import { requireScopes } from "../auth/index.ts";
import type { Database } from "../db/client.ts";
import { startEdfiExport } from "../edfi/index.ts";
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

const exportEdfiRoute = createRoute({
  method: "get",
  path: "/admin/v1/exports/edfi.zip",
  tags: ["Admin: exports"],
  summary: "The tenant's Ed-Fi documents as JSON Lines, one file per resource",
  description:
    "A zip of `<endpoint>.jsonl` files (e.g. `studentSchoolAssociations.jsonl`), the documents `/ed-fi/data/v3/ed-fi/<endpoint>` serves, record for record, and `manifest.json` (counts per file, the change version the snapshot covers, the time, the Ed-Fi load order, the records served with each documented default). Without `sinceChangeVersion`: every record. With it: the records changed after that version (pass the previous manifest's `changeVersion`). `purpose` is required: it is written to the disclosure log with the resources and counts. Streamed from one consistent snapshot.",
  security: [{ OAuth2CC: ["gateway.export"] }],
  middleware: [requireScopes(["gateway.export"])] as const,
  request: {
    query: z.object({
      purpose: z
        .string({
          error:
            "required: say why the records leave, for the disclosure log (FERPA 34 CFR 99.32), e.g. ?purpose=state-reporting",
        })
        .trim()
        .min(1, "must not be empty: say why the records leave, e.g. ?purpose=state-reporting")
        .max(200)
        .openapi({ example: "state-reporting" }),
      sinceChangeVersion: z.coerce
        .number({ error: "must be a change version (a whole number), e.g. 1200" })
        .int("must be a whole number, e.g. 1200")
        .min(0, "must be 0 or more")
        .optional()
        .openapi({ example: 1200 }),
    }),
  },
  responses: {
    200: {
      content: { "application/zip": { schema: z.string().openapi({ format: "binary" }) } },
      description: "The zip",
    },
    ...errorResponses(...BEARER_ERRORS, 400),
  },
});

/**
 * Answers with the zip an export writes into `body`. Nothing is sent before the disclosure is
 * recorded: a failure until then is the request's error (through onError), and the stream,
 * which nobody reads yet, is just discarded. After that a failure cuts the response short.
 */
async function zipResponse(
  started: { disclosed: Promise<void>; done: Promise<unknown> },
  body: PassThrough,
  name: string,
): Promise<Response> {
  try {
    await started.disclosed;
  } catch (error) {
    body.destroy();
    throw error;
  }
  started.done.catch((error: unknown) =>
    body.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return new Response(Readable.toWeb(body) as ReadableStream, {
    status: 200,
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${name}"`,
    },
  });
}

const today = () => new Date().toISOString().slice(0, 10);

/** Streams a OneRoster package (bulk, or delta since a time) as a download; see zipResponse. */
export function oneRosterExportResponse(db: Database, request: ExportRequest): Promise<Response> {
  const body = new PassThrough();
  const started = startDisclosedExport(db, request, body);
  return zipResponse(started, body, `oneroster-${request.since ? "delta" : "bulk"}-${today()}.zip`);
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

  app.openapi(exportEdfiRoute, async (c) => {
    const { db } = c.var.deps;
    const { tenantId, clientId, orgSourcedId } = c.var.auth;
    const { purpose, sinceChangeVersion } = c.req.valid("query");
    const body = new PassThrough();
    const started = startEdfiExport(
      db,
      {
        tenantId,
        recipient: clientId,
        endpoint: `GET ${c.req.path}`,
        query: new URL(c.req.url).search.slice(1),
        purpose,
        ip: requesterAddress(c),
        sinceChangeVersion,
        orgSourcedId,
      },
      body,
    );
    const kind = sinceChangeVersion === undefined ? "bulk" : `since-${sinceChangeVersion}`;
    return zipResponse(started, body, `edfi-${kind}-${today()}.zip`);
  });
}
