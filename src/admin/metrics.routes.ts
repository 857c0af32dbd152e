import { createRoute, z } from "@hono/zod-openapi";
import { requireScopes } from "../auth/index.ts";
import { withTenant } from "../db/tenant-context.ts";
import type { AppOpenAPI } from "../kernel/app-env.ts";
import { BEARER_ERRORS, errorResponses, jsonContent } from "../kernel/openapi-helpers.ts";
import { funnelMetrics, schoolMetrics } from "../platform/index.ts";

const Row = z.record(z.string(), z.unknown());

const dashboard = (path: string, key: "schools" | "stages", summary: string) =>
  createRoute({
    method: "get",
    path,
    tags: ["Admin: dashboards"],
    summary,
    description:
      "The token's tenant only, as of the last refresh (`npx tsa-gateway maintain` refreshes both dashboards).",
    security: [{ OAuth2CC: ["gateway.admin"] }],
    middleware: [requireScopes(["gateway.admin"])] as const,
    responses: {
      200: jsonContent(z.object({ [key]: z.array(Row) }), summary),
      ...errorResponses(...BEARER_ERRORS),
    },
  });

const schoolsRoute = dashboard(
  "/admin/v1/metrics/schools",
  "schools",
  "Per school: enrollment, attendance rate, quality and review scores, revenue",
);
const funnelRoute = dashboard(
  "/admin/v1/metrics/funnel",
  "stages",
  "Per funnel stage and month: leads, conversion, time in stage",
);

export function registerMetricsRoutes(app: AppOpenAPI): void {
  app.openapi(schoolsRoute, async (c) => {
    const rows = await withTenant(c.var.deps.db, c.var.auth.tenantId, schoolMetrics);
    return c.json({ schools: rows }, 200);
  });
  app.openapi(funnelRoute, async (c) => {
    const rows = await withTenant(c.var.deps.db, c.var.auth.tenantId, funnelMetrics);
    return c.json({ stages: rows }, 200);
  });
}
