import { sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { queryRows } from "../db/query-rows.ts";
import type { RateDecision, RequestBudgets } from "../kernel/app-env.ts";
import { decide } from "./rate-limit.ts";

/** Every this many requests, buckets idle for a minute (so full again) are deleted. */
const SWEEP_EVERY = 10_000;

/** The bucket's level now: what it held, refilled by the time since, capped at a minute's worth. */
const level = (perMinute: number) =>
  sql`least(${perMinute}::float8, b.tokens
    + extract(epoch from clock_timestamp() - b.updated_at) * ${perMinute}::float8 / 60)`;

/**
 * The same token buckets as `RateLimiter`, kept in PostgreSQL (`rate_limit_buckets`) so that
 * every gateway process on the database spends one budget: a client allowed 600 requests a
 * minute gets 600 whatever the number of processes. One atomic upsert per request; the row
 * lock serialises a client's concurrent requests for that statement only.
 *
 * @example
 * createApp({ ...deps, rateLimiter: new PostgresBudgets(db) });
 */
export class PostgresBudgets implements RequestBudgets {
  private taken = 0;

  constructor(private readonly db: Database) {}

  async take(key: string, perMinute: number): Promise<RateDecision> {
    if (++this.taken % SWEEP_EVERY === 0) {
      await this.db.execute(
        sql`delete from rate_limit_buckets where updated_at < clock_timestamp() - interval '1 minute'`,
      );
    }
    const [bucket] = await queryRows<{ tokens: number; allowed: boolean }>(
      this.db,
      sql`insert into rate_limit_buckets as b (key, tokens, updated_at, allowed)
        values (${key}, ${perMinute}::float8 - 1, clock_timestamp(), true)
        on conflict (key) do update set
          tokens = case when ${level(perMinute)} >= 1 then ${level(perMinute)} - 1
            else ${level(perMinute)} end,
          allowed = ${level(perMinute)} >= 1,
          updated_at = clock_timestamp()
        returning tokens, allowed`,
    );
    if (!bucket) throw new Error("the rate-limit bucket was not written");
    return bucket.allowed ? { allowed: true } : decide(bucket.tokens, perMinute);
  }

  async peek(key: string, perMinute: number): Promise<RateDecision> {
    const [bucket] = await queryRows<{ tokens: number }>(
      this.db,
      sql`select ${level(perMinute)} as tokens from rate_limit_buckets b where b.key = ${key}`,
    );
    return decide(bucket?.tokens ?? perMinute, perMinute);
  }
}
