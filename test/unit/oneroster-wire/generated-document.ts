import { OpenAPIHono } from "@hono/zod-openapi";
import { OPERATIONS_BY_SERVICE } from "../../../src/oneroster/routes/index.ts";
import type { ServiceName } from "../../../src/oneroster/wire/index.ts";
import type { OfficialDocument } from "../../support/oneroster-official.ts";

/**
 * The OpenAPI document of one service as an application that wires the route table generates
 * it: every route registered with `app.openapi` (handlers are irrelevant to the document).
 */
export function generatedDocument(service: ServiceName): OfficialDocument {
  const app = new OpenAPIHono();
  for (const { route } of OPERATIONS_BY_SERVICE[service]) {
    app.openapi(route, (c) => c.body(null, 204));
  }
  const document = app.getOpenAPIDocument({
    openapi: "3.0.0",
    info: { title: `OneRoster ${service}`, version: "1.2" },
  });
  return document as unknown as OfficialDocument;
}
