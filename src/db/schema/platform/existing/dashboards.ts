import {
  date,
  doublePrecision,
  integer,
  numeric,
  pgMaterializedView,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * The two dashboards, created by the SQL migration `platform_views` and declared here for typed
 * reads. They have no row-level security: every read must filter on tenant_id.
 */
export const schoolMetricsCurrent = pgMaterializedView("school_metrics_current", {
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
}).existing();

export const leadFunnelMetrics = pgMaterializedView("lead_funnel_metrics", {
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
}).existing();
