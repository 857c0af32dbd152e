import { sql } from "drizzle-orm";
import { check, date, doublePrecision, integer, pgTable, text, unique } from "drizzle-orm/pg-core";
import { entityColumns, entityConstraints, refersTo } from "../columns.ts";
import { orgs } from "../organizations.ts";
import { users } from "../users.ts";
import { oneOf, periodCheck } from "./columns.ts";

export const EMPLOYMENT_TYPES = ["employee", "contractor"] as const;
export const ASSIGNMENT_ROLES = ["lead", "assistant", "specialist", "substitute"] as const;

/** The coaching side of a user who coaches: one profile per user. */
export const coachProfiles = pgTable(
  "coach_profiles",
  {
    ...entityColumns(),
    userSourcedId: text().notNull(),
    employmentType: text({ enum: EMPLOYMENT_TYPES }).notNull(),
    hireDate: date({ mode: "string" }),
    bio: text(),
    specialties: text().array(),
    maxStudents: integer(),
  },
  (t) => [
    ...entityConstraints("coach_profiles", t),
    ...refersTo("coach_profiles_user", t.tenantId, t.userSourcedId, users),
    unique("coach_profiles_user_key").on(t.tenantId, t.userSourcedId),
    oneOf("coach_profiles_employment_type_check", t.employmentType, EMPLOYMENT_TYPES),
    check(
      "coach_profiles_max_students_check",
      sql`${t.maxStudents} is null or ${t.maxStudents} > 0`,
    ),
  ],
);

/** A credential a coach holds (teaching licence, first aid, background check) and when it lapses. */
export const coachCertifications = pgTable(
  "coach_certifications",
  {
    ...entityColumns(),
    coachSourcedId: text().notNull(),
    name: text().notNull(),
    issuer: text().notNull(),
    credentialNumber: text(),
    issuedOn: date({ mode: "string" }).notNull(),
    expiresOn: date({ mode: "string" }),
  },
  (t) => [
    ...entityConstraints("coach_certifications", t),
    ...refersTo("coach_certifications_coach", t.tenantId, t.coachSourcedId, coachProfiles),
    check(
      "coach_certifications_dates_check",
      sql`${t.expiresOn} is null or ${t.expiresOn} > ${t.issuedOn}`,
    ),
  ],
);

/**
 * A coach working at a school for a period. A coach leads at most one school at a time: the
 * `coach_assignments_lead_overlap_excl` exclusion constraint (migration `platform_rules`) refuses
 * overlapping lead assignments.
 */
export const coachAssignments = pgTable(
  "coach_assignments",
  {
    ...entityColumns(),
    coachSourcedId: text().notNull(),
    schoolSourcedId: text().notNull(),
    assignmentRole: text({ enum: ASSIGNMENT_ROLES }).notNull(),
    startDate: date({ mode: "string" }).notNull(),
    endDate: date({ mode: "string" }),
  },
  (t) => [
    ...entityConstraints("coach_assignments", t),
    ...refersTo("coach_assignments_coach", t.tenantId, t.coachSourcedId, coachProfiles),
    ...refersTo("coach_assignments_school", t.tenantId, t.schoolSourcedId, orgs),
    oneOf("coach_assignments_assignment_role_check", t.assignmentRole, ASSIGNMENT_ROLES),
    periodCheck("coach_assignments", t.startDate, t.endDate),
  ],
);

/** A measured figure of a coach's work for a period (student growth, parent NPS, retention…). */
export const coachPerformanceMetrics = pgTable(
  "coach_performance_metrics",
  {
    ...entityColumns(),
    coachSourcedId: text().notNull(),
    metric: text().notNull(),
    periodStart: date({ mode: "string" }).notNull(),
    periodEnd: date({ mode: "string" }).notNull(),
    value: doublePrecision().notNull(),
    sampleSize: integer(),
  },
  (t) => [
    ...entityConstraints("coach_performance_metrics", t),
    ...refersTo("coach_performance_metrics_coach", t.tenantId, t.coachSourcedId, coachProfiles),
    unique("coach_performance_metrics_period_key").on(
      t.tenantId,
      t.coachSourcedId,
      t.metric,
      t.periodStart,
    ),
    periodCheck("coach_performance_metrics", t.periodStart, t.periodEnd),
    check("coach_performance_metrics_metric_check", sql`${t.metric} ~ '^[a-z][a-z0-9_]*$'`),
    check(
      "coach_performance_metrics_sample_size_check",
      sql`${t.sampleSize} is null or ${t.sampleSize} >= 0`,
    ),
  ],
);
