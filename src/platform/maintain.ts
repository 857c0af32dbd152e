import { sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { queryRows } from "../db/query-rows.ts";

/** The dashboards `maintain` refreshes, in order. */
export const DASHBOARD_VIEWS = ["school_metrics_current", "lead_funnel_metrics"] as const;

export interface PartitionUpkeep {
  table: string;
  created: string[];
}

export interface ViewRefresh {
  view: (typeof DASHBOARD_VIEWS)[number];
  durationMs: number;
}

export interface MaintenanceReport {
  /** Every partitioned table, with the partitions this run created (none when already ahead). */
  partitions: PartitionUpkeep[];
  views: ViewRefresh[];
  durationMs: number;
}

/**
 * Keeps monthly partitions ahead (pg_partman's maintenance where it owns a table, our own
 * function elsewhere) and refreshes both dashboards concurrently, so readers are never blocked.
 * Runs as the connecting role, which must own the partitioned tables and the views: not inside
 * `withTenant`. Safe to run as often as wanted.
 */
export async function maintain(db: Database): Promise<MaintenanceReport> {
  const started = performance.now();
  const partitions = await queryRows<PartitionUpkeep>(
    db,
    sql`select parent_table as "table", created from keep_partitions_ahead()`,
  );
  const views: ViewRefresh[] = [];
  for (const view of DASHBOARD_VIEWS) {
    const refreshStarted = performance.now();
    await db.execute(sql.raw(`refresh materialized view concurrently ${view}`));
    views.push({ view, durationMs: elapsedSince(refreshStarted) });
  }
  return { partitions, views, durationMs: elapsedSince(started) };
}

/** What a maintenance run did, one line per action, for the CLI to print. */
export function describeMaintenance(report: MaintenanceReport): string[] {
  return [
    ...report.partitions.map(({ table, created }) =>
      created.length
        ? `partitions: ${table} +${created.length} (${created.join(", ")})`
        : `partitions: ${table} already ahead`,
    ),
    ...report.views.map(
      ({ view, durationMs }) => `refreshed ${view} concurrently in ${durationMs} ms`,
    ),
    `done in ${report.durationMs} ms`,
  ];
}

function elapsedSince(start: number): number {
  return Math.round(performance.now() - start);
}
