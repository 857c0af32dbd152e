import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../kernel/app-env.ts";
import { ApiError } from "../kernel/errors.ts";

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Above this many known clients, the buckets that have refilled are forgotten. */
const SWEEP_ABOVE = 10_000;

/**
 * Token buckets per API client: `perMinute` requests a minute on average, with bursts of up
 * to a minute's worth. State lives in this process's memory, so with N gateway processes a
 * client may reach N times its limit; that is the price of needing no shared store.
 *
 * @example
 * const limiter = new RateLimiter();
 * limiter.take("demo.abc", 600); // { allowed: true }
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  take(clientId: string, perMinute: number, now = Date.now()): RateDecision {
    const perMs = perMinute / 60_000;
    const bucket = this.buckets.get(clientId) ?? { tokens: perMinute, updatedAt: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.updatedAt) * perMs);
    bucket.updatedAt = now;
    if (!this.buckets.has(clientId)) {
      if (this.buckets.size >= SWEEP_ABOVE) this.sweep(now);
      this.buckets.set(clientId, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / perMs / 1000) };
  }

  private sweep(now: number): void {
    for (const [clientId, bucket] of this.buckets) {
      // A bucket idle for a full minute has refilled: forgetting it changes nothing.
      if (now - bucket.updatedAt >= 60_000) this.buckets.delete(clientId);
    }
  }
}

/**
 * Refuses a request with 429 and `Retry-After` when the authenticated client is over its
 * limit: its own (`api_clients.rate_limit_per_minute`, carried in the token) or the
 * configured `RATE_LIMIT_PER_MINUTE`. Runs after the bearer middleware.
 *
 * @example
 * app.use("/ims/*", requireScopes([]), rateLimit(new RateLimiter()));
 */
export const rateLimit = (limiter: RateLimiter) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const { clientId, rateLimitPerMinute } = c.var.auth;
    const perMinute = rateLimitPerMinute ?? c.var.deps.config.RATE_LIMIT_PER_MINUTE;
    const decision = limiter.take(clientId, perMinute);
    if (!decision.allowed) {
      throw new ApiError(
        "rate_limited",
        `Too many requests: this client may make ${perMinute} a minute. Retry after ${decision.retryAfterSeconds} s.`,
        { "retry-after": String(decision.retryAfterSeconds) },
      );
    }
    await next();
  });
