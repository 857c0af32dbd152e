import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv, AppOpenAPI, RequestBudgets } from "../kernel/app-env.ts";
import { ApiError } from "../kernel/errors.ts";
import { errorResponses, jsonContent } from "../kernel/openapi-helpers.ts";
import { findTenant } from "../tenants/index.ts";
import { secretMatches, tenantSlugOf } from "./client-secrets.ts";
import { findActiveClient } from "./clients.ts";
import { clientAddress, FAILED_TOKEN_REQUESTS_PER_MINUTE } from "./rate-limit.ts";
import { normalizeScope } from "./scopes.ts";
import { issueToken } from "./tokens.ts";

const TokenRequest = z
  .object({
    grant_type: z.string().openapi({ example: "client_credentials" }),
    scope: z
      .string()
      .optional()
      .openapi({ description: "Space-separated scopes; defaults to all of the client's scopes" }),
    client_id: z.string().optional().openapi({ description: "Instead of HTTP Basic" }),
    client_secret: z.string().optional().openapi({ description: "Instead of HTTP Basic" }),
  })
  .openapi("TokenRequest");

const TokenResponse = z
  .object({
    access_token: z.string(),
    token_type: z.literal("bearer"),
    expires_in: z.number().int(),
    scope: z.string(),
  })
  .openapi("TokenResponse");

const OAuthError = z
  .object({ error: z.string(), error_description: z.string() })
  .openapi("OAuthError");

export const tokenRoute = createRoute({
  method: "post",
  path: "/oauth/token",
  tags: ["Auth"],
  summary: "OAuth 2 client credentials token",
  description:
    "Client authentication by HTTP Basic or by `client_id`/`client_secret` in the form body. Asking for a scope the client does not hold is refused with `invalid_scope`.",
  request: {
    body: {
      content: { "application/x-www-form-urlencoded": { schema: TokenRequest } },
      required: true,
    },
  },
  responses: {
    200: jsonContent(TokenResponse, "An access token"),
    400: jsonContent(OAuthError, "invalid_request, unsupported_grant_type or invalid_scope"),
    401: jsonContent(OAuthError, "invalid_client: the credentials are wrong"),
    ...errorResponses(429, 503),
  },
});

const oauthError = (c: Context<AppEnv>, status: 400 | 401, error: string, description: string) =>
  c.json({ error, error_description: description }, status, {
    "cache-control": "no-store",
    pragma: "no-cache",
    ...(status === 401 ? { "www-authenticate": 'Basic realm="tsa-coach-gateway"' } : {}),
  });

type Credentials = { id: string; secret: string };

/** `undefined` without Basic credentials, `"malformed"` when they cannot be decoded. */
function basicCredentials(header: string | undefined): Credentials | "malformed" | undefined {
  if (!header?.toLowerCase().startsWith("basic ")) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return "malformed";
  // RFC 6749 §2.3.1: both parts are form-urlencoded before Basic encoding.
  const decode = (s: string) => decodeURIComponent(s.replaceAll("+", " "));
  try {
    return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
  } catch {
    return "malformed";
  }
}

/**
 * Failed attempts are counted per client id and per address; once either has spent its
 * budget, every request for it is refused until the budget refills, the right secret too
 * (otherwise guessing would simply go on).
 */
function failureThrottle(limiter: RequestBudgets, address: string) {
  const budgets = (clientId: string | undefined) => [
    {
      key: `failed-token address ${address}`,
      perMinute: FAILED_TOKEN_REQUESTS_PER_MINUTE.address,
      who: "from this address",
    },
    ...(clientId === undefined
      ? []
      : [
          {
            key: `failed-token client ${clientId}`,
            perMinute: FAILED_TOKEN_REQUESTS_PER_MINUTE.client,
            who: "for this client id",
          },
        ]),
  ];
  return {
    async refuseIfSpent(clientId: string | undefined): Promise<void> {
      for (const { key, perMinute, who } of budgets(clientId)) {
        const decision = await limiter.peek(key, perMinute);
        if (!decision.allowed) {
          throw new ApiError(
            "rate_limited",
            `Too many failed token requests ${who}. Retry after ${decision.retryAfterSeconds} s.`,
            { "retry-after": String(decision.retryAfterSeconds) },
          );
        }
      }
    },
    async countFailure(clientId: string | undefined): Promise<void> {
      for (const { key, perMinute } of budgets(clientId)) await limiter.take(key, perMinute);
    },
  };
}

export function registerTokenEndpoint(app: AppOpenAPI, limiter: RequestBudgets): void {
  app.openapi(
    tokenRoute,
    async (c) => {
      const form = c.req.valid("form");
      const { config, db } = c.var.deps;
      if (form.grant_type !== "client_credentials") {
        return oauthError(
          c,
          400,
          "unsupported_grant_type",
          "Only grant_type=client_credentials is supported.",
        );
      }
      const throttle = failureThrottle(limiter, clientAddress(c));
      const basic = basicCredentials(c.req.header("authorization"));
      const credentials =
        basic ??
        (form.client_id && form.client_secret
          ? { id: form.client_id, secret: form.client_secret }
          : undefined);
      await throttle.refuseIfSpent(typeof credentials === "object" ? credentials.id : undefined);
      if (credentials === "malformed") {
        await throttle.countFailure(undefined);
        return oauthError(
          c,
          400,
          "invalid_request",
          "The HTTP Basic credentials cannot be read: send base64 of client_id:client_secret, each form-urlencoded (RFC 6749 §2.3.1).",
        );
      }
      if (!credentials) {
        await throttle.countFailure(undefined);
        return oauthError(
          c,
          401,
          "invalid_client",
          "Send client credentials with HTTP Basic or in the form body.",
        );
      }
      const slug = tenantSlugOf(credentials.id);
      const tenant = slug ? await findTenant(db, slug) : undefined;
      const client = tenant ? await findActiveClient(db, tenant.id, credentials.id) : undefined;
      if (!tenant || !client || !secretMatches(credentials.secret, client.secretHash)) {
        await throttle.countFailure(credentials.id);
        return oauthError(c, 401, "invalid_client", "Client authentication failed.");
      }
      const requested = form.scope?.split(/\s+/).filter(Boolean).map(normalizeScope);
      const granted = requested ?? client.scopes;
      const refused = granted.filter((scope) => !client.scopes.includes(scope));
      if (refused.length > 0) {
        return oauthError(
          c,
          400,
          "invalid_scope",
          `The client does not hold: ${refused.join(" ")}`,
        );
      }
      const accessToken = await issueToken(config.TOKEN_SECRET, config.TOKEN_TTL_SECONDS, {
        tenantId: tenant.id,
        clientId: client.clientId,
        secretVersion: client.secretVersion,
        scopes: new Set(granted),
        ...(client.orgSourcedId ? { orgSourcedId: client.orgSourcedId } : {}),
        ...(client.rateLimitPerMinute ? { rateLimitPerMinute: client.rateLimitPerMinute } : {}),
      });
      return c.json(
        {
          access_token: accessToken,
          token_type: "bearer" as const,
          expires_in: config.TOKEN_TTL_SECONDS,
          scope: granted.join(" "),
        },
        200,
        // RFC 6749 §5.1: both, for HTTP/1.0 caches too.
        { "cache-control": "no-store", pragma: "no-cache" },
      );
    },
    (result, c) => {
      if (!result.success) {
        return oauthError(
          c,
          400,
          "invalid_request",
          "The form body needs grant_type=client_credentials.",
        );
      }
    },
  );
}
