import { createRoute, z } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { requireScopes } from "../auth/index.ts";
import { withTenant } from "../db/tenant-context.ts";
import { allowedOrgs } from "../entities/index.ts";
import type { AppEnv, AppOpenAPI } from "../kernel/app-env.ts";
import { ApiError } from "../kernel/errors.ts";
import { BEARER_ERRORS, errorResponses, jsonContent } from "../kernel/openapi-helpers.ts";
import { funnelMetrics, schoolMetrics } from "../platform/index.ts";

const Row = z.record(z.string(), z.unknown());

// The funnel counts leads of the whole tenant, with no org to narrow it to a client's subtree.
const unrestrictedCaller = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.auth.orgSourcedId) {
    throw new ApiError(
      "forbidden",
      "A client restricted to an org cannot read the tenant-wide funnel; use an unrestricted client with gateway.admin.",
    );
  }
  await next();
});

const dashboard = (
  path: string,
  key: "schools" | "stages",
  summary: string,
  scoping: { description: string; unrestrictedOnly: boolean },
) =>
  createRoute({
    method: "get",
    path,
    tags: ["Admin: dashboards"],
    summary,
    description: `The token's tenant only, as of the last refresh (\`npx tsa-gateway maintain\` refreshes both dashboards). ${scoping.description}`,
    security: [{ OAuth2CC: ["gateway.admin"] }],
    middleware: scoping.unrestrictedOnly
      ? [requireScopes(["gateway.admin"]), unrestrictedCaller]
      : [requireScopes(["gateway.admin"])],
    responses: {
      200: jsonContent(z.object({ [key]: z.array(Row) }), summary),
      ...errorResponses(...BEARER_ERRORS),
    },
  });

const schoolsRoute = dashboard(
  "/admin/v1/metrics/schools",
  "schools",
  "Per school: enrollment, attendance rate, quality and review scores, revenue",
  {
    description: "A client restricted to an org sees only the schools of its subtree.",
    unrestrictedOnly: false,
  },
);
const funnelRoute = dashboard(
  "/admin/v1/metrics/funnel",
  "stages",
  "Per funnel stage and month: leads, conversion, time in stage",
  { description: "A client restricted to an org is refused (403).", unrestrictedOnly: true },
);

export function registerMetricsRoutes(app: AppOpenAPI): void {
  app.openapi(schoolsRoute, async (c) => {
    const { tenantId, orgSourcedId } = c.var.auth;
    const rows = await withTenant(c.var.deps.db, tenantId, async (tx) =>
      schoolMetrics(tx, orgSourcedId ? await allowedOrgs(tx, tenantId, orgSourcedId) : undefined),
    );
    return c.json({ schools: rows }, 200);
  });
  app.openapi(funnelRoute, async (c) => {
    const rows = await withTenant(c.var.deps.db, c.var.auth.tenantId, funnelMetrics);
    return c.json({ stages: rows }, 200);
  });
}
