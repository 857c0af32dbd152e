import { sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { queryRows } from "../db/query-rows.ts";
import type { PartitionUpkeep } from "./maintain.ts";

/** How often `serve` keeps partitions ahead; they are three months ahead, so daily is ample. */
export const PARTITION_UPKEEP_INTERVAL_MS = 6 * 60 * 60 * 1000;

/** Key of the advisory lock that lets one gateway process in a fleet do the upkeep at a time. */
const UPKEEP_LOCK_KEY = 0x7_5a_c0_ac;

/**
 * Keeps partitions ahead once, unless another process is doing it right now: the work runs in
 * one transaction holding a transaction-level advisory lock, so concurrent gateways never
 * create the same partition twice. Returns null when another process held the lock.
 */
export async function keepPartitionsAheadOnce(db: Database): Promise<PartitionUpkeep[] | null> {
  return db.transaction(async (tx) => {
    const [lock] = await queryRows<{ locked: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${UPKEEP_LOCK_KEY}) as locked`,
    );
    if (!lock?.locked) return null;
    return queryRows<PartitionUpkeep>(
      tx,
      sql`select parent_table as "table", created from keep_partitions_ahead()`,
    );
  });
}

/**
 * Keeps partitions ahead now and then every `intervalMs` until stopped, reporting what it did
 * or why it failed; the timer does not keep the process alive. Where pg_partman's background
 * worker also runs, both are harmless together (see docs/schema.md).
 *
 * @example
 * const upkeep = startPartitionUpkeep(db, (line) => console.error(line));
 * // on shutdown, before closing the database:
 * await upkeep.stop();
 */
export function startPartitionUpkeep(
  db: Database,
  report: (line: string) => void,
  intervalMs = PARTITION_UPKEEP_INTERVAL_MS,
): { stop: () => Promise<void> } {
  let running = Promise.resolve();
  const run = () => {
    running = keepPartitionsAheadOnce(db).then(
      (done) => {
        const created = done?.flatMap((table) => table.created) ?? [];
        if (created.length) report(`partitions created: ${created.join(", ")}`);
      },
      (error: unknown) =>
        report(
          `partition upkeep failed: ${error instanceof Error ? error.message : String(error)}; the connecting role must own the partitioned tables (run \`tsa-gateway maintain\` as the migrating role)`,
        ),
    );
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      return running;
    },
  };
}
