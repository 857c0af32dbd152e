import { createRoute, z } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import {
  ClientError,
  createClient,
  listClients,
  requireScopes,
  revokeClient,
  rotateClient,
} from "../auth/index.ts";
import type { AppEnv, AppOpenAPI } from "../kernel/app-env.ts";
import { ApiError } from "../kernel/errors.ts";
import { BEARER_ERRORS, errorResponses, jsonContent } from "../kernel/openapi-helpers.ts";
import { findTenantById } from "../tenants/index.ts";

const ClientSchema = z
  .object({
    clientId: z.string().openapi({ example: "north.x1Yq3v9KpLm2" }),
    name: z.string(),
    scopes: z.array(z.string()),
    orgSourcedId: z.string().nullable(),
    rateLimitPerMinute: z.number().int().nullable(),
    secretVersion: z.number().int().openapi({ description: "Moves on every rotation" }),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .openapi("ApiClient");

const CredentialsSchema = z
  .object({ clientId: z.string(), clientSecret: z.string(), scopes: z.array(z.string()) })
  .openapi("ApiClientCredentials");

const NewClientSchema = z
  .object({
    name: z.string().min(1),
    scopes: z
      .array(z.string())
      .min(1)
      .openapi({ example: ["roster.readonly", "gateway.import"] }),
    orgSourcedId: z.string().optional().openapi({ description: "Restrict to this org's subtree" }),
    rateLimitPerMinute: z.number().int().positive().optional(),
  })
  .openapi("NewApiClient");

const ClientIdParam = z.object({
  clientId: z.string().openapi({ param: { name: "clientId", in: "path" } }),
});

// An org-restricted client must not mint unrestricted ones, nor manage its tenant's others.
const unrestrictedCaller = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.auth.orgSourcedId) {
    throw new ApiError(
      "forbidden",
      "A client restricted to an org cannot manage API clients; use an unrestricted client with gateway.admin.",
    );
  }
  await next();
});

const guarded = {
  tags: ["Admin: API clients"],
  security: [{ OAuth2CC: ["gateway.admin"] }],
  middleware: [requireScopes(["gateway.admin"]), unrestrictedCaller],
};
const NO_STORE = { "cache-control": "no-store" };

const listRoute = createRoute({
  ...guarded,
  method: "get",
  path: "/admin/v1/clients",
  summary: "The tenant's API clients, revoked ones included (never their secrets)",
  responses: {
    200: jsonContent(z.object({ clients: z.array(ClientSchema) }), "The clients"),
    ...errorResponses(...BEARER_ERRORS),
  },
});

const createRouteDef = createRoute({
  ...guarded,
  method: "post",
  path: "/admin/v1/clients",
  summary: "Create an API client; its secret is in this response only",
  request: { body: { content: { "application/json": { schema: NewClientSchema } } } },
  responses: {
    201: jsonContent(CredentialsSchema, "The new client's credentials"),
    ...errorResponses(...BEARER_ERRORS, 422),
  },
});

const rotateRoute = createRoute({
  ...guarded,
  method: "post",
  path: "/admin/v1/clients/{clientId}/rotate",
  summary: "Give a client a new secret",
  description:
    "The new secret is in this response only. The old secret stops working at once, and tokens issued under it are refused within seconds on every gateway process.",
  request: { params: ClientIdParam },
  responses: {
    200: jsonContent(CredentialsSchema, "The client's new credentials"),
    ...errorResponses(...BEARER_ERRORS, 404, 409),
  },
});

const revokeRoute = createRoute({
  ...guarded,
  method: "post",
  path: "/admin/v1/clients/{clientId}/revoke",
  summary: "Revoke a client",
  description:
    "The client gets no new token and its tokens are refused within seconds on every gateway process. The client stays listed with its `revokedAt`; revoking again changes nothing.",
  request: { params: ClientIdParam },
  responses: {
    200: jsonContent(ClientSchema, "The revoked client"),
    ...errorResponses(...BEARER_ERRORS, 404),
  },
});

const noSuchClient = (clientId: string) =>
  new ApiError("not_found", `No API client '${clientId}' in this tenant.`);

/** /admin/v1/clients: the tenant's API clients (scope gateway.admin). */
export function registerClientRoutes(app: AppOpenAPI): void {
  app.openapi(listRoute, async (c) => {
    const clients = await listClients(c.var.deps.db, c.var.auth.tenantId);
    return c.json({ clients }, 200);
  });

  app.openapi(createRouteDef, async (c) => {
    const { db } = c.var.deps;
    const tenant = await findTenantById(db, c.var.auth.tenantId);
    if (!tenant) throw new ApiError("not_found", "The token's tenant no longer exists.");
    try {
      const client = await createClient(db, tenant, c.req.valid("json"));
      return c.json(client, 201, NO_STORE);
    } catch (error) {
      if (error instanceof ClientError) throw new ApiError("unprocessable", error.message);
      throw error;
    }
  });

  app.openapi(rotateRoute, async (c) => {
    const { clientId } = c.req.valid("param");
    const { tenantId } = c.var.auth;
    try {
      const client = await rotateClient(c.var.deps.db, tenantId, clientId);
      if (!client) throw noSuchClient(clientId);
      c.var.clientStates.forget(tenantId, clientId);
      return c.json(client, 200, NO_STORE);
    } catch (error) {
      if (error instanceof ClientError) throw new ApiError("conflict", error.message);
      throw error;
    }
  });

  app.openapi(revokeRoute, async (c) => {
    const { clientId } = c.req.valid("param");
    const { tenantId } = c.var.auth;
    const client = await revokeClient(c.var.deps.db, tenantId, clientId);
    if (!client) throw noSuchClient(clientId);
    c.var.clientStates.forget(tenantId, clientId);
    return c.json(client, 200);
  });
}
