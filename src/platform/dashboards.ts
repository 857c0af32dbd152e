import { asc, type SQL, sql } from "drizzle-orm";
import type { Transaction } from "../db/client.ts";
import {
  tenantLeadFunnelMetrics,
  tenantSchoolMetrics,
} from "../db/schema/platform/existing/index.ts";

export type SchoolMetrics = typeof tenantSchoolMetrics.$inferSelect;
export type FunnelMetrics = typeof tenantLeadFunnelMetrics.$inferSelect;

/**
 * The school dashboard of the transaction's tenant (see `withTenant`), as of the last refresh.
 * The view itself is bound to the session's tenant; outside a tenant context it is empty.
 * `orgs` (a bound text[], see `allowedOrgs`) keeps only those schools, for a restricted client.
 */
export function schoolMetrics(tx: Transaction, orgs?: SQL): Promise<SchoolMetrics[]> {
  return tx
    .select()
    .from(tenantSchoolMetrics)
    .where(orgs ? sql`${tenantSchoolMetrics.schoolSourcedId} = any(${orgs})` : undefined)
    .orderBy(asc(tenantSchoolMetrics.schoolName), asc(tenantSchoolMetrics.schoolSourcedId));
}

/** The funnel dashboard of the transaction's tenant: newest month first, stages in funnel order. */
export function funnelMetrics(tx: Transaction): Promise<FunnelMetrics[]> {
  return tx
    .select()
    .from(tenantLeadFunnelMetrics)
    .orderBy(
      sql`${tenantLeadFunnelMetrics.periodStart} desc`,
      asc(tenantLeadFunnelMetrics.stagePosition),
    );
}
