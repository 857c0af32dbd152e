import { OpenAPIHono } from "@hono/zod-openapi";
import { registerAdmin } from "../admin/index.ts";
import { ClientStateCache, RateLimiter, registerTokenEndpoint } from "../auth/index.ts";
import { registerConsole } from "../console/index.ts";
import { EDFI_CHANGE_QUERIES, mountEdfi } from "../edfi/index.ts";
import type { AppDeps, AppEnv } from "../kernel/app-env.ts";
import { ApiError } from "../kernel/errors.ts";
import { defaultHook } from "../kernel/openapi-helpers.ts";
import { mountOneRoster } from "../oneroster/index.ts";
import { registerDocs } from "./docs.routes.ts";
import { registerHealth } from "./health.routes.ts";
import { registerLanding } from "./landing.routes.ts";
import { gatewayDocument } from "./openapi-document.ts";
import { renderError } from "./render-error.ts";

/**
 * Builds the whole gateway as one Hono application. No I/O happens here: the hosts (Node
 * server, CLI, Worker) open the database and pass it in.
 *
 * @example
 * const app = createApp({ config, db, dbKind: "pglite", schemaVersion });
 * const res = await app.request("/health");
 */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook });
  const clientStates = deps.clientStates ?? new ClientStateCache();
  app.use("*", async (c, next) => {
    c.set("deps", deps);
    c.set("clientStates", clientStates);
    await next();
  });
  app.onError(renderError);
  app.notFound((c) =>
    renderError(new ApiError("not_found", `No route for ${c.req.method} ${c.req.path}`), c),
  );

  const rateLimiter = deps.rateLimiter ?? new RateLimiter();
  registerHealth(app);
  registerTokenEndpoint(app, rateLimiter);
  mountOneRoster(app, rateLimiter);
  mountEdfi(app, rateLimiter, [EDFI_CHANGE_QUERIES]);
  registerAdmin(app);
  registerConsole(app);

  app.openAPIRegistry.registerComponent("securitySchemes", "OAuth2CC", {
    type: "oauth2",
    flows: { clientCredentials: { tokenUrl: "/oauth/token", scopes: {} } },
  });
  app.get("/openapi.json", (c) => c.json(gatewayDocument(app)));
  registerDocs(app);
  registerLanding(app);
  return app;
}
