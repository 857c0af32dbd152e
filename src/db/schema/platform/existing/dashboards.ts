import {
  date,
  doublePrecision,
  integer,
  numeric,
  pgMaterializedView,
  pgView,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/** Columns of the school dashboard: one row per school. */
const schoolMetricsColumns = () => ({
  tenantId: uuid().notNull(),
  schoolSourcedId: text().notNull(),
  schoolName: text().notNull(),
  activeStudents: integer().notNull(),
  activeCoaches: integer().notNull(),
  activeClasses: integer().notNull(),
  /** Share of school days attended (present, tardy or left early) over the last 90 days, 0–1. */
  attendanceRate: doublePrecision(),
  loveSchoolScore: doublePrecision(),
  learn2xScore: doublePrecision("learn_2x_score"),
  lifeSkillsScore: doublePrecision(),
  reviewCount: integer().notNull(),
  averageRating: doublePrecision(),
  parentResponses: integer().notNull(),
  /** Net Promoter Score of parents over the last 12 months, −100 to 100. */
  parentNps: doublePrecision(),
  revenue12Months: numeric("revenue_12_months", {
    precision: 14,
    scale: 2,
    mode: "number",
  }).notNull(),
  refreshedAt: timestamp({ withTimezone: true }).notNull(),
});

/** Columns of the funnel dashboard: one row per stage and month. */
const funnelMetricsColumns = () => ({
  tenantId: uuid().notNull(),
  stageSourcedId: text().notNull(),
  stageName: text().notNull(),
  stagePosition: integer().notNull(),
  stageKind: text({ enum: ["open", "won", "lost"] }).notNull(),
  /** First day of the month in which the leads entered the stage. */
  periodStart: date({ mode: "string" }).notNull(),
  entered: integer().notNull(),
  advanced: integer().notNull(),
  lost: integer().notNull(),
  stillInStage: integer().notNull(),
  enrolled: integer().notNull(),
  conversionRate: doublePrecision().notNull(),
  enrollmentRate: doublePrecision().notNull(),
  avgDaysInStage: doublePrecision(),
  refreshedAt: timestamp({ withTimezone: true }).notNull(),
});

/**
 * The two dashboards as materialized by the SQL migration `platform_views`, across all tenants.
 * Only their owner tsa_reporting (which refreshes them) reads these; the application cannot.
 */
export const schoolMetricsCurrent = pgMaterializedView(
  "school_metrics_current",
  schoolMetricsColumns(),
).existing();
export const leadFunnelMetrics = pgMaterializedView(
  "lead_funnel_metrics",
  funnelMetricsColumns(),
).existing();

/**
 * The dashboards as the application reads them (migration `tenant_dashboards`): views bound to
 * the session's tenant, so no query can read another tenant's figures.
 */
export const tenantSchoolMetrics = pgView(
  "tenant_school_metrics",
  schoolMetricsColumns(),
).existing();
export const tenantLeadFunnelMetrics = pgView(
  "tenant_lead_funnel_metrics",
  funnelMetricsColumns(),
).existing();
