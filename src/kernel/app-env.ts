import type { OpenAPIHono, RouteConfig, RouteHandler } from "@hono/zod-openapi";
import type { AuthContext } from "./auth-context.ts";
import type { ClientStateCache } from "../auth/client-state.ts";
import type { RateLimiter } from "../auth/rate-limit.ts";
import type { Config } from "../config/env.ts";
import type { Database, DatabaseKind } from "../db/client.ts";

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
  rateLimiter?: RateLimiter;
  /** API clients' revocation and secret version, cached briefly; otherwise each app has its own. */
  clientStates?: ClientStateCache;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    clientStates: ClientStateCache;
    /** Set by the bearer-token middleware on authenticated routes. */
    auth: AuthContext;
  };
}

export type AppOpenAPI = OpenAPIHono<AppEnv>;
export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppEnv>;
