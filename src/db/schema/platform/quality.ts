import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { entityColumns, entityConstraints, refersTo } from "../columns.ts";
import { orgs } from "../organizations.ts";
import { users } from "../users.ts";
import { oneOf, periodCheck } from "./columns.ts";

/** The three promises every TSA school is measured on. */
export const QUALITY_PILLARS = ["love_school", "learn_2x", "life_skills"] as const;
export const METRIC_UNITS = ["percent", "score", "ratio", "count"] as const;
export const REVIEWER_ROLES = ["parent", "student", "coach", "staff", "external"] as const;
export const REVIEW_SOURCES = [
  "internal",
  "google",
  "niche",
  "greatschools",
  "facebook",
  "other",
] as const;

/** What is measured under a pillar, in which unit, against which target. */
export const qualityMetricDefinitions = pgTable(
  "quality_metric_definitions",
  {
    ...entityColumns(),
    pillar: text({ enum: QUALITY_PILLARS }).notNull(),
    name: text().notNull(),
    description: text(),
    unit: text({ enum: METRIC_UNITS }).notNull(),
    targetValue: doublePrecision(),
    higherIsBetter: boolean().notNull().default(true),
  },
  (t) => [
    ...entityConstraints("quality_metric_definitions", t),
    oneOf("quality_metric_definitions_pillar_check", t.pillar, QUALITY_PILLARS),
    oneOf("quality_metric_definitions_unit_check", t.unit, METRIC_UNITS),
  ],
);

/**
 * The quality metrics schools record: one measured value of a metric for one school and period
 * (a month, a term, a year).
 */
export const qualityMetrics = pgTable(
  "quality_metrics",
  {
    ...entityColumns(),
    definitionSourcedId: text().notNull(),
    schoolSourcedId: text().notNull(),
    periodStart: date({ mode: "string" }).notNull(),
    periodEnd: date({ mode: "string" }).notNull(),
    value: doublePrecision().notNull(),
    sampleSize: integer(),
  },
  (t) => [
    ...entityConstraints("quality_metrics", t),
    ...refersTo(
      "quality_metrics_definition",
      t.tenantId,
      t.definitionSourcedId,
      qualityMetricDefinitions,
    ),
    ...refersTo("quality_metrics_school", t.tenantId, t.schoolSourcedId, orgs),
    unique("quality_metrics_period_key").on(
      t.tenantId,
      t.definitionSourcedId,
      t.schoolSourcedId,
      t.periodStart,
    ),
    periodCheck("quality_metrics", t.periodStart, t.periodEnd),
    check(
      "quality_metrics_sample_size_check",
      sql`${t.sampleSize} is null or ${t.sampleSize} >= 0`,
    ),
  ],
);

/** A star review of a school, written on the platform or collected from a public site. */
export const schoolReviews = pgTable(
  "school_reviews",
  {
    ...entityColumns(),
    schoolSourcedId: text().notNull(),
    reviewerUserSourcedId: text(),
    reviewerRole: text({ enum: REVIEWER_ROLES }).notNull(),
    source: text({ enum: REVIEW_SOURCES }).notNull().default("internal"),
    rating: integer().notNull(),
    title: text(),
    body: text(),
    reviewedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    ...entityConstraints("school_reviews", t),
    ...refersTo("school_reviews_school", t.tenantId, t.schoolSourcedId, orgs),
    ...refersTo("school_reviews_reviewer", t.tenantId, t.reviewerUserSourcedId, users),
    oneOf("school_reviews_reviewer_role_check", t.reviewerRole, REVIEWER_ROLES),
    oneOf("school_reviews_source_check", t.source, REVIEW_SOURCES),
    check("school_reviews_rating_check", sql`${t.rating} between 1 and 5`),
  ],
);

/**
 * A parent's answer to "how likely are you to recommend this school?" (0–10), once per survey
 * period: 9–10 promoters, 0–6 detractors, the Net Promoter Score is their difference in percent.
 */
export const parentSatisfactionResponses = pgTable(
  "parent_satisfaction_responses",
  {
    ...entityColumns(),
    schoolSourcedId: text().notNull(),
    parentUserSourcedId: text().notNull(),
    surveyPeriod: date({ mode: "string" }).notNull(),
    likelihoodToRecommend: integer().notNull(),
    comment: text(),
    respondedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    ...entityConstraints("parent_satisfaction_responses", t),
    ...refersTo("parent_satisfaction_school", t.tenantId, t.schoolSourcedId, orgs),
    ...refersTo("parent_satisfaction_parent", t.tenantId, t.parentUserSourcedId, users),
    unique("parent_satisfaction_responses_once_key").on(
      t.tenantId,
      t.schoolSourcedId,
      t.parentUserSourcedId,
      t.surveyPeriod,
    ),
    check(
      "parent_satisfaction_responses_score_check",
      sql`${t.likelihoodToRecommend} between 0 and 10`,
    ),
  ],
);
