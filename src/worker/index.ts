import { createApp } from "../app/create-app.ts";
import { RateLimiter } from "../auth/index.ts";
import { type Config, ConfigError } from "../config/env.ts";
import { loadWorkerConfig } from "../config/worker-config.ts";
import { appliedSchemaVersion } from "../db/schema-version.ts";
import { connectForRequest, type RequestDatabase } from "../db/worker-client.ts";
import { ApiError } from "../kernel/errors.ts";
import { answerError } from "./answer-error.ts";
import { closeAfterBody } from "./close-after-body.ts";
import { nodeOnlyRefusal } from "./node-only.ts";
import type { WorkerContext, WorkerEnv } from "./worker-env.ts";

/**
 * The gateway as a Cloudflare Worker: the same `createApp` as the Node server, over a
 * PostgreSQL connection opened for this request through Hyperdrive. Workers forbid sharing
 * I/O objects between requests, and the app holds its database, so the app is built per
 * request too (0.6 ms in workerd; see bench/results/worker-vs-node.json).
 */
/** Request budgets live as long as the isolate; apps (and connections) are per request. */
const rateLimiter = new RateLimiter();

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: WorkerContext): Promise<Response> {
    const refusal = nodeOnlyRefusal(request);
    if (refusal) return refusal;
    let config: Config;
    try {
      config = loadWorkerConfig(env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      return answerError(
        request,
        new ApiError("internal", `The gateway is not configured. ${error.message}`),
      );
    }
    let database: RequestDatabase;
    try {
      database = await connectForRequest(env.HYPERDRIVE.connectionString);
    } catch (error) {
      console.error(
        `[db] no connection through Hyperdrive: ${error instanceof Error ? error.message : String(error)}`,
      );
      return answerError(
        request,
        new ApiError("unavailable", "The database cannot be reached. Try again shortly."),
      );
    }
    try {
      const isHealth = new URL(request.url).pathname === "/health";
      const app = createApp({
        config,
        db: database.db,
        dbKind: "postgres",
        rateLimiter,
        schemaVersion: isHealth ? await appliedSchemaVersion(database.db) : null,
      });
      return closeAfterBody(await app.fetch(request, env, ctx), database.close, ctx);
    } catch (error) {
      ctx.waitUntil(database.close());
      throw error;
    }
  },
};
