import type { IncomingMessage } from "node:http";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv, RateDecision, RequestBudgets } from "../kernel/app-env.ts";
import { ApiError } from "../kernel/errors.ts";

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Above this many known clients, the buckets that have refilled are forgotten. */
const SWEEP_ABOVE = 10_000;

/**
 * Token buckets per API client: `perMinute` requests a minute on average, with bursts of up
 * to a minute's worth. State lives in this process's memory: for one process (PGlite, a
 * Worker isolate, tests); several processes share `PostgresBudgets` instead.
 *
 * @example
 * const limiter = new RateLimiter();
 * limiter.take("demo.abc", 600); // { allowed: true }
 */
export class RateLimiter implements RequestBudgets {
  private readonly buckets = new Map<string, Bucket>();

  /** Counts one request against `key`'s budget, or refuses it when the budget is spent. */
  async take(key: string, perMinute: number, now = Date.now()): Promise<RateDecision> {
    const tokens = this.level(key, perMinute, now);
    const decision = decide(tokens, perMinute);
    if (!this.buckets.has(key) && this.buckets.size >= SWEEP_ABOVE) this.sweep(now);
    this.buckets.set(key, { tokens: decision.allowed ? tokens - 1 : tokens, updatedAt: now });
    return decision;
  }

  /** Whether `key` has budget left, without spending any. */
  async peek(key: string, perMinute: number, now = Date.now()): Promise<RateDecision> {
    return decide(this.level(key, perMinute, now), perMinute);
  }

  private level(key: string, perMinute: number, now: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return perMinute;
    return Math.min(perMinute, bucket.tokens + ((now - bucket.updatedAt) * perMinute) / 60_000);
  }

  private sweep(now: number): void {
    for (const [clientId, bucket] of this.buckets) {
      // A bucket idle for a full minute has refilled: forgetting it changes nothing.
      if (now - bucket.updatedAt >= 60_000) this.buckets.delete(clientId);
    }
  }
}

/** Allowed with a token left, or how long until one is back. */
export function decide(tokens: number, perMinute: number): RateDecision {
  if (tokens >= 1) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.ceil(((1 - tokens) * 60) / perMinute) };
}

/**
 * Failed token requests allowed a minute (bursts of as many): per client id, so a secret
 * cannot be guessed, and per address, so client ids cannot be tried in turn. The address
 * budget is larger because clients behind one proxy share an address.
 */
export const FAILED_TOKEN_REQUESTS_PER_MINUTE = { client: 10, address: 60 } as const;

/** The peer's address: the Node server's socket, or the one Cloudflare states to a Worker. */
export function clientAddress(c: Context<AppEnv>): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket.remoteAddress ?? c.req.header("cf-connecting-ip") ?? "unknown";
}

/**
 * Refuses a request with 429 and `Retry-After` when the authenticated client is over its
 * limit: its own (`api_clients.rate_limit_per_minute`, carried in the token) or the
 * configured `RATE_LIMIT_PER_MINUTE`. Runs after the bearer middleware.
 *
 * @example
 * app.use("/ims/*", requireScopes([]), rateLimit(new RateLimiter()));
 */
export const rateLimit = (limiter: RequestBudgets) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const { clientId, rateLimitPerMinute } = c.var.auth;
    const perMinute = rateLimitPerMinute ?? c.var.deps.config.RATE_LIMIT_PER_MINUTE;
    const decision = await limiter.take(clientId, perMinute);
    if (!decision.allowed) {
      throw new ApiError(
        "rate_limited",
        `Too many requests: this client may make ${perMinute} a minute. Retry after ${decision.retryAfterSeconds} s.`,
        { "retry-after": String(decision.retryAfterSeconds) },
      );
    }
    await next();
  });
