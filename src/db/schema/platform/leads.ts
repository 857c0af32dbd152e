import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { entityColumns, entityConstraints, refersTo } from "../columns.ts";
import { orgs } from "../organizations.ts";
import { tenants } from "../tenants.ts";
import { users } from "../users.ts";
import { historyColumns, historyKey, implies, oneOf } from "./columns.ts";

export const STAGE_KINDS = ["open", "won", "lost"] as const;
export const LEAD_SOURCES = [
  "web",
  "referral",
  "event",
  "social",
  "paid_search",
  "paid_social",
  "partner",
  "walk_in",
  "phone",
  "other",
] as const;
/** What a scoring rule looks at; `touchpoint_channel` rules count touchpoints, the rest match once. */
export const SCORING_CRITERIA = [
  "source",
  "utm_source",
  "utm_medium",
  "utm_campaign",
  "school_of_interest",
  "has_email",
  "has_phone",
  "stage",
  "touchpoint_channel",
] as const;

/** The steps of the enrollment funnel, in order; `won` and `lost` end a lead's journey. */
export const funnelStages = pgTable(
  "funnel_stages",
  {
    ...entityColumns(),
    name: text().notNull(),
    position: integer().notNull(),
    kind: text({ enum: STAGE_KINDS }).notNull().default("open"),
    description: text(),
    /** How long a lead should stay at most, for follow-up reminders. */
    targetDays: integer(),
  },
  (t) => [
    ...entityConstraints("funnel_stages", t),
    unique("funnel_stages_position_key").on(t.tenantId, t.position),
    oneOf("funnel_stages_kind_check", t.kind, STAGE_KINDS),
    check("funnel_stages_position_check", sql`${t.position} > 0`),
    check("funnel_stages_target_days_check", sql`${t.targetDays} is null or ${t.targetDays} > 0`),
  ],
);

/** A family interested in a school, with where they came from and who follows them up. */
export const leads = pgTable(
  "leads",
  {
    ...entityColumns(),
    givenName: text().notNull(),
    familyName: text(),
    email: text(),
    phone: text(),
    source: text({ enum: LEAD_SOURCES }).notNull(),
    campaign: text(),
    utmSource: text(),
    utmMedium: text(),
    utmCampaign: text(),
    utmTerm: text(),
    utmContent: text(),
    landingPage: text(),
    schoolOfInterestSourcedId: text(),
    ownerUserSourcedId: text(),
    stageSourcedId: text().notNull(),
    studentCount: integer().notNull().default(1),
    studentGrades: text().array(),
  },
  (t) => [
    ...entityConstraints("leads", t),
    ...refersTo("leads_school_of_interest", t.tenantId, t.schoolOfInterestSourcedId, orgs),
    ...refersTo("leads_owner", t.tenantId, t.ownerUserSourcedId, users),
    ...refersTo("leads_stage", t.tenantId, t.stageSourcedId, funnelStages),
    check("leads_contact_check", sql`${t.email} is not null or ${t.phone} is not null`),
    check(
      "leads_email_check",
      sql`${t.email} is null or ${t.email} ~ '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$'`,
    ),
    oneOf("leads_source_check", t.source, LEAD_SOURCES),
    check("leads_student_count_check", sql`${t.studentCount} between 1 and 20`),
  ],
);

/** Each stay of a lead in a stage; written by trigger when a lead enters or changes stage. */
export const leadStageHistory = pgTable(
  "lead_stage_history",
  {
    ...historyColumns(),
    leadSourcedId: text().notNull(),
    stageSourcedId: text().notNull(),
    enteredAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    leftAt: timestamp({ withTimezone: true, precision: 3 }),
  },
  (t) => [
    historyKey("lead_stage_history", t),
    ...refersTo("lead_stage_history_lead", t.tenantId, t.leadSourcedId, leads),
    ...refersTo("lead_stage_history_stage", t.tenantId, t.stageSourcedId, funnelStages),
    index("lead_stage_history_stage_time_idx").on(t.tenantId, t.stageSourcedId, t.enteredAt),
    check(
      "lead_stage_history_period_check",
      sql`${t.leftAt} is null or ${t.leftAt} >= ${t.enteredAt}`,
    ),
  ],
);

/** Points a lead earns for what it is or does; summed (0–100) into `lead_scores` by trigger. */
export const leadScoringRules = pgTable(
  "lead_scoring_rules",
  {
    ...entityColumns(),
    name: text().notNull(),
    criterion: text({ enum: SCORING_CRITERIA }).notNull(),
    /** The value to match; NULL matches any (any school of interest, any touchpoint). */
    matchValue: text(),
    points: integer().notNull(),
    /** Cap for rules that count touchpoints, so one busy channel cannot max out a score. */
    maxPoints: integer(),
  },
  (t) => [
    ...entityConstraints("lead_scoring_rules", t),
    oneOf("lead_scoring_rules_criterion_check", t.criterion, SCORING_CRITERIA),
    check(
      "lead_scoring_rules_points_check",
      sql`${t.points} between -100 and 100 and ${t.points} <> 0`,
    ),
    check("lead_scoring_rules_max_points_check", sql`${t.maxPoints} is null or ${t.maxPoints} > 0`),
    implies(
      "lead_scoring_rules_match_value_check",
      sql`${t.criterion} in ('source','utm_source','utm_medium','utm_campaign','stage')`,
      sql`${t.matchValue} is not null`,
    ),
  ],
);

/** A lead's current score and which rules gave it; derived by the scoring trigger only. */
export const leadScores = pgTable(
  "lead_scores",
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    leadSourcedId: text().notNull(),
    score: integer().notNull(),
    breakdown: jsonb().$type<Record<string, number>>().notNull(),
    scoredAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "lead_scores_pkey", columns: [t.tenantId, t.leadSourcedId] }),
    foreignKey({
      name: "lead_scores_lead_fkey",
      columns: [t.tenantId, t.leadSourcedId],
      foreignColumns: [leads.tenantId, leads.sourcedId],
    })
      .onUpdate("cascade")
      .onDelete("cascade"),
    index("lead_scores_score_idx").on(t.tenantId, t.score),
    check("lead_scores_score_check", sql`${t.score} between 0 and 100`),
  ],
);
