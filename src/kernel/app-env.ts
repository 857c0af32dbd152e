import type { OpenAPIHono, RouteConfig, RouteHandler } from "@hono/zod-openapi";
import type { Config } from "../config/env.ts";
import type { Database, DatabaseKind } from "../db/client.ts";
import type { AuthContext } from "./auth-context.ts";

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Request budgets per key (an API client, an address): `take` spends one, `peek` only looks.
 * Kept in this process's memory, or in PostgreSQL when several processes share the limits.
 */
export interface RequestBudgets {
  take(key: string, perMinute: number): Promise<RateDecision>;
  peek(key: string, perMinute: number): Promise<RateDecision>;
}

/** What a token's client is now: still itself, gone, revoked, or rotated since the token. */
export type TokenStanding = "ok" | "gone" | "revoked" | "rotated";

/** API clients' revocation and secret version, as the bearer check needs them. */
export interface ClientStates {
  standing(db: Database, auth: AuthContext): Promise<TokenStanding>;
  /** Drops what is known of a client after this process changed it. */
  forget(tenantId: string, clientId: string): void;
}

/** What the application needs from its host; createApp does no I/O of its own. */
export interface AppDeps {
  config: Config;
  db: Database;
  dbKind: DatabaseKind;
  /** Newest applied migration, reported by /health. */
  schemaVersion: string | null;
  /**
   * Request budgets per client. A host that builds an app per request (the Worker) passes one
   * it keeps for its whole life; otherwise each app has its own.
   */
  rateLimiter?: RequestBudgets;
  /** API clients' revocation and secret version, cached briefly; otherwise each app has its own. */
  clientStates?: ClientStates;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    clientStates: ClientStates;
    /** Set by the bearer-token middleware on authenticated routes. */
    auth: AuthContext;
  };
}

export type AppOpenAPI = OpenAPIHono<AppEnv>;
export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppEnv>;
