import { createMiddleware } from "hono/factory";
import type { AppEnv, TokenStanding } from "../kernel/app-env.ts";
import { ApiError } from "../kernel/errors.ts";
import { verifyToken } from "./tokens.ts";

const REFUSED_STANDING: Record<Exclude<TokenStanding, "ok">, string> = {
  gone: "The access token's client no longer exists.",
  revoked: "The access token's client has been revoked.",
  rotated:
    "The client's secret has been rotated since this token was issued; request a new token with the new secret.",
};

/**
 * Authenticates the bearer token, checks that its client is neither revoked, deleted nor
 * rotated since, and, when scopes are given, requires ANY one of them (the
 * OneRoster files list alternatives, e.g. roster.readonly or roster-core.readonly).
 *
 * @example
 * app.use("/admin/v1/imports/*", requireScopes(["gateway.import"]));
 */
export const requireScopes = (anyOf: readonly string[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header("authorization");
    const token = /^Bearer\s+(\S+)$/i.exec(header ?? "")?.[1];
    if (!token) {
      throw new ApiError(
        "unauthorized",
        "Send an access token: Authorization: Bearer <token> (get one at POST /oauth/token).",
        {
          "www-authenticate": 'Bearer realm="tsa-coach-gateway"',
        },
      );
    }
    const auth = await verifyToken(c.var.deps.config.TOKEN_SECRET, token);
    if (auth === "expired" || auth === "invalid") {
      throw new ApiError(
        "unauthorized",
        auth === "expired"
          ? "The access token has expired; request a new one."
          : "The access token is not valid.",
        { "www-authenticate": `Bearer realm="tsa-coach-gateway", error="invalid_token"` },
      );
    }
    const standing = await c.var.clientStates.standing(c.var.deps.db, auth);
    if (standing !== "ok") {
      throw new ApiError("unauthorized", REFUSED_STANDING[standing], {
        "www-authenticate": `Bearer realm="tsa-coach-gateway", error="invalid_token"`,
      });
    }
    if (anyOf.length > 0 && !anyOf.some((scope) => auth.scopes.has(scope))) {
      throw new ApiError(
        "forbidden",
        `This operation needs one of the scopes: ${anyOf.join(", ")}`,
      );
    }
    c.set("auth", auth);
    await next();
  });
