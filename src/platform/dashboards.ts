import { asc, eq, sql } from "drizzle-orm";
import type { Transaction } from "../db/client.ts";
import { leadFunnelMetrics, schoolMetricsCurrent } from "../db/schema/platform/existing/index.ts";

export type SchoolMetrics = typeof schoolMetricsCurrent.$inferSelect;
export type FunnelMetrics = typeof leadFunnelMetrics.$inferSelect;

/**
 * The school dashboard of the transaction's tenant (see `withTenant`), as of the last refresh.
 * Materialized views have no row-level security, so the tenant filter here is what isolates
 * tenants; outside a tenant context it returns nothing.
 */
export function schoolMetrics(tx: Transaction): Promise<SchoolMetrics[]> {
  return tx
    .select()
    .from(schoolMetricsCurrent)
    .where(eq(schoolMetricsCurrent.tenantId, sql`current_tenant_id()`))
    .orderBy(asc(schoolMetricsCurrent.schoolName), asc(schoolMetricsCurrent.schoolSourcedId));
}

/** The funnel dashboard of the transaction's tenant: newest month first, stages in funnel order. */
export function funnelMetrics(tx: Transaction): Promise<FunnelMetrics[]> {
  return tx
    .select()
    .from(leadFunnelMetrics)
    .where(eq(leadFunnelMetrics.tenantId, sql`current_tenant_id()`))
    .orderBy(sql`${leadFunnelMetrics.periodStart} desc`, asc(leadFunnelMetrics.stagePosition));
}
